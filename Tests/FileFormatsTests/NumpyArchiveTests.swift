import XCTest
@testable import FileFormats

final class NumpyArchiveTests: XCTestCase {
    func testReadsNumpySavez() throws {
        let arrays = try NumpyArchive.read(NumpyMadeFiles.savezLatent)
        XCTAssertEqual(Array(arrays.keys), ["w"])
        XCTAssertEqual(arrays["w"]?.shape, [1, 2, 3])
        XCTAssertEqual(arrays["w"]?.values, [0, 1, 2, 3, 4, 5])
    }

    func testReadsNumpySavezCompressed() throws {
        let arrays = try NumpyArchive.read(NumpyMadeFiles.savezCompressed)
        XCTAssertEqual(Set(arrays.keys), ["a", "b"])
        XCTAssertEqual(arrays["a"]?.shape, [10, 10])
        XCTAssertEqual(arrays["a"]?.values, [Float](repeating: 0, count: 100))
        XCTAssertEqual(arrays["b"]?.values, [1, 2])
    }

    func testRoundTripsLatentFile() throws {
        let w = try NumpyArray(shape: [1, 18, 512], values: (0 ..< 18 * 512).map { sin(Float($0)) })
        let scalar = try NumpyArray(shape: [], values: [3])
        let bytes = try NumpyArchive.encode([("w", w), ("psi", scalar)])
        let arrays = try NumpyArchive.read(bytes)
        XCTAssertEqual(arrays, ["w": w, "psi": scalar])
        XCTAssertEqual(try ZipArchive(bytes).entries.map(\.name), ["w.npy", "psi.npy"])
    }

    func testRejectsDuplicateKeysAndBadArrays() throws {
        let array = try NumpyArray(shape: [1], values: [1])
        XCTAssertThrowsError(try NumpyArchive.encode([("w", array), ("w", array)]))
        var writer = ZipWriter()
        try writer.add("w.npy", Array(array.encode().dropLast()))
        XCTAssertThrowsError(try NumpyArchive.read(writer.finish())) { error in
            XCTAssertTrue("\(error)".hasPrefix("npz array w:"), "\(error)")
        }
    }
}
