import XCTest
import FileFormats

/// Reads the real files under ../shared/fixtures (a torch.save zip and numpy arrays made by the reference code).
final class FixtureFileTests: XCTestCase {
    private func fixture(_ relative: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("../shared/fixtures").standardized.path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw XCTSkip("fixtures folder \(folder) is absent; skipping tests on real files")
        }
        return folder + "/" + relative
    }

    func testReadsTorchZipCheckpoint() throws {
        let archive = try ZipArchive(try FileBytes.read(try fixture("rosinality/tiny.pt")))
        XCTAssertEqual(archive.entries.count, 182)
        XCTAssertEqual(try archive.data(named: "tiny/version"), Array("3\n".utf8))
        XCTAssertEqual(try archive.data(named: "tiny/.storage_alignment"), Array("64".utf8))
        var rewritten = ZipWriter(alignment: 64)
        for entry in archive.entries {
            XCTAssertTrue(entry.isStored, entry.name)
            XCTAssertEqual(try archive.storedRange(entry).lowerBound % 64, 0, entry.name)
            try rewritten.add(entry.name, try archive.data(entry))  // data(_:) checks each CRC
        }
        let copy = try ZipArchive(rewritten.finish())
        XCTAssertEqual(copy.entries.map(\.name), archive.entries.map(\.name))
        XCTAssertEqual(copy.entries.map(\.crc32), archive.entries.map(\.crc32))
        for entry in copy.entries { XCTAssertEqual(try copy.storedRange(entry).lowerBound % 64, 0) }
    }

    func testReadsReferenceArrays() throws {
        let image = try NumpyArray.decode(try FileBytes.read(try fixture("rosinality/img_w.npy")))
        XCTAssertEqual(image.shape, [4, 3, 32, 32])
        XCTAssertEqual(image.values[0], 0.21499592, accuracy: 1e-7)
        let w = try NumpyArray.decode(try FileBytes.read(try fixture("rosinality/w.npy")))
        XCTAssertEqual(w.shape, [4, 64])
        XCTAssertEqual(w.values[1], -0.7884029, accuracy: 1e-7)
        XCTAssertEqual(w.encode(), try FileBytes.readArray(try fixture("rosinality/w.npy")))
    }
}
