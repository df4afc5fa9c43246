@testable import Report
import XCTest

/// Number, CSV and JSON text: what the reader sees and what re-plotting tools read back.
final class FormattingTests: XCTestCase {
    func testFixedDecimalsUseATypographicMinusAndNoNegativeZero() {
        XCTAssertEqual(NumberText.fixed(0.73149, decimals: 3), "0.731")
        XCTAssertEqual(NumberText.fixed(-2.5, decimals: 1), "−2.5")
        XCTAssertEqual(NumberText.fixed(-0.0004, decimals: 2), "0.00")
        XCTAssertEqual(NumberText.fixed(12, decimals: 0), "12")
        XCTAssertEqual(NumberText.fixed(.nan, decimals: 2), "NaN")
        XCTAssertEqual(NumberText.fixed(-.infinity, decimals: 2), "−∞")
    }

    func testScientificUsesPowersOfTen() {
        XCTAssertEqual(NumberText.scientific(3.2e-5, significantDigits: 2), "3.2 × 10⁻⁵")
        XCTAssertEqual(NumberText.scientific(-2.5e3, significantDigits: 3), "−2.50 × 10³")
        XCTAssertEqual(NumberText.scientific(4.2, significantDigits: 2), "4.2")
    }

    func testIntegersAreGroupedFromFiveDigits() {
        XCTAssertEqual(NumberText.integer(2048), "2048")
        XCTAssertEqual(NumberText.integer(24_641_536), "24\u{2009}641\u{2009}536")
        XCTAssertEqual(NumberText.integer(-123_456), "−123\u{2009}456")
    }

    func testExactTextReadsBackToTheSameDouble() {
        for value in [0.1, 1.0 / 3.0, -2.5e-7, 1e300, 42.0, -0.0] {
            XCTAssertEqual(Double(NumberText.exact(value)), value)
        }
        XCTAssertEqual(NumberText.exact(.nan), "NaN")
        XCTAssertEqual(NumberText.exact(-.infinity), "-inf")
    }

    func testCSVQuotesOnlyWhatNeedsIt() {
        let text = CSVText.encode([["a", "b,c", "say \"hi\"", " padded", "two\nlines"]])
        XCTAssertEqual(text, "a,\"b,c\",\"say \"\"hi\"\"\",\" padded\",\"two\nlines\"\n")
        XCTAssertEqual(TestSupport.parseCSV(text), [["a", "b,c", "say \"hi\"", " padded", "two\nlines"]])
    }

    func testJSONEscapesAndKeepsKeyOrder() {
        let value: OptionValue = ["z": 1, "a": ["x\"y", true, nil], "n": .number(.nan), "f": 0.5]
        XCTAssertEqual(JSONText.encode(value), "{\"z\":1,\"a\":[\"x\\\"y\",true,null],\"n\":null,\"f\":0.5}")
        XCTAssertEqual(JSONText.quoted("tab\there\u{1}"), "\"tab\\there\\u0001\"")
    }

    func testSlugsAreSafeFileNames() {
        XCTAssertEqual(Catalog.slug("Layer-wise Δ distances (L2)!", fallback: "x"), "layer-wise-distances-l2")
        XCTAssertEqual(Catalog.slug("∆∆∆", fallback: "figure"), "figure")
        XCTAssertEqual(Catalog.slug(String(repeating: "ab ", count: 30), fallback: "x").count, 40)
    }

    func testStaleOutputNamesAreRecognised() {
        XCTAssertTrue(ReportWriter.isNumberedOutput("fig03-samples.png"))
        XCTAssertTrue(ReportWriter.isNumberedOutput("tab12-summary.csv"))
        XCTAssertFalse(ReportWriter.isNumberedOutput("figure-notes.png"))
        XCTAssertFalse(ReportWriter.isNumberedOutput("fig3-x.png"))
        XCTAssertFalse(ReportWriter.isNumberedOutput("fig03-notes.txt"))
    }
}
