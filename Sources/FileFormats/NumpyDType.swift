import Foundation

/// The scalar types a `.npy` file may hold that this reader converts to Float,
/// parsed from a numpy `descr` string such as `<f4`, `>f8`, `|u1`, `|b1`.
struct NumpyDType: Equatable {
    enum Kind: Equatable { case float, signed, unsigned, bool }

    let kind: Kind
    let size: Int
    let bigEndian: Bool

    static let float32LE = NumpyDType(kind: .float, size: 4, bigEndian: false)

    init(kind: Kind, size: Int, bigEndian: Bool) {
        self.kind = kind
        self.size = size
        self.bigEndian = bigEndian
    }

    init(descr: String) throws {
        let characters = Array(descr.utf8)
        guard characters.count >= 3, let order = characters.first,
              let size = Int(String(decoding: characters[2...], as: UTF8.self)) else {
            throw FileFormatError("npy dtype '\(descr)' is not a simple numeric dtype")
        }
        switch order {
        case UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "|"): bigEndian = false
        case UInt8(ascii: ">"): bigEndian = true
        default: throw FileFormatError("npy dtype '\(descr)' has an unknown byte order '\(Character(UnicodeScalar(order)))'")
        }
        switch (characters[1], size) {
        case (UInt8(ascii: "f"), 2), (UInt8(ascii: "f"), 4), (UInt8(ascii: "f"), 8): kind = .float
        case (UInt8(ascii: "i"), 1), (UInt8(ascii: "i"), 2), (UInt8(ascii: "i"), 4), (UInt8(ascii: "i"), 8): kind = .signed
        case (UInt8(ascii: "u"), 1), (UInt8(ascii: "u"), 2), (UInt8(ascii: "u"), 4), (UInt8(ascii: "u"), 8): kind = .unsigned
        case (UInt8(ascii: "b"), 1): kind = .bool
        default:
            throw FileFormatError("npy dtype '\(descr)' is not supported (float16/32/64, int8-64, uint8-64 and bool are)")
        }
        self.size = size
    }

    /// Converts `count` packed elements at `source` to Float.
    /// Integers wider than 24 bits round to the nearest Float.
    func convert(_ source: UnsafeRawBufferPointer, count: Int) -> [Float] {
        if self == .float32LE {
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                if let destination = buffer.baseAddress, let start = source.baseAddress {
                    UnsafeMutableRawPointer(destination).copyMemory(from: start, byteCount: count * 4)
                }
                initialized = count
            }
        }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0 ..< count {
                buffer[index] = element(source, at: index * size)
            }
            initialized = count
        }
    }

    private func element(_ source: UnsafeRawBufferPointer, at offset: Int) -> Float {
        switch (kind, size) {
        case (.float, 2): return Float(Float16(bitPattern: load(UInt16.self, source, offset)))
        case (.float, 4): return Float(bitPattern: load(UInt32.self, source, offset))
        case (.float, 8): return Float(Double(bitPattern: load(UInt64.self, source, offset)))
        case (.signed, 1): return Float(Int8(bitPattern: source[offset]))
        case (.signed, 2): return Float(Int16(bitPattern: load(UInt16.self, source, offset)))
        case (.signed, 4): return Float(Int32(bitPattern: load(UInt32.self, source, offset)))
        case (.signed, 8): return Float(Int64(bitPattern: load(UInt64.self, source, offset)))
        case (.unsigned, 1): return Float(source[offset])
        case (.unsigned, 2): return Float(load(UInt16.self, source, offset))
        case (.unsigned, 4): return Float(load(UInt32.self, source, offset))
        case (.unsigned, 8): return Float(load(UInt64.self, source, offset))
        default: return source[offset] == 0 ? 0 : 1  // bool: numpy treats any nonzero byte as True
        }
    }

    private func load<T: FixedWidthInteger>(_ type: T.Type, _ source: UnsafeRawBufferPointer, _ offset: Int) -> T {
        let raw = source.loadUnaligned(fromByteOffset: offset, as: T.self)
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }
}
