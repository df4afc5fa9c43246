import Analysis
import Report
import StyleGAN

/// The figures of the component-reset section.
enum ResetFigures {
    /// Rows: parent, child, then the child with each group reset whose weights differ; columns: seeds.
    static func grid(_ results: ResetResults, resolution: Int) -> Figure {
        let shown = results.outcomes.filter { !$0.weightsUnchanged }
        let skipped = results.outcomes.filter(\.weightsUnchanged).map(\.target.title)
        let rows = [RGBImages.of(results.parentImages), RGBImages.of(results.childImages)] + shown.map { RGBImages.of($0.images) }
        let labels = ["parent", "child"] + shown.map { "child, \($0.target.title) reset" }
        var caption = "The child with one group of tensors reset to the parent's weights. Rows: parent, child, then the child with the named group reset; columns: seeds (z = RandomState(seed).randn), \(results.settings.truncation.psi == 1 ? "no truncation" : "ψ = \(results.settings.truncation.psi)"), noise \(results.settings.noise.rawValue), \(resolution) × \(resolution) px."
        if !skipped.isEmpty {
            caption += " Not shown because their tensors are identical in both networks (the reset is the child): \(Cells.list(skipped))."
        }
        return Figure(name: "component-reset-grid", caption: caption,
                      content: .imageGrid(ImageGrid(images: rows, rowLabels: labels,
                                                    columnLabels: results.settings.seeds.map { "\($0)" },
                                                    columnAxisTitle: "seed")))
    }

    /// Categories: the child, each group, the parent; bars: distance to the child and to the parent.
    static func distanceChart(_ results: ResetResults, resolution: Int) -> Figure {
        let d = results.childToParent
        let categories = ["child"] + results.outcomes.map(\.target.title) + ["parent"]
        let toChild = [0] + results.outcomes.map(\.toChild.pixel) + [d.pixel]
        let toParent = [d.pixel] + results.outcomes.map(\.toParent.pixel) + [0]
        let chart = BarChart(categories: categories,
                             series: [BarChart.Series(name: "distance to the child", values: toChild),
                                      BarChart.Series(name: "distance to the parent", values: toParent)],
                             yLabel: "mean |Δ pixel| in [-1, 1]", xLabel: "group reset to the parent's weights")
        return Figure(name: "reset-distances",
                      caption: "How far each reset moves the child's images. x: the group reset (the child and the parent themselves at the ends); bars: mean absolute pixel difference of the reset images to the child's and to the parent's (values in [-1, 1], \(resolution) × \(resolution) px, mean over seeds). A reset that moves the child back to the parent has a short parent bar and a long child bar.",
                      content: .barChart(chart))
    }
}
