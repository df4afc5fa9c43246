import Analysis
import Foundation
import Report
import StyleGAN

/// Runs the selected sections on an aligned pair and assembles the report: title, leading alerts
/// (shown on the first page), an introduction, each section under its heading, the appendix, and
/// the provenance block with the duration of each section. Writes nothing: the caller hands the
/// finished report to `ReportWriter`, so an error leaves no output behind.
public struct AlignmentReportBuilder {
    public var parent: ReportModel
    public var child: ReportModel
    public var settings: RenderSettings
    public var sections: [any ReportSection]
    public var facts: RunFacts
    /// Shown first, before anything else (e.g. that the pair is the built-in demo).
    public var leadingAlerts: [(AlertLevel, String)]
    /// The command's options, stored in report.json so the report can be made again.
    public var options: [String: OptionValue]

    public init(parent: ReportModel, child: ReportModel, settings: RenderSettings, sections: [any ReportSection],
                facts: RunFacts, leadingAlerts: [(AlertLevel, String)] = [], options: [String: OptionValue] = [:]) {
        self.parent = parent
        self.child = child
        self.settings = settings
        self.sections = sections
        self.facts = facts
        self.leadingAlerts = leadingAlerts
        self.options = options
    }

    /// Throws `AlignmentError` before any section runs when the pair is not aligned.
    public func build(progress: ReportProgress? = nil) throws -> Report {
        let comparison = try ModelComparison(parent: parent.generator, child: child.generator)
        try settings.check(child.generator.config)
        var cells: [ReportCell] = leadingAlerts.map { .alert($0.0, $0.1) }
        if comparison.weightsIdentical {
            cells.append(.alert(.warning, "The child's weights equal the parent's: fine-tuning changed nothing, or the same network was given twice. Every change in this report is zero."))
        } else if let unrelated = try Self.unrelatedWeightsWarning(parent: parent.generator, child: child.generator) {
            cells.append(.alert(.warning, unrelated))
        }
        cells.append(.prose(introduction))
        var appendix: [ReportCell] = []
        var timings: [(String, Double)] = []
        let clock = ContinuousClock()
        for (index, section) in sections.enumerated() {
            let base = SectionContext(parent: parent, child: child, settings: settings)
            progress?.sectionStarted(section.title, index: index, count: sections.count, batches: section.batchCount(base))
            let context = SectionContext(parent: parent, child: child, settings: settings,
                                         progress: progress.map { p in { p.batchDone($0, of: $1) } })
            var made = SectionCells(body: [])
            let elapsed = try clock.measure { made = try section.make(context) }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            progress?.sectionFinished(seconds: seconds)
            timings.append((section.title, seconds))
            cells.append(.heading(level: 1, text: section.title))
            cells += made.body
            appendix += made.appendix
        }
        if !appendix.isEmpty {
            cells.append(.pageBreak)
            cells.append(.heading(level: 1, text: "Appendix"))
            cells += appendix
        }
        return Report(title: "Where did fine-tuning change the network?",
                      subtitle: "StyleAlign alignment report: \(parent.shortName) → \(child.shortName)",
                      provenance: provenance(timings: timings), options: options, sectionTimings: timings, cells: cells)
    }

    /// Fine-tuning keeps a child's weights close to its parent's (cosine similarity near 1); two
    /// networks trained apart have cosine near 0. Below this the pair is called unrelated.
    public static let relatedCosine = 0.5

    /// A warning when the two networks share the architecture but not the weights, e.g. when the
    /// wrong parent was given: the analyses still run, but they describe two unrelated networks.
    public static func unrelatedWeightsWarning(parent: Generator, child: Generator) throws -> String? {
        let changes = try WeightChanges(parent: parent, child: child)
        guard let cosine = changes.total.cosineSimilarity, cosine < relatedCosine else { return nil }
        return "The child's weights are nearly unrelated to the parent's (cosine similarity \(String(format: "%.3f", cosine)) over all tensors, relative change \(Cells.percentText(changes.total.relativeChange))): it was probably not fine-tuned from this parent. The two networks share the architecture, so every analysis below runs, but they compare two independent networks rather than an aligned pair."
    }

    var introduction: String {
        let names = sections.map(\.title)
        return "This report compares a parent StyleGAN2 generator with a child fine-tuned from it and asks where fine-tuning changed the network (StyleAlign, Wu et al., ICLR 2022, §4.1). Sections: \(names.isEmpty ? "none" : Cells.list(names)). Images are rendered on the CPU by this tool's engine for seeds \(SeedText.format(settings.seeds)); every number shown is also written to the data folder next to this report."
    }

    func provenance(timings: [(String, Double)]) -> [(String, String)] {
        let s = settings
        var rows: [(String, String)] = [
            ("tool version", facts.toolVersion),
            ("command", facts.commandLine),
        ]
        for model in [parent, child] {
            rows.append((model.role, model.source))
            rows.append(("  SHA-256", model.sha256 ?? "– (built in, no file)"))
            rows.append(("  architecture", model.architectureSummary))
        }
        rows += [
            ("seeds", SeedText.format(s.seeds)),
            ("truncation ψ", s.truncation.psi == 1 ? "1 (none)" : "\(s.truncation.psi)" + (s.truncation.cutoff.map { ", first \($0) ws" } ?? "")),
            ("noise mode", s.noise.rawValue + (s.noise == .random ? " (noise seed \(s.noiseSeed))" : "")),
            ("render resolution", "\(s.outputResolution(child.generator.config)) px" + (s.resolution.map { $0 == child.generator.config.resolution ? "" : " (preview; full \(child.generator.config.resolution) px)" } ?? "")),
            ("BLAS threads", "\(facts.threads)"),
            ("started", facts.startTimeText),
            ("section durations", timings.isEmpty ? "–" : timings.map { "\($0.0) " + String(format: "%.1f s", $0.1) }.joined(separator: ", ")),
            ("machine", facts.machine),
        ]
        return rows
    }
}
