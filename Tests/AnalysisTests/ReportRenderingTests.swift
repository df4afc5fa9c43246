import Analysis
import Foundation
import Report
import ReportSections
import StyleGAN
import XCTest

/// The whole report for a tiny pair with a known answer, written by the renderer: the PDF opens
/// with the expected pages, the HTML holds every figure and table, the CSVs hold the computed values.
final class ReportRenderingTests: XCTestCase {
    static let epsilon = 0.2
    /// This report's own sections; sections other modules add to the catalogue are tested there.
    static let alignmentSections = ["models", "weights", "resets", "gallery"]

    struct Written {
        let directory: String
        let report: Report
        let changes: WeightChanges
    }

    static let written: Result<Written, Error> = Result {
        let (p, c) = try TinyPairs.perturbed([.convWeight], by: epsilon)
        let builder = AlignmentReportBuilder(
            parent: ReportModel(role: "parent", generator: p, source: "tiny parent", format: "test network"),
            child: ReportModel(role: "child", generator: c, source: "tiny child", format: "test network"),
            settings: RenderSettings(seeds: [0, 1, 2]), sections: try SectionCatalog.select(alignmentSections),
            facts: RunFacts(toolVersion: "test", commandLine: "stylealign report", startTime: Date(timeIntervalSince1970: 0),
                            threads: 1, machine: "test machine"),
            leadingAlerts: [(.error, "built-in test pair")], options: ["seeds": "0-2"])
        let report = try builder.build()
        let directory = NSTemporaryDirectory() + "alignreport-test-\(getpid())"
        try ReportWriter.write(report, to: directory)
        return Written(directory: directory, report: report, changes: try WeightChanges(parent: p, child: c))
    }

    func written() throws -> Written { try Self.written.get() }

    override class func tearDown() {
        if case .success(let w) = written { try? FileManager.default.removeItem(atPath: w.directory) }
        super.tearDown()
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: written().directory + "/" + relative, encoding: .utf8)
    }

    func testSectionsAppearInOrderWithTheirCells() throws {
        let report = try written().report
        let headings = report.cells.compactMap { cell -> String? in
            if case let .heading(1, text) = cell { return text }
            return nil
        }
        XCTAssertEqual(headings, ["Models", "Weight changes", "Component reset", "Same latent, two models", "Appendix"])
        guard case let .alert(level, text) = report.cells.first else { return XCTFail("the report must open with the alert") }
        XCTAssertEqual(level, .error)
        XCTAssertEqual(text, "built-in test pair")
        XCTAssertEqual(report.sectionTimings.map(\.0), ["Models", "Weight changes", "Component reset", "Same latent, two models"])
        XCTAssertTrue(report.provenance.contains { $0.0 == "section durations" })
        XCTAssertTrue(report.provenance.contains { $0.0 == "machine" && $0.1 == "test machine" })
    }

    func testPDFOpensWithTheExpectedPages() throws {
        let pdfinfo = "/usr/bin/pdfinfo"
        guard FileManager.default.isExecutableFile(atPath: pdfinfo) else {
            throw XCTSkip("pdfinfo (poppler-utils) is not installed, so the PDF is not checked")
        }
        let directory = try written().directory
        let info = try Self.output(pdfinfo, [directory + "/report.pdf"])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        let manifest = try JSONSerialization.jsonObject(with: Data(read("report.json").utf8)) as? [String: Any]
        XCTAssertEqual(pages, manifest?["pageCount"] as? Int)
        // Title page, four sections, the appendix on its own page, run information.
        XCTAssertGreaterThanOrEqual(pages ?? 0, 4)
        let text = try Self.output("/usr/bin/pdftotext", ["-layout", directory + "/report.pdf", "-"])
        for heading in ["Models", "Weight changes", "Component reset", "Same latent, two models", "Per-tensor weight changes"] {
            XCTAssertTrue(text.contains(heading), "the PDF lacks \(heading)")
        }
        XCTAssertTrue(text.contains("built-in test pair"))
    }

    func testHTMLHasEveryFigureAndTable() throws {
        let html = try read("report.html")
        let manifest = try JSONSerialization.jsonObject(with: Data(read("report.json").utf8)) as? [String: Any]
        let figures = manifest?["figures"] as? [[String: Any]] ?? []
        let tables = manifest?["tables"] as? [[String: Any]] ?? []
        XCTAssertEqual(figures.compactMap { $0["name"] as? String },
                       ["weight-change-by-resolution", "component-reset-grid", "reset-distances", "same-latent-gallery"])
        XCTAssertTrue(["model-sources", "architectures", "component-changes", "resolution-changes", "reset-distances",
                       "tensor-changes"].allSatisfy { name in tables.contains { $0["name"] as? String == name } })
        for number in 1...figures.count {
            XCTAssertTrue(html.contains("id=\"figure-\(number)\""), "figure \(number) missing from the HTML")
        }
        for number in 1...tables.count {
            XCTAssertTrue(html.contains("id=\"table-\(number)\""), "table \(number) missing from the HTML")
        }
        XCTAssertEqual(html.components(separatedBy: "<img src=\"data:image/png;base64,").count - 1, figures.count)
    }

    func testCSVsHoldTheComputedValues() throws {
        let w = try written()
        let manifest = try JSONSerialization.jsonObject(with: Data(read("report.json").utf8)) as? [String: Any]
        let tables = manifest?["tables"] as? [[String: Any]] ?? []
        func csv(_ name: String) throws -> [[String]] {
            let path = tables.first { $0["name"] as? String == name }?["data"] as? String ?? "missing"
            return try read(path).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let perTensor = try csv("tensor-changes")
        XCTAssertEqual(perTensor.count, w.changes.tensors.count + 1)
        let column = perTensor[0].firstIndex(of: "Relative change (%)") ?? -1
        for (row, change) in zip(perTensor.dropFirst(), w.changes.tensors) {
            XCTAssertEqual(row[0], change.name)
            let value = Double(row[column]) ?? -1
            XCTAssertEqual(value, (change.relativeChange ?? -1) * 100, "\(change.name)")
            XCTAssertEqual(value, change.component == .convWeight ? Self.epsilon * 100 : 0, accuracy: 1e-4)
        }
        let components = try csv("component-changes")
        let conv = components.first { $0[0] == "conv weights" } ?? []
        XCTAssertEqual(Double(conv[3]) ?? -1, (w.changes.summary(of: .convWeight)?.relativeChange ?? -1) * 100)
        let chart = try read("data/fig01-weight-change-by-resolution.csv").split(separator: "\n")
        XCTAssertTrue(chart[0].hasPrefix("category,mapping,affine (style),conv weights"))
        XCTAssertTrue(chart[1].hasPrefix("mapping,0,NaN,NaN"), String(chart[1]))
    }

    static func output(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
