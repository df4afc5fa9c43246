/// The numbers behind each figure, so they can be re-plotted elsewhere: CSV for plots and
/// heatmaps, JSON for image grids (their labels and image sizes).
enum FigureData {
    static func text(_ content: FigureContent) -> String {
        switch content {
        case .barChart(let chart): return barChart(chart)
        case .linePlot(let plot): return linePlot(plot)
        case .heatmap(let matrix): return heatmap(matrix)
        case .histogram(let counts): return histogram(counts)
        case .imageGrid(let grid): return imageGrid(grid)
        }
    }

    /// category, one column per series (and "<series> error" where error bars are given).
    private static func barChart(_ chart: BarChart) -> String {
        var header = ["category"]
        for series in chart.series {
            header.append(series.name)
            if series.errors != nil { header.append(series.name + " error") }
        }
        var rows = [header]
        for (index, category) in chart.categories.enumerated() {
            var row = [category]
            for series in chart.series {
                row.append(series.values[safe: index].map(NumberText.exact) ?? "")
                if let errors = series.errors { row.append(errors[safe: index].map(NumberText.exact) ?? "") }
            }
            rows.append(row)
        }
        return CSVText.encode(rows)
    }

    /// Long form: series, x, y.
    private static func linePlot(_ plot: LinePlot) -> String {
        var rows = [["series", plot.xLabel, plot.yLabel]]
        for series in plot.series {
            for (x, y) in zip(series.x, series.y) {
                rows.append([series.name, NumberText.exact(x), NumberText.exact(y)])
            }
        }
        return CSVText.encode(rows)
    }

    /// The matrix with row labels in the first column and column labels in the header
    /// (indices from 0 when no labels are given).
    private static func heatmap(_ heatmap: Heatmap) -> String {
        let columnLabels = heatmap.columnLabels.isEmpty ? (0..<heatmap.columnCount).map(String.init) : heatmap.columnLabels
        let corner = [heatmap.rowAxisTitle ?? "row", heatmap.columnAxisTitle ?? "column"].joined(separator: " \\ ")
        var rows = [[corner] + columnLabels]
        for (index, values) in heatmap.values.enumerated() {
            let label = heatmap.rowLabels[safe: index] ?? String(index)
            rows.append([label] + values.map(NumberText.exact))
        }
        return CSVText.encode(rows)
    }

    /// bin start, bin end, one count column per series.
    private static func histogram(_ histogram: Histogram) -> String {
        var rows = [["bin start", "bin end"] + histogram.series.map(\.name)]
        for bin in 0..<max(histogram.binEdges.count - 1, 0) {
            rows.append([NumberText.exact(histogram.binEdges[bin]), NumberText.exact(histogram.binEdges[bin + 1])]
                + histogram.series.map { $0.counts[safe: bin].map(NumberText.exact) ?? "" })
        }
        return CSVText.encode(rows)
    }

    private static func imageGrid(_ grid: ImageGrid) -> String {
        func optional(_ text: String?) -> OptionValue { text.map(OptionValue.string) ?? .null }
        let value: OptionValue = .object([
            ("rowAxisTitle", optional(grid.rowAxisTitle)),
            ("columnAxisTitle", optional(grid.columnAxisTitle)),
            ("rowLabels", .array(grid.rowLabels.map(OptionValue.string))),
            ("columnLabels", .array(grid.columnLabels.map(OptionValue.string))),
            ("imageSizes", .array(grid.images.map { row in
                .array(row.map { .object([("width", .integer($0.width)), ("height", .integer($0.height))]) })
            })),
        ])
        return JSONText.encode(value, pretty: true) + "\n"
    }
}
