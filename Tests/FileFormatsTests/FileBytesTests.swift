import XCTest
import FileFormats

final class FileBytesTests: XCTestCase {
    func testReadsFilesAndNamesMissingOnes() throws {
        let directory = NSTemporaryDirectory() + "filebytes-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.write([UInt8](repeating: 7, count: 100_000), to: directory + "/big")
        try AtomicFile.write([], to: directory + "/empty")
        XCTAssertEqual(try FileBytes.read(directory + "/big").count, 100_000)
        XCTAssertEqual(try FileBytes.readArray(directory + "/empty"), [])
        XCTAssertThrowsError(try FileBytes.read(directory + "/missing")) { error in
            XCTAssertEqual("\(error)", "cannot read \(directory)/missing: no such file")
        }
        XCTAssertThrowsError(try FileBytes.read(directory)) { error in
            XCTAssertEqual("\(error)", "cannot read \(directory): it is a directory")
        }
    }
}
