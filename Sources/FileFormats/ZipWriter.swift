/// Builds a zip archive of stored (uncompressed) entries in memory.
/// With `alignment` > 1 each payload starts on a multiple of it, padded with an extra field of id 0x4b46
/// ("FB") filled with "Z" bytes, the layout torch.save uses (alignment 64) so tensors can be memory-mapped.
/// Sizes and offsets past 32 bits are written with zip64 extra fields and a zip64 end record.
public struct ZipWriter {
    public let alignment: Int
    /// The local headers and payloads written so far.
    private var bytes: [UInt8] = []
    private var records: [CentralRecord] = []
    private var names: Set<String> = []
    private var finished = false

    /// Values at or above this use zip64 fields. 0xFFFFFFFF per the format; tests lower it to exercise zip64.
    var zip64Threshold: UInt64 = 0xFFFF_FFFF

    private struct CentralRecord {
        let name: [UInt8]
        let crc: UInt32
        let size: UInt64
        let offset: UInt64
    }

    /// `alignment` is clamped to 1...4096.
    public init(alignment: Int = 1) {
        self.alignment = min(max(alignment, 1), 4096)
    }

    public mutating func add(_ name: String, _ contents: [UInt8]) throws {
        try contents.withUnsafeBytes { try add(name, raw: $0) }
    }

    public mutating func add(_ name: String, raw contents: UnsafeRawBufferPointer) throws {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= Int(UInt16.max) else {
            throw FileFormatError("zip entry name must be 1 to 65535 bytes long, got \(nameBytes.count)")
        }
        guard !finished else { throw FileFormatError("zip archive is already finished; cannot add \(name)") }
        guard names.insert(name).inserted else { throw FileFormatError("zip archive already has an entry \(name)") }

        let offset = UInt64(bytes.count)
        let size = UInt64(contents.count)
        let zip64 = size >= zip64Threshold
        let crc = crc32Checksum(contents)

        var extra: [UInt8] = []
        if zip64 {
            extra.appendLE(UInt16(1))
            extra.appendLE(UInt16(16))
            extra.appendLE(size)  // uncompressed
            extra.appendLE(size)  // compressed
        }
        if alignment > 1 {
            let unpaddedStart = bytes.count + 30 + nameBytes.count + extra.count + 4
            let padding = (alignment - unpaddedStart % alignment) % alignment
            extra.appendLE(UInt16(0x4b46))
            extra.appendLE(UInt16(padding))
            extra += [UInt8](repeating: UInt8(ascii: "Z"), count: padding)
        }

        // No exact reserveCapacity here: it would reallocate on every entry (quadratic for a checkpoint's
        // hundreds of tensors); appending grows the buffer geometrically.
        bytes.appendLE(UInt32(0x0403_4b50))
        bytes.appendLE(UInt16(zip64 ? 45 : 20))  // version needed to extract
        bytes.appendLE(Self.flags(for: name))
        bytes.appendLE(UInt16(0))  // stored
        bytes.appendLE(UInt16(0))  // time 00:00:00
        bytes.appendLE(Self.dosDate1980)
        bytes.appendLE(crc)
        bytes.appendLE(zip64 ? UInt32.max : UInt32(size))
        bytes.appendLE(zip64 ? UInt32.max : UInt32(size))
        bytes.appendLE(UInt16(nameBytes.count))
        bytes.appendLE(UInt16(extra.count))
        bytes += nameBytes
        bytes += extra
        bytes.append(contentsOf: contents)
        records.append(CentralRecord(name: nameBytes, crc: crc, size: size, offset: offset))
    }

    /// The complete archive: entries, central directory, end records. The buffer is handed over rather than
    /// copied (archives can be as large as a checkpoint), so the writer is empty afterwards and takes no more entries.
    public mutating func finish() -> [UInt8] {
        finished = true
        var output: [UInt8] = []
        swap(&output, &bytes)
        let directoryOffset = UInt64(output.count)
        for record in records {
            let bigSize = record.size >= zip64Threshold
            let bigOffset = record.offset >= zip64Threshold
            var extra: [UInt8] = []
            if bigSize || bigOffset {
                extra.appendLE(UInt16(1))
                extra.appendLE(UInt16((bigSize ? 16 : 0) + (bigOffset ? 8 : 0)))
                if bigSize {
                    extra.appendLE(record.size)
                    extra.appendLE(record.size)
                }
                if bigOffset { extra.appendLE(record.offset) }
            }
            output.appendLE(UInt32(0x0201_4b50))
            output.appendLE(UInt16(0x0300 | 45))  // made by: Unix, zip 4.5
            output.appendLE(UInt16(extra.isEmpty ? 20 : 45))
            output.appendLE(Self.flags(for: String(decoding: record.name, as: UTF8.self)))
            output.appendLE(UInt16(0))
            output.appendLE(UInt16(0))
            output.appendLE(Self.dosDate1980)
            output.appendLE(record.crc)
            output.appendLE(bigSize ? UInt32.max : UInt32(record.size))
            output.appendLE(bigSize ? UInt32.max : UInt32(record.size))
            output.appendLE(UInt16(record.name.count))
            output.appendLE(UInt16(extra.count))
            output.appendLE(UInt16(0))  // comment length
            output.appendLE(UInt16(0))  // disk
            output.appendLE(UInt16(0))  // internal attributes
            output.appendLE(UInt32(0o100644) << 16)  // external attributes: regular file, rw-r--r--
            output.appendLE(bigOffset ? UInt32.max : UInt32(record.offset))
            output += record.name
            output += extra
        }
        let directorySize = UInt64(output.count) - directoryOffset
        let count = UInt64(records.count)
        let zip64End = count >= 0xFFFF || directorySize >= zip64Threshold || directoryOffset >= zip64Threshold
        if zip64End {
            let recordOffset = UInt64(output.count)
            output.appendLE(UInt32(0x0606_4b50))
            output.appendLE(UInt64(44))  // size of the rest of this record
            output.appendLE(UInt16(0x0300 | 45))
            output.appendLE(UInt16(45))
            output.appendLE(UInt32(0))
            output.appendLE(UInt32(0))
            output.appendLE(count)
            output.appendLE(count)
            output.appendLE(directorySize)
            output.appendLE(directoryOffset)
            output.appendLE(UInt32(0x0706_4b50))
            output.appendLE(UInt32(0))
            output.appendLE(recordOffset)
            output.appendLE(UInt32(1))
        }
        output.appendLE(UInt32(0x0605_4b50))
        output.appendLE(UInt16(0))
        output.appendLE(UInt16(0))
        output.appendLE(UInt16(min(count, 0xFFFF)))
        output.appendLE(UInt16(min(count, 0xFFFF)))
        output.appendLE(directorySize >= zip64Threshold ? UInt32.max : UInt32(directorySize))
        output.appendLE(directoryOffset >= zip64Threshold ? UInt32.max : UInt32(directoryOffset))
        output.appendLE(UInt16(0))  // comment length
        return output
    }

    /// 1980-01-01, the earliest DOS date: fixed so identical inputs give identical archives.
    private static let dosDate1980: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Bit 11 marks a UTF-8 name; plain ASCII names leave it clear as most tools do.
    private static func flags(for name: String) -> UInt16 {
        name.utf8.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
    }
}
