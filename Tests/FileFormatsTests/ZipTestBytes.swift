/// Patching helpers for building damaged archives in tests.
extension Array where Element == UInt8 {
    func u32(at offset: Int) -> Int {
        (0 ..< 4).reduce(0) { $0 | Int(self[offset + $1]) << (8 * $1) }
    }

    mutating func put32(_ value: UInt32, at offset: Int) {
        for index in 0 ..< 4 { self[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }

    mutating func put16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value)
        self[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    /// Offset of the End Of Central Directory record of an archive without a comment.
    var endRecord: Int { count - 22 }

    /// Offset of the first central directory record of an archive without a comment or zip64 records.
    var firstCentralRecord: Int { u32(at: endRecord + 16) }
}
