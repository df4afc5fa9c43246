import XCTest
import ZeroShot

final class LabelTableTests: XCTestCase {
    func testParsesHeaderCommentsBlankLinesAndCRLF() throws {
        let text = "seed,attribute,value\r\n# made by hand\r\n0, black_hair ,1\r\n\r\n1,black_hair,0\r\n0,yaw,-12.5\r\n"
        let table = try LabelTable(csv: text)
        XCTAssertEqual(table.attributes, ["black_hair", "yaw"])
        XCTAssertEqual(try table.values(of: "black_hair", seeds: [1, 0]), [0, 1])
        XCTAssertEqual(try table.values(of: "yaw", seeds: [0]), [-12.5])
    }

    func testWorksWithoutHeader() throws {
        let table = try LabelTable(csv: "3,smile,0.25\n2,smile,1\n")
        XCTAssertEqual(table.values, ["smile": [3: 0.25, 2: 1]])
    }

    func testReportsBadRowsWithTheirLineNumbers() {
        XCTAssertThrowsError(try LabelTable(csv: "seed,attribute,value\n0,a\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("line 2:"), "\(error)")
        }
        XCTAssertThrowsError(try LabelTable(csv: "x,a,1\n")) { XCTAssertTrue("\($0)".contains("seed 'x'"), "\($0)") }
        XCTAssertThrowsError(try LabelTable(csv: "0,a,nan\n")) { XCTAssertTrue("\($0)".contains("not a finite number"), "\($0)") }
        XCTAssertThrowsError(try LabelTable(csv: "0,a,1\n0,a,0\n")) { XCTAssertTrue("\($0)".contains("two values"), "\($0)") }
        XCTAssertThrowsError(try LabelTable(csv: "# nothing\n")) { XCTAssertTrue("\($0)".contains("no labels"), "\($0)") }
    }

    func testNamesMissingSeedsAndAttributes() throws {
        let table = try LabelTable(csv: "0,a,1\n1,a,0\n")
        XCTAssertThrowsError(try table.values(of: "a", seeds: Array(0...9))) { error in
            XCTAssertEqual("\(error)", "no 'a' label for seeds 2, 3, 4, 5, 6 and 3 more")
        }
        XCTAssertThrowsError(try table.values(of: "b", seeds: [0])) { error in
            XCTAssertTrue("\(error)".contains("the file has: a"), "\(error)")
        }
    }
}
