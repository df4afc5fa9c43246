import Foundation
import Report

/// Crowded and awkward inputs: many categories with long names, a 512-row heatmap, log axes,
/// NaN values, empty figures, wide tables with long text. Used to check nothing overlaps or crashes.
enum EdgeCaseReport {
    static let layerNames = (0..<18).map { index -> String in
        let resolution = 4 << (index / 2)
        return "synthesis.b\(resolution).conv\(index % 2)"
    }

    static let tallMatrix: [[Double]] = (0..<512).map { row -> [Double] in
        (0..<18).map { column -> Double in Double((row * 7 + column * 13) % 100) / 100 }
    }

    static func make() -> Report {
        var report = Report(title: String(repeating: "A very long report title that has to wrap ", count: 3),
                            subtitle: nil, provenance: [("path", "/" + String(repeating: "deeply/nested/", count: 12) + "x.pkl")])
        report.append(.heading(level: 1, text: String(repeating: "Long heading words ", count: 8)))
        report.append(.prose("A word that cannot fit: " + String(repeating: "abcdefghij", count: 20) + " and then more text."))
        report.append(.keyFigures((0..<6).map {
            KeyFigure(label: "metric \($0)", value: $0 == 2 ? "123 456 789.123 units" : "\($0).5", note: $0 % 2 == 0 ? "a note" : nil)
        }))
        report.append(.alert(.info, "An informational note."))
        report.append(.figure(Figure(name: "log-bars", caption: "Eighteen categories with long names on a log axis.",
                                     content: .barChart(BarChart(
                                        categories: layerNames,
                                        series: [.init(name: "change", values: (0..<18).map { pow(10, Double($0) / 4 - 3) })],
                                        yLabel: "relative change", logScale: true, valueFormat: .scientific(significantDigits: 2))))))
        report.append(.figure(Figure(name: "negative-bars", caption: "Negative values, three series, value labels.",
                                     content: .barChart(BarChart(
                                        categories: ["mapping", "affine", "conv", "toRGB"],
                                        series: (0..<3).map { series in
                                            .init(name: "run \(series)", values: [-0.2, 0.5, 1.25, -0.75].map { $0 * Double(series + 1) })
                                        },
                                        yLabel: "signed change", valueFormat: .fixed(decimals: 2))))))
        report.append(.figure(Figure(name: "tiny-line", caption: "Tiny values with a gap (NaN) and no markers.",
                                     content: .linePlot(LinePlot(series: [
                                        .init(name: "only", x: (0..<200).map(Double.init),
                                              y: (0..<200).map { $0 >= 90 && $0 < 100 ? .nan : 1e-5 * sin(Double($0) / 15) },
                                              showsMarkers: false),
                                     ], xLabel: "step", yLabel: "difference")))))
        report.append(.pageBreak)
        report.append(.figure(Figure(name: "tall-heatmap", caption: "512 channels × 18 layers.",
                                     content: .heatmap(Heatmap(
                                        values: tallMatrix,
                                        rowLabels: (0..<512).map { "channel \($0)" }, columnLabels: layerNames,
                                        rowAxisTitle: "channel", columnAxisTitle: "layer", colorbarLabel: "|Δs|")))))
        report.append(.figure(Figure(name: "nan-heatmap", caption: "Constant values with a missing cell.",
                                     content: .heatmap(Heatmap(values: [[1, 1, .nan], [1, 1, 1]], colorbarLabel: "value",
                                                               cellFormat: .fixed(decimals: 1))))))
        report.append(.figure(Figure(name: "log-histogram", caption: "One series, log counts, empty bins.",
                                     content: .histogram(Histogram(binEdges: (0...40).map { Double($0) * 0.05 },
                                                                   series: [.init(name: "h", counts: (0..<40).map { $0 % 7 == 3 ? 0 : pow(2, Double($0 % 13)) })],
                                                                   xLabel: "|Δw|", logScale: true)))))
        report.append(.figure(Figure(name: "big-grid", caption: "Eight rows by six columns of 256-pixel images.",
                                     content: .imageGrid(ImageGrid(
                                        images: (0..<8).map { row in (0..<6).map { SampleReport.image(seed: row * 6 + $0, size: 256) } },
                                        rowLabels: (0..<8).map { "seed \($0) with a rather long label" },
                                        columnLabels: (0..<6).map { "α = \(Double($0) * 0.5)" })))))
        report.append(.figure(Figure(name: "empty-bars", caption: "No data.",
                                     content: .barChart(BarChart(categories: [], series: [], yLabel: "y")))))
        report.append(.figure(Figure(name: "empty-lines", caption: "No series.",
                                     content: .linePlot(LinePlot(series: [], xLabel: "x", yLabel: "y")))))
        report.append(.figure(Figure(name: "extreme-values", caption: "Values at the limits of Double, infinities and NaN.",
                                     content: .barChart(BarChart(categories: ["max", "min", "nan", "inf"],
                                                                 series: [.init(name: "v", values: [1.7e308, -1.7e308, .nan, .infinity])],
                                                                 yLabel: "value")))))
        report.append(.figure(Figure(name: "extreme-log", caption: "A log axis over six hundred decades.",
                                     content: .linePlot(LinePlot(series: [.init(name: "v", x: [1e-300, 1, 1e300], y: [1e-300, 1e300, 0])],
                                                                 xLabel: "x", yLabel: "y", xLogScale: true, yLogScale: true)))))
        report.append(.table(Table(name: "wide", caption: "Eight columns with long text.",
                                   columns: (0..<8).map { TableColumn("Column number \($0)", unit: $0 % 3 == 0 ? "units" : nil) },
                                   rows: (0..<6).map { row in (0..<8).map { column in
                                       column % 2 == 0 ? .text("some fairly long text in row \(row) that has to wrap") : .fixed(Double(row * column), decimals: 3)
                                   } })))
        report.append(.table(Table(name: "empty", caption: "A table without rows.", columns: [TableColumn("a")], rows: [])))
        return report
    }
}
