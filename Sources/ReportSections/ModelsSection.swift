import Analysis
import Report
import StyleGAN

/// "Models": the two architectures side by side, where each network came from, and which
/// tensors are identical. A pair that is not aligned never gets here: the builder refuses it.
public struct ModelsSection: ReportSection {
    public let id = "models"
    public let title = "Models"
    public let summary = "the two architectures side by side, sources and identical tensors"

    public init() {}

    public func make(_ context: SectionContext) throws -> SectionCells {
        let comparison = try ModelComparison(parent: context.parent.generator, child: context.child.generator)
        var cells: [ReportCell] = []
        let identical = comparison.identicalTensors.count
        var text = "Both networks have the same synthesis architecture and the same \(comparison.tensorCount) tensors with the same shapes, so every tensor of the child has a counterpart in the parent and can be compared with it or reset to it."
        if comparison.weightsIdentical {
            text += " Every tensor of the child equals the parent's."
        } else if identical > 0 {
            text += " \(identical) of the \(comparison.tensorCount) tensors are bit-identical in both networks: \(Self.identicalSummary(comparison, context.parent.generator.config))."
        } else {
            text += " No tensor is identical in both networks."
        }
        cells.append(.prose(text))
        if !comparison.behaviourDifferences.isEmpty {
            cells.append(.alert(.info, "The networks differ in settings that change no tensor shape: \(Cells.list(comparison.behaviourDifferences)). Resets run with the child's settings."))
        }
        cells.append(.table(sourceTable(context)))
        cells.append(.table(architectureTable(comparison)))
        return SectionCells(body: cells)
    }

    func sourceTable(_ context: SectionContext) -> Table {
        let p = context.parent, c = context.child
        var rows: [[TableCell]] = [
            [.text("source"), .text(p.source), .text(c.source)],
            [.text("format"), .text(p.format), .text(c.format)],
        ]
        // Reader facts, matched by label; a fact only one reader found shows a dash on the other side.
        var labels: [String] = []
        for (label, _) in p.details + c.details where !labels.contains(label) { labels.append(label) }
        for label in labels {
            let a = p.details.first { $0.0 == label }?.1, b = c.details.first { $0.0 == label }?.1
            rows.append([.text(label), a.map(TableCell.text) ?? .missing, b.map(TableCell.text) ?? .missing])
        }
        return Table(name: "model-sources",
                     caption: "Where each network comes from (the SHA-256 of each file is in the provenance block). Rows: source file, container format, and what the checkpoint reader found in it; columns: parent and child.",
                     columns: [TableColumn("Property"), TableColumn("Parent"), TableColumn("Child")], rows: rows)
    }

    func architectureTable(_ comparison: ModelComparison) -> Table {
        Table(name: "architectures",
              caption: "The two architectures side by side, as read from the checkpoints. Rows: architecture properties; columns: parent, child, and whether they differ.",
              columns: [TableColumn("Property"), TableColumn("Parent"), TableColumn("Child"), TableColumn("Differs", alignment: .center)],
              rows: comparison.rows.map { [.text($0.property), .text($0.parent), .text($0.child), .text($0.differs ? "yes" : "")] })
    }

    /// "all noise buffers (7 tensors) and 2 other tensors": whole components first, then the rest.
    static func identicalSummary(_ comparison: ModelComparison, _ config: GeneratorConfig) -> String {
        let identical = Set(comparison.identicalTensors)
        let specs = config.parameterSpecs
        var parts: [String] = []
        var covered = 0
        for component in ParameterComponent.allCases {
            let members = specs.filter { $0.component == component }
            guard !members.isEmpty, members.allSatisfy({ identical.contains($0.name) }) else { continue }
            parts.append("all \(component.title) (\(members.count) tensor\(members.count == 1 ? "" : "s"))")
            covered += members.count
        }
        let rest = identical.count - covered
        if rest > 0 { parts.append(parts.isEmpty ? "\(rest) tensors" : "\(rest) other tensor\(rest == 1 ? "" : "s")") }
        return Cells.list(parts)
    }
}
