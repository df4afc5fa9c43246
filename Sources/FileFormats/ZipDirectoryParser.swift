/// Reads the zip structures that locate entries: the End Of Central Directory record (and its zip64
/// locator and record when sizes or counts overflow 16/32 bits), the central directory, and each entry's
/// local header (only to learn where the payload starts; sizes come from the central directory).
struct ZipDirectoryParser {
    let reader: ByteReader

    init(bytes: UnsafeRawBufferPointer) {
        reader = ByteReader(bytes: bytes, context: "zip")
    }

    private static let endOfDirectorySignature: UInt32 = 0x0605_4b50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    private static let zip64EndSignature: UInt32 = 0x0606_4b50
    private static let centralSignature: UInt32 = 0x0201_4b50
    private static let localSignature: UInt32 = 0x0403_4b50
    private static let centralHeaderSize = 46
    private static let localHeaderSize = 30

    func parse() throws -> [ZipEntry] {
        let directory = try locateDirectory()
        var entries: [ZipEntry] = []
        entries.reserveCapacity(directory.count)
        var offset = directory.offset
        for index in 0 ..< directory.count {
            let (entry, next) = try centralEntry(at: offset, index: index, directoryEnd: directory.end)
            entries.append(entry)
            offset = next
        }
        return entries
    }

    private struct Directory {
        var offset: Int
        var end: Int
        var count: Int
    }

    /// Finds the EOCD by scanning backwards: it is followed only by a comment of at most 65535 bytes.
    /// A record whose comment ends exactly at the end of the data wins (the comment itself may contain the
    /// signature); failing that, the last one whose comment fits, for archives with bytes appended.
    private func locateDirectory() throws -> Directory {
        let size = reader.count
        guard size > 0 else { throw FileFormatError("zip data is empty") }
        guard size >= 22 else { throw FileFormatError("zip data is too short (\(size) bytes) to be an archive") }
        var exact: Int?
        var loose: Int?
        var candidate = size - 22
        while candidate >= max(0, size - 22 - 65535) && exact == nil {
            if try reader.u32(candidate, "end of central directory") == Self.endOfDirectorySignature {
                let commentLength = Int(try reader.u16(candidate + 20, "comment length"))
                if commentLength == size - candidate - 22 { exact = candidate }
                if commentLength <= size - candidate - 22 && loose == nil { loose = candidate }
            }
            candidate -= 1
        }
        guard let eocd = exact ?? loose else { throw FileFormatError("not a zip archive (no end of central directory record)") }

        let disk = try reader.u16(eocd + 4, "disk number")
        let directoryDisk = try reader.u16(eocd + 6, "central directory disk")
        let diskEntries = try reader.u16(eocd + 8, "entry count on disk")
        var count = Int(try reader.u16(eocd + 10, "entry count"))
        var directorySize = Int(try reader.u32(eocd + 12, "central directory size"))
        var directoryOffset = Int(try reader.u32(eocd + 16, "central directory offset"))
        var directoryLimit = eocd

        let needsZip64 = count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
        let hasLocator = try eocd >= 20 && reader.u32(eocd - 20, "zip64 locator") == Self.zip64LocatorSignature
        if needsZip64 || hasLocator {
            guard hasLocator else {
                throw FileFormatError("zip archive needs a zip64 end of central directory, but its locator is missing")
            }
            let recordOffset = try reader.offset(try reader.u64(eocd - 12, "zip64 record offset"), "zip64 record offset")
            guard recordOffset <= eocd - 20 - 56 else {
                throw FileFormatError("zip64 end of central directory offset \(recordOffset) is out of place")
            }
            guard try reader.u32(recordOffset, "zip64 end of central directory") == Self.zip64EndSignature else {
                throw FileFormatError("zip64 end of central directory record is missing at byte \(recordOffset)")
            }
            guard try reader.u32(recordOffset + 16, "zip64 disk number") == 0,
                  try reader.u32(recordOffset + 20, "zip64 central directory disk") == 0 else {
                throw FileFormatError("multi-disk zip archives are not supported")
            }
            count = try reader.offset(try reader.u64(recordOffset + 32, "zip64 entry count"), "zip64 entry count")
            directorySize = try reader.offset(try reader.u64(recordOffset + 40, "zip64 directory size"), "zip64 directory size")
            directoryOffset = try reader.offset(try reader.u64(recordOffset + 48, "zip64 directory offset"), "zip64 directory offset")
            directoryLimit = recordOffset
        } else if disk != 0 || directoryDisk != 0 || Int(diskEntries) != count {
            throw FileFormatError("multi-disk zip archives are not supported")
        }

        guard directoryOffset <= directoryLimit, directorySize <= directoryLimit - directoryOffset else {
            throw FileFormatError("zip central directory (offset \(directoryOffset), \(directorySize) bytes) lies outside the archive (\(directoryLimit) bytes before its end record)")
        }
        // Each record takes at least 46 bytes, which bounds the count before anything is reserved.
        guard count <= directorySize / Self.centralHeaderSize else {
            throw FileFormatError("zip archive declares \(count) entries, more than its \(directorySize)-byte central directory can hold")
        }
        return Directory(offset: directoryOffset, end: directoryOffset + directorySize, count: count)
    }

    private func centralEntry(at offset: Int, index: Int, directoryEnd: Int) throws -> (ZipEntry, Int) {
        guard offset <= directoryEnd - Self.centralHeaderSize,
              try reader.u32(offset, "central directory entry") == Self.centralSignature else {
            throw FileFormatError("zip central directory entry \(index) at byte \(offset) is missing or damaged")
        }
        let flags = try reader.u16(offset + 8, "entry flags")
        let method = try reader.u16(offset + 10, "compression method")
        let crc = try reader.u32(offset + 16, "CRC")
        var compressedSize = Int(try reader.u32(offset + 20, "compressed size"))
        var uncompressedSize = Int(try reader.u32(offset + 24, "uncompressed size"))
        let nameLength = Int(try reader.u16(offset + 28, "name length"))
        let extraLength = Int(try reader.u16(offset + 30, "extra field length"))
        let commentLength = Int(try reader.u16(offset + 32, "comment length"))
        var localOffset = Int(try reader.u32(offset + 42, "local header offset"))
        let next = offset + Self.centralHeaderSize + nameLength + extraLength + commentLength
        guard next <= directoryEnd else {
            throw FileFormatError("zip central directory entry \(index) runs past the end of the directory")
        }
        let nameBytes = try reader.slice(offset + Self.centralHeaderSize, nameLength, "entry name")
        let name = String(decoding: nameBytes, as: UTF8.self)

        // zip64 extra field (id 1): 64-bit values for exactly those fields that hold 0xFFFFFFFF, in this order.
        let needs = (uncompressed: uncompressedSize == 0xFFFF_FFFF, compressed: compressedSize == 0xFFFF_FFFF,
                     local: localOffset == 0xFFFF_FFFF)
        if needs.uncompressed || needs.compressed || needs.local {
            guard let field = try extraField(id: 1, at: offset + Self.centralHeaderSize + nameLength, length: extraLength) else {
                throw FileFormatError("zip entry \(name) needs a zip64 extra field but has none")
            }
            var cursor = field.lowerBound
            func next64(_ what: String) throws -> Int {
                guard cursor + 8 <= field.upperBound else { throw FileFormatError("zip entry \(name): zip64 extra field is too short") }
                defer { cursor += 8 }
                return try reader.offset(try reader.u64(cursor, what), "\(what) of \(name)")
            }
            if needs.uncompressed { uncompressedSize = try next64("uncompressed size") }
            if needs.compressed { compressedSize = try next64("compressed size") }
            if needs.local { localOffset = try next64("local header offset") }
        }

        // Only the local header's name and extra lengths are used: they decide where the payload starts.
        guard try reader.u32(localOffset, "local header of \(name)") == Self.localSignature else {
            throw FileFormatError("zip entry \(name): no local header at byte \(localOffset)")
        }
        let localNameLength = Int(try reader.u16(localOffset + 26, "local name length"))
        let localExtraLength = Int(try reader.u16(localOffset + 28, "local extra length"))
        let dataOffset = localOffset + Self.localHeaderSize + localNameLength + localExtraLength
        try reader.require(dataOffset, compressedSize, "data of zip entry \(name)")
        if method == 0 && compressedSize != uncompressedSize {
            throw FileFormatError("zip entry \(name) is stored but declares \(compressedSize) compressed and \(uncompressedSize) uncompressed bytes")
        }
        let entry = ZipEntry(name: name, method: method, compressedSize: compressedSize, uncompressedSize: uncompressedSize,
                             crc32: crc, dataOffset: dataOffset, flags: flags)
        return (entry, next)
    }

    /// The byte range of the data of the extra field with this id, if present.
    private func extraField(id: UInt16, at start: Int, length: Int) throws -> Range<Int>? {
        var cursor = start
        let end = start + length
        while cursor + 4 <= end {
            let fieldID = try reader.u16(cursor, "extra field id")
            let fieldLength = Int(try reader.u16(cursor + 2, "extra field length"))
            guard cursor + 4 + fieldLength <= end else { throw FileFormatError("zip extra field runs past its entry") }
            if fieldID == id { return cursor + 4 ..< cursor + 4 + fieldLength }
            cursor += 4 + fieldLength
        }
        return nil
    }
}
