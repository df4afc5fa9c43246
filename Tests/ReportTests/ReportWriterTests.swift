import Foundation
import Report
import XCTest

/// Writes the sample report (every cell and figure kind) once and checks every output.
final class ReportWriterTests: XCTestCase {
    private static var directory = ""
    private static var written: [String] = []
    private static var writeError: Error?

    override class func setUp() {
        super.setUp()
        // Set STYLEALIGN_REPORT_SAMPLE_DIR to keep the sample report for looking at it.
        let keep = ProcessInfo.processInfo.environment["STYLEALIGN_REPORT_SAMPLE_DIR"]
        directory = keep ?? TestSupport.temporaryDirectory("writer")
        do {
            written = try ReportWriter.write(SampleReport.make(longTableRows: 90), to: directory)
        } catch {
            writeError = error
        }
    }

    override class func tearDown() {
        if ProcessInfo.processInfo.environment["STYLEALIGN_REPORT_SAMPLE_DIR"] == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
        super.tearDown()
    }

    private var directory: String { Self.directory }

    override func setUpWithError() throws {
        if let error = Self.writeError { throw error }
    }

    func testWritesEveryOutputAndNoTemporaryFiles() throws {
        let expected = ["report.pdf", "report.html", "report.json",
                        "figures/fig01-layer-change.png", "figures/fig01-layer-change.pdf", "data/fig01-layer-change.csv",
                        "figures/fig02-samples.png", "data/fig02-samples.json",
                        "figures/fig03-lpips-by-resolution.png", "data/fig03-lpips-by-resolution.csv",
                        "figures/fig04-channel-correlation.png", "data/fig04-channel-correlation.csv",
                        "figures/fig05-style-shift.png", "data/fig05-style-shift.csv",
                        "data/tab01-layer-groups.csv", "data/tab02-channels.csv",
                        "data/tab03-run-options.csv", "data/tab04-run-timings.csv"]
        for name in expected {
            XCTAssertTrue(Self.written.contains(directory + "/" + name), "\(name) not reported as written")
            XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/" + name), "\(name) missing")
        }
        XCTAssertEqual(Self.written.last, directory + "/report.json")
        let everything = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        XCTAssertFalse(everything.contains { $0.contains(".tmp-") }, "temporary files left: \(everything)")
    }

    func testPDFOpensWithTheComputedPageCount() throws {
        guard let pdfinfo = TestSupport.tool("pdfinfo") else {
            throw XCTSkip("pdfinfo (poppler-utils) is not installed; the PDF is not checked")
        }
        let info = try TestSupport.run(pdfinfo, [directory + "/report.pdf"])
        let pagesLine = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let pages = pagesLine.flatMap { Int($0.split(separator: " ").last ?? "") }
        let manifest = try TestSupport.readJSON(directory + "/report.json")
        XCTAssertEqual(pages, manifest["pageCount"] as? Int)
        XCTAssertGreaterThanOrEqual(pages ?? 0, 4, "title page plus a body that cannot fit on fewer pages")
        XCTAssertTrue(info.contains("595.276 x 841.89 pts (A4)"), info)
    }

    func testPDFTextHasTitleCaptionsTableValuesAndFooters() throws {
        guard let pdftotext = TestSupport.tool("pdftotext") else {
            throw XCTSkip("pdftotext (poppler-utils) is not installed; the PDF text is not checked")
        }
        let text = try TestSupport.run(pdftotext, ["-layout", directory + "/report.pdf", "-"])
        XCTAssertTrue(text.contains("How afhqdog-256 differs from its parent ffhq-256"))
        XCTAssertTrue(text.contains("Figure 1."))
        XCTAssertTrue(text.contains("Figure 5."))
        XCTAssertTrue(text.contains("Relative weight change per layer"))
        XCTAssertTrue(text.contains("Table 1."))
        XCTAssertTrue(text.contains("0.7310"), "fixed decimals from the caller")
        XCTAssertTrue(text.contains("24\u{2009}641\u{2009}536") || text.contains("24 641 536"), "grouped digits")
        XCTAssertTrue(text.contains("−0.1120"), "negative numbers with a minus sign")
        XCTAssertTrue(text.contains("Table 2 (continued)"), "the long table repeats its header on the next page")
        XCTAssertTrue(text.contains("/data/checkpoints/ffhq-256-config-e.pkl"), "provenance on the title page")
        XCTAssertTrue(text.contains("built-in demo pair"), "the leading alert is on the title page")
        let manifest = try TestSupport.readJSON(directory + "/report.json")
        let pages = manifest["pageCount"] as? Int ?? 0
        XCTAssertTrue(text.contains("page 1 of \(pages)"))
        XCTAssertTrue(text.contains("page \(pages) of \(pages)"))
    }

    func testHTMLIsSelfContainedWithFiguresTablesAndContents() throws {
        let html = try TestSupport.readText(directory + "/report.html")
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1, 5)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<link"))
        for anchor in ["sec-1-summary", "sec-2-weight-changes-by-layer", "sec-4-alignment", "sec-6-channel-list"] {
            XCTAssertTrue(html.contains("href=\"#\(anchor)\""), "contents link to \(anchor)")
            XCTAssertTrue(html.contains("id=\"\(anchor)\""), "heading anchor \(anchor)")
        }
        for row in SampleReport.tableRows {
            for cell in row {
                guard case .text(let text) = cell else { continue }
                XCTAssertTrue(html.contains(text), text)
            }
        }
        XCTAssertTrue(html.contains(">0.7310<"))
        XCTAssertTrue(html.contains(">24\u{2009}641\u{2009}536<"))
        XCTAssertTrue(html.contains(">3.2 × 10⁻⁵<"))
        XCTAssertTrue(html.contains("/data/checkpoints/afhqdog-from-ffhq-256.pkl"))
        XCTAssertTrue(html.contains("class=\"alert alert-error\""))
        XCTAssertTrue(html.contains("<b>Figure 4.</b>"))
        XCTAssertTrue(html.contains("<ol><li><a href=\"#sec-6-channel-list\">"), "level 3 nested under level 2")

        // The embedded images are the figure files themselves.
        let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/figures/fig03-lpips-by-resolution.png"))
        XCTAssertTrue(html.contains(png.base64EncodedString()))
    }

    func testFigurePNGsArePrintResolution() throws {
        let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/figures/fig01-layer-change.png"))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        // The content column (595.276 − 132 pt) plus 4 pt on each side, at 200 dpi.
        XCTAssertEqual(width, Int(((595.276 - 132 + 8) * 200 / 72).rounded(.up)))
    }

    func testTableCSVHoldsTheValuesAtFullPrecision() throws {
        let rows = TestSupport.parseCSV(try TestSupport.readText(directory + "/data/tab01-layer-groups.csv"))
        XCTAssertEqual(rows.first, ["Group", "Parameters", "Relative change (‖Δθ‖ / ‖θ‖)", "Mean change"])
        XCTAssertEqual(rows.count, SampleReport.tableRows.count + 1)
        for (given, parsed) in zip(SampleReport.tableRows, rows.dropFirst()) {
            for (cell, field) in zip(given, parsed) {
                switch cell {
                case .text(let text): XCTAssertEqual(field, text)
                case .integer(let value): XCTAssertEqual(Int(field), value)
                case .fixed(let value, _), .scientific(let value, _): XCTAssertEqual(Double(field), value)
                case .missing: XCTAssertEqual(field, "")
                }
            }
        }
    }

    func testFigureCSVsHoldThePlottedValues() throws {
        let bars = TestSupport.parseCSV(try TestSupport.readText(directory + "/data/fig01-layer-change.csv"))
        XCTAssertEqual(bars.first, ["category", "run A", "run A error", "run B", "run B error"])
        XCTAssertEqual(bars.dropFirst().map { $0[0] }, SampleReport.layers)
        XCTAssertEqual(bars.dropFirst().map { Double($0[1]) }, SampleReport.parentChange.map { $0 })
        XCTAssertEqual(bars.dropFirst().map { Double($0[2]) }, SampleReport.errors.map { $0 })
        XCTAssertEqual(bars.dropFirst().map { Double($0[3]) }, SampleReport.childChange.map { $0 })

        let lines = TestSupport.parseCSV(try TestSupport.readText(directory + "/data/fig03-lpips-by-resolution.csv"))
        XCTAssertEqual(lines.first, ["series", "resolution (px)", "LPIPS"])
        let swap = lines.filter { $0[0] == "swap coarse to fine" }
        XCTAssertEqual(swap.map { Double($0[1]) }, SampleReport.resolutions.map { $0 })
        XCTAssertEqual(swap.map { Double($0[2]) }, SampleReport.lpips.map { $0 })

        let matrix = TestSupport.parseCSV(try TestSupport.readText(directory + "/data/fig04-channel-correlation.csv"))
        XCTAssertEqual(matrix.first, ["layer \\ channel group"] + (0..<8).map { "g\($0)" })
        XCTAssertEqual(matrix.dropFirst().map { $0.dropFirst().map { Double($0) ?? .nan } }, SampleReport.heatmapValues)

        let histogram = TestSupport.parseCSV(try TestSupport.readText(directory + "/data/fig05-style-shift.csv"))
        XCTAssertEqual(histogram.first, ["bin start", "bin end", "parent", "child"])
        XCTAssertEqual(histogram.dropFirst().map { Double($0[0]) }, SampleReport.binEdges.dropLast().map { $0 })
        XCTAssertEqual(histogram.dropFirst().map { Double($0[1]) }, SampleReport.binEdges.dropFirst().map { $0 })
        XCTAssertEqual(histogram.dropFirst().map { Double($0[3]) }, SampleReport.countsChild.map { $0 })

        let grid = try TestSupport.readJSON(directory + "/data/fig02-samples.json")
        XCTAssertEqual(grid["columnLabels"] as? [String], ["parent (ffhq)", "child (afhqdog)", "child with parent toRGB"])
        XCTAssertEqual(grid["rowLabels"] as? [String], ["seed 0", "seed 1", "seed 2"])
    }

    func testManifestHoldsProvenanceOptionsAndFiles() throws {
        let manifest = try TestSupport.readJSON(directory + "/report.json")
        let provenance = manifest["provenance"] as? [[String: String]]
        XCTAssertEqual(provenance?.map { $0["name"] ?? "" }, SampleReport.provenance.map(\.0))
        XCTAssertEqual(provenance?.map { $0["value"] ?? "" }, SampleReport.provenance.map(\.1))
        let options = manifest["options"] as? [String: Any]
        XCTAssertEqual(options?["seeds"] as? String, "0-15")
        XCTAssertEqual(options?["truncation"] as? Double, 0.7)
        XCTAssertEqual(options?["samples"] as? Int, 16)
        XCTAssertEqual(options?["layers"] as? [String], ["b4", "b8"])
        XCTAssertEqual((options?["noise"] as? [String: Any])?["seed"] as? Int, 3)
        let timings = manifest["sectionTimings"] as? [[String: Any]]
        XCTAssertEqual(timings?.map { $0["section"] as? String }, ["weights", "images"])
        let figures = manifest["figures"] as? [[String: Any]]
        XCTAssertEqual(figures?.map { $0["kind"] as? String },
                       ["barChart", "imageGrid", "linePlot", "heatmap", "histogram"])
        let files = manifest["files"] as? [String] ?? []
        XCTAssertEqual(Set(files.map { directory + "/" + $0 }), Set(Self.written))
    }
}
