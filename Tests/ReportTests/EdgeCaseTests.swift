import Foundation
import Report
import XCTest

/// Awkward inputs still produce a complete, valid report.
final class EdgeCaseTests: XCTestCase {
    func testCrowdedAndEmptyFiguresRender() throws {
        let keep = ProcessInfo.processInfo.environment["STYLEALIGN_REPORT_EDGE_DIR"]
        let directory = keep ?? TestSupport.temporaryDirectory("edge")
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let written = try ReportWriter.write(EdgeCaseReport.make(), to: directory)
        XCTAssertEqual(written.filter { $0.hasSuffix(".png") }.count, 11)
        guard let pdfinfo = TestSupport.tool("pdfinfo") else {
            throw XCTSkip("pdfinfo (poppler-utils) is not installed; the PDF is not checked")
        }
        let info = try TestSupport.run(pdfinfo, [directory + "/report.pdf"])
        let manifest = try TestSupport.readJSON(directory + "/report.json")
        XCTAssertTrue(info.contains("Pages:") && info.contains(" \(manifest["pageCount"] as? Int ?? -1)\n"), info)
        // 256-pixel images drawn about 70 pt wide are reduced to 300 dpi before they go into the PDF.
        let size = try FileManager.default.attributesOfItem(atPath: directory + "/report.pdf")[.size] as? Int ?? 0
        XCTAssertLessThan(size, 4_000_000)
    }
}
