/// Bounds-checked little-endian reads from a raw buffer. Every offset comes from a file, so each read
/// checks the buffer's real size and reports a readable error instead of trapping.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    /// Names the structure being read in error messages ("zip central directory", "npy header").
    let context: String

    var count: Int { bytes.count }

    func require(_ offset: Int, _ length: Int, _ what: String) throws {
        guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
            throw FileFormatError("\(context): \(what) at byte \(offset) (\(length) bytes) lies beyond the end of the data (\(bytes.count) bytes)")
        }
    }

    func u8(_ offset: Int, _ what: String) throws -> UInt8 {
        try require(offset, 1, what)
        return bytes[offset]
    }

    func u16(_ offset: Int, _ what: String) throws -> UInt16 {
        try require(offset, 2, what)
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int, _ what: String) throws -> UInt32 {
        try require(offset, 4, what)
        var value: UInt32 = 0
        for index in 0 ..< 4 { value |= UInt32(bytes[offset + index]) << (8 * index) }
        return value
    }

    func u64(_ offset: Int, _ what: String) throws -> UInt64 {
        try require(offset, 8, what)
        var value: UInt64 = 0
        for index in 0 ..< 8 { value |= UInt64(bytes[offset + index]) << (8 * index) }
        return value
    }

    /// A 64-bit offset or size from the file as Int, refusing values no buffer could hold.
    func offset(_ value: UInt64, _ what: String) throws -> Int {
        guard value <= UInt64(Int.max) else { throw FileFormatError("\(context): \(what) \(value) is impossibly large") }
        return Int(value)
    }

    func slice(_ offset: Int, _ length: Int, _ what: String) throws -> UnsafeRawBufferPointer {
        try require(offset, length, what)
        return UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + length])
    }
}

/// Little-endian appends for the writers.
extension Array where Element == UInt8 {
    mutating func appendLE(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func appendLE(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// Sizes read from files are products of untrusted numbers; multiply without trapping.
func checkedProduct(_ factors: [Int]) -> Int? {
    var product = 1
    for factor in factors {
        guard factor >= 0 else { return nil }
        let (result, overflow) = product.multipliedReportingOverflow(by: factor)
        if overflow { return nil }
        product = result
    }
    return product
}
