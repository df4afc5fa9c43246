import Foundation

/// A read-only view of a zip archive held in memory (often a memory-mapped file).
/// The constructor parses and checks the whole central directory: every offset and size is checked
/// against the real buffer before it is used, so a damaged archive throws rather than reading out of bounds.
public struct ZipArchive: Sendable {
    /// The archive's bytes; `storedRange` indexes into this, counting from 0.
    public let bytes: Data
    public let entries: [ZipEntry]

    /// Entries declaring more than this many uncompressed bytes are refused by `data(_:)`.
    public static let maximumEntrySize = 16 << 30

    public init(_ bytes: [UInt8]) throws {
        try self.init(Data(bytes))
    }

    public init(_ data: Data) throws {
        // Data may be a slice with a non-zero startIndex; offsets in the archive count from its first byte.
        self.bytes = data.startIndex == 0 ? data : Data(data)
        self.entries = try self.bytes.withUnsafeBytes { try ZipDirectoryParser(bytes: $0).parse() }
    }

    /// The first entry with this exact name.
    public func entry(named name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// The byte range of a stored entry's payload within `bytes`, for slicing large tensors without a copy.
    /// The CRC is not checked here (that would read the whole payload); `data(_:)` checks it.
    public func storedRange(_ entry: ZipEntry) throws -> Range<Int> {
        guard entry.method == 0 else {
            throw FileFormatError("zip entry \(entry.name) is compressed (method \(entry.method)), not stored")
        }
        try checkReadable(entry)
        return entry.dataOffset ..< entry.dataOffset + entry.compressedSize
    }

    /// Checks a stored entry's CRC in place, for callers that use `storedRange` and want the check without a copy.
    public func verifyStored(_ entry: ZipEntry) throws {
        let range = try storedRange(entry)
        let actual = bytes.withUnsafeBytes { crc32Checksum(UnsafeRawBufferPointer(rebasing: $0[range])) }
        try checkCRC(entry, actual)
    }

    /// The entry's uncompressed contents, CRC-checked.
    public func data(_ entry: ZipEntry) throws -> [UInt8] {
        try checkReadable(entry)
        guard entry.uncompressedSize <= ZipArchive.maximumEntrySize else {
            throw FileFormatError("zip entry \(entry.name) declares \(entry.uncompressedSize) bytes, more than the \(ZipArchive.maximumEntrySize >> 30) GiB limit")
        }
        // Deflate cannot expand by more than about 1032:1, so a larger declared size is a lie; refusing it here
        // keeps a tiny entry from making us allocate gigabytes before inflating.
        if entry.method == 8 {
            let (limit, overflow) = entry.compressedSize.multipliedReportingOverflow(by: 1032)
            guard overflow || entry.uncompressedSize <= limit + 1024 else {
                throw FileFormatError("zip entry \(entry.name) declares \(entry.uncompressedSize) bytes, more than \(entry.compressedSize) deflated bytes can hold")
            }
        }
        let contents: [UInt8] = try bytes.withUnsafeBytes { raw in
            let payload = UnsafeRawBufferPointer(rebasing: raw[entry.dataOffset ..< entry.dataOffset + entry.compressedSize])
            switch entry.method {
            case 0: return Array(payload)
            case 8: return try rawInflate(payload, expectedSize: entry.uncompressedSize, name: entry.name)
            default:
                throw FileFormatError("zip entry \(entry.name) uses compression method \(entry.method); only stored (0) and deflate (8) are supported")
            }
        }
        try checkCRC(entry, contents.withUnsafeBytes { crc32Checksum($0) })
        return contents
    }

    private func checkCRC(_ entry: ZipEntry, _ actual: UInt32) throws {
        guard actual == entry.crc32 else {
            throw FileFormatError("zip entry \(entry.name) fails its CRC check (stored \(String(entry.crc32, radix: 16)), computed \(String(actual, radix: 16)))")
        }
    }

    /// The entry's contents by name.
    public func data(named name: String) throws -> [UInt8] {
        guard let entry = entry(named: name) else { throw FileFormatError("zip archive has no entry \(name)") }
        return try data(entry)
    }

    /// Entries are checked when parsed, but a caller can build a ZipEntry by hand; check again before reading.
    private func checkReadable(_ entry: ZipEntry) throws {
        guard entry.flags & 1 == 0 else { throw FileFormatError("zip entry \(entry.name) is encrypted") }
        guard entry.dataOffset >= 0, entry.compressedSize >= 0, entry.dataOffset <= bytes.count,
              entry.compressedSize <= bytes.count - entry.dataOffset else {
            throw FileFormatError("zip entry \(entry.name) lies beyond the end of the archive")
        }
        if entry.method == 0 && entry.compressedSize != entry.uncompressedSize {
            throw FileFormatError("zip entry \(entry.name) is stored but declares \(entry.compressedSize) compressed and \(entry.uncompressedSize) uncompressed bytes")
        }
    }
}
