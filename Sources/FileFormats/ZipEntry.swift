/// One file in a zip archive, as described by its central-directory record (sizes and offsets already
/// resolved through zip64 extra fields and checked against the archive's size).
public struct ZipEntry: Equatable, Sendable {
    public let name: String
    /// 0 = stored, 8 = deflate; others are listed but cannot be read.
    public let method: UInt16
    public let compressedSize: Int
    public let uncompressedSize: Int
    public let crc32: UInt32
    /// Where the entry's (possibly compressed) payload starts in the archive, after its local header.
    public let dataOffset: Int
    /// General-purpose flags; bit 0 means encrypted.
    public let flags: UInt16

    public var isStored: Bool { method == 0 }
    public var isDirectory: Bool { name.hasSuffix("/") }
}
