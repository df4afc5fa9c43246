import XCTest
import FileFormats

final class AtomicFileTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "atomicfile-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testWritesIntoNewDirectoriesAndReplaces() throws {
        let path = directory + "/a/b/out.bin"
        try AtomicFile.write([1, 2, 3], to: path)
        XCTAssertEqual(try FileBytes.readArray(path), [1, 2, 3])
        try AtomicFile.write(Data([9]), to: path, sync: true)
        XCTAssertEqual(try FileBytes.readArray(path), [9])
        // No temporary files are left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/a/b"), ["out.bin"])
    }

    func testFailureNamesThePathAndLeavesNoTemporaryFile() throws {
        try AtomicFile.createDirectory(directory + "/target")
        // Renaming a file over a directory fails after the temporary file was written.
        XCTAssertThrowsError(try AtomicFile.write([1], to: directory + "/target")) { error in
            XCTAssertTrue("\(error)".contains(directory + "/target"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["target"])
    }

    func testCreateDirectory() throws {
        try AtomicFile.createDirectory(directory + "/x/y")
        try AtomicFile.createDirectory(directory + "/x/y")
        try AtomicFile.write([1], to: directory + "/file")
        XCTAssertThrowsError(try AtomicFile.createDirectory(directory + "/file"))
        XCTAssertThrowsError(try AtomicFile.write([1], to: directory + "/file/inside"))
    }
}
