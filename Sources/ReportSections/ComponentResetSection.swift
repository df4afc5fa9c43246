import Analysis
import Report
import StyleGAN

/// "Component reset": the child with one component put back to the parent's weights, rendered
/// for the same seeds, and how far each reset moves the images toward the parent.
public struct ComponentResetSection: ReportSection {
    public let id = "resets"
    public let title = "Component reset"
    public let summary = "the child with each component reset to the parent's weights: images and distances"

    public init() {}

    func experiment(_ context: SectionContext) -> ResetExperiment {
        ResetExperiment(settings: context.settings, targets: ResetTarget.standard(config: context.child.generator.config))
    }

    public func batchCount(_ context: SectionContext) -> Int {
        experiment(context).batchCount(parent: context.parent.generator, child: context.child.generator)
    }

    public func make(_ context: SectionContext) throws -> SectionCells {
        let results = try experiment(context).run(parent: context.parent.generator, child: context.child.generator,
                                                  progress: context.progress)
        let resolution = context.settings.outputResolution(context.child.generator.config)
        return SectionCells(body: [
            .prose("Each row below is the child with one group of tensors replaced by the parent's (a state-dict copy), rendered by the same engine for the same seeds as the parent and child rows. Every network maps z through its own mapping network, so a mapping reset also changes w. Groups: each component on its own; all synthesis convs (3×3 feature-conv and 1×1 toRGB weights and biases); everything but convs (mapping with w_avg, all affines, noise strengths and buffers, const input). If resetting a group moves the child back to the parent, that group holds the change that makes the child."),
            .figure(ResetFigures.grid(results, resolution: resolution)),
            .figure(ResetFigures.distanceChart(results, resolution: resolution)),
            .table(table(results, resolution: resolution)),
            .prose(ResetText.finding(results)),
        ])
    }

    func table(_ results: ResetResults, resolution: Int) -> Table {
        let d = results.childToParent
        var rows: [[TableCell]] = [
            [.text("none (the child)"), Cells.distance(0), Cells.distance(d.pixel), Cells.distance(0),
             Cells.distance(d.structure), Cells.percent(d.pixel > 0 ? 0 : nil)],
        ]
        for outcome in results.outcomes {
            let name = outcome.weightsUnchanged ? "\(outcome.target.title) (identical weights)" : outcome.target.title
            rows.append([.text(name), Cells.distance(outcome.toChild.pixel), Cells.distance(outcome.toParent.pixel),
                         Cells.distance(outcome.toChild.structure), Cells.distance(outcome.toParent.structure),
                         Cells.percent(results.gapClosed(outcome))])
        }
        rows.append([.text("everything (the parent)"), Cells.distance(d.pixel), Cells.distance(0),
                     Cells.distance(d.structure), Cells.distance(0), Cells.percent(d.pixel > 0 ? 1 : nil)])
        let seeds = results.settings.seeds.count
        return Table(name: "reset-distances",
                     caption: "Distances of the reset images to the child's and to the parent's, mean over \(seeds) seed\(seeds == 1 ? "" : "s") at \(resolution) × \(resolution) px, values clamped to [-1, 1] first. Rows: the group reset (first and last rows: the child and the parent themselves); columns: mean absolute pixel difference to the child and to the parent (0 = identical, 2 = opposite), the same after 8 × 8 box down-sampling (the structure distance: layout and colour masses without texture), and the share of the child–parent pixel distance closed, 1 − d(reset, parent) / d(child, parent), in %.",
                     columns: [TableColumn("Reset"),
                               TableColumn("Pixel → child", alignment: .right),
                               TableColumn("Pixel → parent", alignment: .right),
                               TableColumn("8×8 → child", alignment: .right),
                               TableColumn("8×8 → parent", alignment: .right),
                               TableColumn("Gap closed", alignment: .right, unit: "%")],
                     rows: rows)
    }
}
