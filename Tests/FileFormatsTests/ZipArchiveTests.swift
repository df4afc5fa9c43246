import XCTest
import Foundation
@testable import FileFormats

final class ZipArchiveTests: XCTestCase {
    private func sampleArchive(alignment: Int = 1) throws -> [UInt8] {
        var writer = ZipWriter(alignment: alignment)
        try writer.add("archive/data.pkl", Array("pickle".utf8))
        try writer.add("archive/data/0", (0 ..< 1000).map { UInt8(truncatingIfNeeded: $0) })
        try writer.add("empty", [])
        return writer.finish()
    }

    func testReadsWhatTheWriterWrites() throws {
        let archive = try ZipArchive(try sampleArchive())
        XCTAssertEqual(archive.entries.map(\.name), ["archive/data.pkl", "archive/data/0", "empty"])
        XCTAssertEqual(try archive.data(named: "archive/data.pkl"), Array("pickle".utf8))
        XCTAssertEqual(try archive.data(named: "archive/data/0"), (0 ..< 1000).map { UInt8(truncatingIfNeeded: $0) })
        XCTAssertEqual(try archive.data(named: "empty"), [])
        let entry = try XCTUnwrap(archive.entry(named: "archive/data/0"))
        let range = try archive.storedRange(entry)
        XCTAssertEqual(range.count, 1000)
        XCTAssertEqual(archive.bytes[range.upperBound - 1], 231)
    }

    func testAlignedPayloadsStartOn64ByteBoundaries() throws {
        let archive = try ZipArchive(try sampleArchive(alignment: 64))
        for entry in archive.entries {
            XCTAssertEqual(try archive.storedRange(entry).lowerBound % 64, 0, entry.name)
        }
        XCTAssertEqual(try archive.data(named: "archive/data.pkl"), Array("pickle".utf8))
    }

    func testReadsDeflatedEntries() throws {
        let archive = try ZipArchive(NumpyMadeFiles.savezCompressed)
        let entry = try XCTUnwrap(archive.entry(named: "a.npy"))
        XCTAssertEqual(entry.method, 8)
        XCTAssertEqual(try archive.data(entry).count, entry.uncompressedSize)
        XCTAssertThrowsError(try archive.storedRange(entry))
    }

    func testReadsZip64WhenForced() throws {
        var writer = ZipWriter(alignment: 64)
        writer.zip64Threshold = 0  // every size and offset goes through zip64 fields and the zip64 end record
        try writer.add("a", [1, 2, 3])
        try writer.add("b", [4])
        let archive = try ZipArchive(writer.finish())
        XCTAssertEqual(archive.entries.map(\.uncompressedSize), [3, 1])
        XCTAssertEqual(try archive.data(named: "b"), [4])
        XCTAssertEqual(try archive.storedRange(archive.entries[0]).lowerBound % 64, 0)
    }

    func testRejectsDamagedArchives() throws {
        let good = try sampleArchive()
        let central = good.firstCentralRecord
        var cases: [(String, [UInt8])] = [
            ("empty", []),
            ("too short", [0x50, 0x4B, 0x05]),
            ("no end record", [UInt8](repeating: 0, count: 200)),
            ("truncated", Array(good.prefix(good.count - 10))),
        ]
        var directoryBeyondFile = good
        directoryBeyondFile.put32(UInt32(good.count + 100), at: good.endRecord + 16)
        cases.append(("central directory offset beyond the file", directoryBeyondFile))
        var directoryTooLong = good
        directoryTooLong.put32(0xFFFF_FFF0, at: good.endRecord + 12)
        cases.append(("central directory size beyond the file", directoryTooLong))
        var tooManyEntries = good
        tooManyEntries.put16(0xFFFE, at: good.endRecord + 8)
        tooManyEntries.put16(0xFFFE, at: good.endRecord + 10)
        cases.append(("entry count larger than the directory", tooManyEntries))
        var sizeLie = good
        sizeLie.put32(0x7FFF_FFFF, at: central + 20)
        sizeLie.put32(0x7FFF_FFFF, at: central + 24)
        cases.append(("entry size beyond the file", sizeLie))
        var storedMismatch = good
        storedMismatch.put32(5, at: central + 24)
        cases.append(("stored sizes disagree", storedMismatch))
        var localOffsetLie = good
        localOffsetLie.put32(UInt32(good.count - 3), at: central + 42)
        cases.append(("local header offset beyond the file", localOffsetLie))
        var nameLengthLie = good
        nameLengthLie.put16(0xFFFF, at: central + 28)
        cases.append(("name runs past the directory", nameLengthLie))
        var zip64Missing = good
        zip64Missing.put32(0xFFFF_FFFF, at: central + 20)
        cases.append(("zip64 marker without extra field", zip64Missing))
        var missingLocator = good
        missingLocator.put32(0xFFFF_FFFF, at: good.endRecord + 16)
        cases.append(("zip64 end record without locator", missingLocator))
        for (label, bytes) in cases {
            XCTAssertThrowsError(try ZipArchive(bytes), label) { error in
                XCTAssertTrue(error is FileFormatError, label)
                XCTAssertFalse("\(error)".contains("\n"), label)
            }
        }
    }

    func testBadCRCIsReported() throws {
        var bytes = try sampleArchive()
        bytes.put32(0x1234_5678, at: bytes.firstCentralRecord + 16)
        let archive = try ZipArchive(bytes)
        XCTAssertThrowsError(try archive.data(archive.entries[0])) { error in
            XCTAssertEqual("\(error)", "zip entry archive/data.pkl fails its CRC check (stored 12345678, computed b743740e)")
        }
        XCTAssertThrowsError(try archive.verifyStored(archive.entries[0]))
        XCTAssertNoThrow(try archive.verifyStored(archive.entries[1]))
    }

    /// Central record of `name` in an archive without zip64 records.
    private func centralRecord(_ name: String, in bytes: [UInt8]) throws -> Int {
        var offset = bytes.firstCentralRecord
        while offset < bytes.endRecord {
            let nameLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
            if Array(bytes[offset + 46 ..< offset + 46 + nameLength]) == Array(name.utf8) { return offset }
            offset += 46 + nameLength + (Int(bytes[offset + 30]) | Int(bytes[offset + 31]) << 8)
                + (Int(bytes[offset + 32]) | Int(bytes[offset + 33]) << 8)
        }
        throw XCTSkip("test archive lacks \(name)")
    }

    func testDeflateSizeLiesAreCaught() throws {
        let original = NumpyMadeFiles.savezCompressed
        let record = try centralRecord("a.npy", in: original)
        let declared = original.u32(at: record + 24)

        // A bomb: declares 10 bytes, inflates to hundreds. Only the declared 10 bytes are ever allocated.
        var bomb = original
        bomb.put32(10, at: record + 24)
        let bombArchive = try ZipArchive(bomb)
        XCTAssertThrowsError(try bombArchive.data(named: "a.npy")) { error in
            XCTAssertTrue("\(error)".contains("more than its declared 10 bytes"), "\(error)")
        }

        var short = original
        short.put32(UInt32(declared + 1), at: record + 24)
        XCTAssertThrowsError(try ZipArchive(short).data(named: "a.npy")) { error in
            XCTAssertTrue("\(error)".contains("inflates to \(declared) bytes"), "\(error)")
        }

        // Declaring 4 GiB for a few hundred deflated bytes is impossible (deflate expands at most ~1032:1),
        // so it is refused before anything is allocated.
        var huge = original
        huge.put32(0xFFFF_FFFE, at: record + 24)
        XCTAssertNoThrow(try ZipArchive(huge).data(named: "b.npy"))
        XCTAssertThrowsError(try ZipArchive(huge).data(named: "a.npy")) { error in
            XCTAssertTrue("\(error)".contains("more than"), "\(error)")
        }

        var truncatedStream = original
        truncatedStream.put32(UInt32(original.u32(at: record + 20) / 2), at: record + 20)
        XCTAssertThrowsError(try ZipArchive(truncatedStream).data(named: "a.npy")) { error in
            XCTAssertTrue("\(error)".contains("ends before"), "\(error)")
        }

        var garbage = original
        let archive = try ZipArchive(original)
        let entry = try XCTUnwrap(archive.entry(named: "a.npy"))
        for offset in entry.dataOffset ..< entry.dataOffset + 4 { garbage[offset] = 0xFF }
        XCTAssertThrowsError(try ZipArchive(garbage).data(named: "a.npy"))
    }

    /// Python zipfile writing to an unseekable stream: data descriptors (flag bit 3), a deflated entry, a comment.
    private static let pythonZip = [UInt8](Data(base64Encoded: "UEsDBBQACAAAAKuteF0AAAAAAAAAAAAAAAAKAAAAc3RvcmVkLnR4dGFiY2FiY2FiY2FiY2FiY2FiY2FiY2FiY2FiY2FiY1BLBwiB/LFIHgAAAB4AAABQSwMEFAAIAAgAq614XQAAAAAAAAAAAAAAABAAAABkaXIvZGVmbGF0ZWQudHh0y0jNyclXqMosUMgY0iwAUEsHCMeAOjYPAAAAyAAAAFBLAQIUAxQACAAAAKuteF2B/LFIHgAAAB4AAAAKAAAAAAAAAAAAAACAAQAAAABzdG9yZWQudHh0UEsBAhQDFAAIAAgAq614XceAOjYPAAAAyAAAABAAAAAAAAAAAAAAAIABVgAAAGRpci9kZWZsYXRlZC50eHRQSwUGAAAAAAIAAgB2AAAAowAAABYAbWFkZSBieSBweXRob24gemlwZmlsZQ==") ?? Data())

    func testReadsPythonZipWithDataDescriptorsAndComment() throws {
        let archive = try ZipArchive(Self.pythonZip)
        XCTAssertEqual(archive.entries.map(\.name), ["stored.txt", "dir/deflated.txt"])
        XCTAssertEqual(archive.entries.map(\.flags), [8, 8])
        XCTAssertEqual(try archive.data(named: "stored.txt"), Array(String(repeating: "abc", count: 10).utf8))
        XCTAssertEqual(try archive.data(named: "dir/deflated.txt"), Array(String(repeating: "hello zip ", count: 20).utf8))
    }

    func testSignatureInsideCommentDoesNotMislead() throws {
        // Comment ends with a fake end record whose comment length cannot fit; the real record must win.
        var bytes = try sampleArchive()
        let fake: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 16) + [0x40, 0x00] + [1, 2, 3]
        bytes.put16(UInt16(fake.count), at: bytes.endRecord + 20)
        bytes += fake
        XCTAssertEqual(try ZipArchive(bytes).entries.count, 3)
    }

    func testWriterRefusesEntriesAfterFinishAndDuplicates() throws {
        var writer = ZipWriter()
        try writer.add("a", [1])
        XCTAssertThrowsError(try writer.add("a", [2]))
        _ = writer.finish()
        XCTAssertThrowsError(try writer.add("b", [2]))
    }

    func testEntryLimitIsEnforced() throws {
        let entry = ZipEntry(name: "x", method: 8, compressedSize: 0, uncompressedSize: ZipArchive.maximumEntrySize + 1,
                             crc32: 0, dataOffset: 0, flags: 0)
        XCTAssertThrowsError(try ZipArchive(try sampleArchive()).data(entry)) { error in
            XCTAssertTrue("\(error)".contains("GiB limit"), "\(error)")
        }
    }
}
