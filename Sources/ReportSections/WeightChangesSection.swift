import Analysis
import Report
import StyleGAN

/// "Weight changes": relative change and cosine similarity of every tensor, summarised per
/// component and per block resolution, and the shift of w_avg.
public struct WeightChangesSection: ReportSection {
    public let id = "weights"
    public let title = "Weight changes"
    public let summary = "relative change and cosine similarity per tensor, component and resolution; w_avg shift"

    public init() {}

    public func make(_ context: SectionContext) throws -> SectionCells {
        let changes = try WeightChanges(parent: context.parent.generator, child: context.child.generator)
        var body: [ReportCell] = [
            .prose("For every tensor θ (named as in NVIDIA's stylegan2-ada-pytorch, whatever format it was read from) the relative change ‖θc − θp‖ / ‖θp‖ and the cosine similarity ⟨θp, θc⟩ / (‖θp‖ ‖θc‖) between parent p and child c, computed in double precision. A group of tensors (a component, a block) is treated as one concatenated vector: its relative change is sqrt(Σ‖Δ‖²) / sqrt(Σ‖θp‖²), so large tensors weigh more. The mapping component includes w_avg."),
            .keyFigures(keyFigures(changes)),
            .figure(WeightChangeChart.figure(changes)),
            .prose(WeightChangeText.finding(changes)),
            .table(componentTable(changes)),
            .table(resolutionTable(changes)),
        ]
        body.append(.prose(WeightChangeText.wAvg(changes.wAvg)))
        let appendix: [ReportCell] = [
            .heading(level: 2, text: "Per-tensor weight changes"),
            .table(tensorTable(changes)),
        ]
        return SectionCells(body: body, appendix: appendix)
    }

    func keyFigures(_ changes: WeightChanges) -> [KeyFigure] {
        var figures = [KeyFigure(label: "Whole network", value: Cells.percentText(changes.total.relativeChange),
                                 note: "relative L2 change, all tensors")]
        let total = changes.total.differenceSquaredNorm
        if total > 0, let most = changes.components.max(by: { $0.summary.differenceSquaredNorm < $1.summary.differenceSquaredNorm }) {
            figures.append(KeyFigure(label: "Most of the change: \(most.component.title)",
                                     value: Cells.percentText(most.summary.differenceSquaredNorm / total),
                                     note: "share of Σ‖Δ‖²; relative change \(Cells.percentText(most.summary.relativeChange))"))
        }
        if let mapping = changes.summary(of: .mapping) {
            figures.append(KeyFigure(label: "Mapping network", value: Cells.percentText(mapping.relativeChange),
                                     note: "relative L2 change, with w_avg"))
        }
        figures.append(KeyFigure(label: "w_avg shift", value: Cells.distanceText(changes.wAvg.distance),
                                 note: "‖Δw_avg‖, \(Cells.percentText(changes.wAvg.relativeChange)) of ‖w_avg‖"))
        return figures
    }

    func componentTable(_ changes: WeightChanges) -> Table {
        let totalSquared = changes.total.differenceSquaredNorm
        let rows: [[TableCell]] = changes.components.map { entry in
            let s = entry.summary
            return [.text(entry.component.title), .integer(s.tensorCount), .integer(s.valueCount),
                    Cells.percent(s.relativeChange), Cells.cosine(s.cosineSimilarity),
                    totalSquared > 0 ? Cells.percent(s.differenceSquaredNorm / totalSquared) : .missing]
        } + [[.text("all tensors"), .integer(changes.total.tensorCount), .integer(changes.total.valueCount),
              Cells.percent(changes.total.relativeChange), Cells.cosine(changes.total.cosineSimilarity),
              totalSquared > 0 ? Cells.percent(1) : .missing]]
        return Table(name: "component-changes",
                     caption: "Weight change per component. Rows: components (and all tensors together); columns: number of tensors and values, relative L2 change sqrt(Σ‖Δ‖²)/sqrt(Σ‖θp‖²) in %, cosine similarity of the concatenated weights, and the component's share of the network's total squared change Σ‖Δ‖² in %. A dash: undefined (the parent's tensors are all zero).",
                     columns: [TableColumn("Component"), TableColumn("Tensors", alignment: .right),
                               TableColumn("Values", alignment: .right),
                               TableColumn("Relative change", alignment: .right, unit: "%"),
                               TableColumn("Cosine similarity", alignment: .right),
                               TableColumn("Share of change", alignment: .right, unit: "%")],
                     rows: rows)
    }

    func resolutionTable(_ changes: WeightChanges) -> Table {
        var rows: [[TableCell]] = []
        if let mapping = changes.summary(of: .mapping) {
            rows.append([.text("mapping"), .integer(mapping.tensorCount), .integer(mapping.valueCount),
                         Cells.percent(mapping.relativeChange), Cells.cosine(mapping.cosineSimilarity)])
        }
        for block in changes.resolutions {
            let s = block.summary
            rows.append([.text("\(block.resolution) × \(block.resolution)"), .integer(s.tensorCount), .integer(s.valueCount),
                         Cells.percent(s.relativeChange), Cells.cosine(s.cosineSimilarity)])
        }
        return Table(name: "resolution-changes",
                     caption: "Weight change per synthesis block (all of a block's tensors together), after the mapping network. Rows: mapping network and block resolutions; columns: tensors, values, relative L2 change in %, cosine similarity.",
                     columns: [TableColumn("Block"), TableColumn("Tensors", alignment: .right),
                               TableColumn("Values", alignment: .right),
                               TableColumn("Relative change", alignment: .right, unit: "%"),
                               TableColumn("Cosine similarity", alignment: .right)],
                     rows: rows)
    }

    func tensorTable(_ changes: WeightChanges) -> Table {
        Table(name: "tensor-changes",
              caption: "Every parameter tensor, in NVIDIA order (the block resolution is in the name). Rows: tensors by NVIDIA parameter name (their shapes follow from the architecture table); columns: component, ‖θp‖, ‖θc − θp‖, relative change ‖θc − θp‖/‖θp‖ in %, cosine similarity (±1 for scalars). A dash: undefined (a zero tensor).",
              columns: [TableColumn("Tensor"), TableColumn("Component"), TableColumn("‖θp‖", alignment: .right),
                        TableColumn("‖Δ‖", alignment: .right),
                        TableColumn("Relative change", alignment: .right, unit: "%"),
                        TableColumn("Cosine", alignment: .right)],
              rows: changes.tensors.map { t in
                  [.text(t.name), .text(t.component.title), Cells.distance(t.summary.parentNorm),
                   Cells.distance(t.summary.differenceNorm), Cells.percent(t.relativeChange), Cells.cosine(t.cosineSimilarity)]
              })
    }
}
