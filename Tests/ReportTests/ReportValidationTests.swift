import Foundation
import Report
import XCTest

/// Inconsistent figures and tables are refused with a one-line message before anything is written.
final class ReportValidationTests: XCTestCase {
    private func assertRefused(_ cell: ReportCell, mentioning words: String, file: StaticString = #filePath,
                               line: UInt = #line) {
        let directory = TestSupport.temporaryDirectory("invalid")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = Report(title: "invalid", cells: [.heading(level: 1, text: "A"), cell])
        XCTAssertThrowsError(try ReportWriter.write(report, to: directory), file: file, line: line) { error in
            let message = (error as? ReportError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains(words), message, file: file, line: line)
            XCTAssertFalse(message.contains("\n"), file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory), "nothing is written", file: file, line: line)
    }

    func testBarChartWithTooFewValues() {
        let chart = BarChart(categories: ["a", "b", "c"], series: [.init(name: "s", values: [1, 2])], yLabel: "y")
        assertRefused(.figure(Figure(name: "bars", caption: "c", content: .barChart(chart))),
                      mentioning: "series \"s\" has 2 values for 3 categories")
    }

    func testImageWithWrongByteCount() {
        let image = RGBImage(width: 4, height: 4, pixels: [UInt8](repeating: 0, count: 47))
        let grid = ImageGrid(images: [[image]])
        assertRefused(.figure(Figure(name: "grid", caption: "c", content: .imageGrid(grid))),
                      mentioning: "is 4×4 but holds 47 bytes instead of 48")
    }

    func testRaggedHeatmap() {
        let heatmap = Heatmap(values: [[1, 2], [3]], colorbarLabel: "v")
        assertRefused(.figure(Figure(name: "heat", caption: "c", content: .heatmap(heatmap))),
                      mentioning: "matrix row 2 has 1 values")
    }

    func testHistogramEdgesMustIncrease() {
        let histogram = Histogram(binEdges: [0, 2, 1], series: [.init(name: "h", counts: [1, 2])], xLabel: "x")
        assertRefused(.figure(Figure(name: "hist", caption: "c", content: .histogram(histogram))),
                      mentioning: "bin edges must increase")
    }

    func testLineSeriesWithUnequalLengths() {
        let plot = LinePlot(series: [.init(name: "l", x: [1, 2], y: [1])], xLabel: "x", yLabel: "y")
        assertRefused(.figure(Figure(name: "line", caption: "c", content: .linePlot(plot))),
                      mentioning: "2 x values and 1 y values")
    }

    func testTableRowWithMissingCell() {
        let table = Table(name: "t", caption: "c", columns: [TableColumn("a"), TableColumn("b")], rows: [[.integer(1)]])
        assertRefused(.table(table), mentioning: "row 1 has 1 cells for 2 columns")
    }

    func testHeadingLevel() {
        assertRefused(.heading(level: 4, text: "deep"), mentioning: "level 4")
    }
}
