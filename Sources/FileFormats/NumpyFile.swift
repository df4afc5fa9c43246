import Foundation

/// Reading and writing the numpy `.npy` format (versions 1.0, 2.0 and 3.0):
/// magic `\x93NUMPY`, major and minor version bytes, a little-endian header length (u16 in 1.0, u32 later),
/// the header dictionary padded with spaces and ended by a newline, then the raw array data.
extension NumpyArray {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"

    public static func decode(_ bytes: [UInt8]) throws -> NumpyArray {
        try bytes.withUnsafeBytes { try decode(raw: $0) }
    }

    public static func decode(_ data: Data) throws -> NumpyArray {
        try data.withUnsafeBytes { try decode(raw: $0) }
    }

    static func decode(raw: UnsafeRawBufferPointer) throws -> NumpyArray {
        let reader = ByteReader(bytes: raw, context: "npy")
        guard raw.count >= 10, Array(raw[0 ..< 6]) == magic else {
            throw FileFormatError(raw.isEmpty ? "npy data is empty" : "not an npy file (bad magic)")
        }
        let major = raw[6]
        let headerStart: Int
        let headerLength: Int
        switch major {
        case 1:
            headerStart = 10
            headerLength = Int(try reader.u16(8, "header length"))
        case 2, 3:
            headerStart = 12
            headerLength = Int(try reader.u32(8, "header length"))
        default:
            throw FileFormatError("npy version \(major).\(raw[7]) is not supported (1.0, 2.0 and 3.0 are)")
        }
        guard headerLength <= raw.count - min(headerStart, raw.count) else {
            throw FileFormatError("npy header length \(headerLength) runs past the end of the data (\(raw.count) bytes)")
        }
        let header = try NumpyHeader(parsing: Array(try reader.slice(headerStart, headerLength, "header")))
        let dtype = try NumpyDType(descr: header.descr)

        // Size checks come before any allocation: a hostile shape must not make us reserve memory.
        guard let count = checkedProduct(header.shape),
              case let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size), !overflow else {
            throw FileFormatError("npy shape \(header.shape) has too many elements")
        }
        let dataStart = headerStart + headerLength
        let available = raw.count - dataStart
        guard byteCount == available else {
            throw FileFormatError(byteCount > available
                ? "npy data is truncated: shape \(header.shape) needs \(byteCount) bytes, file has \(available)"
                : "npy file has \(available - byteCount) unexpected bytes after the data of shape \(header.shape)")
        }
        let values = dtype.convert(try reader.slice(dataStart, byteCount, "data"), count: count)
        let ordered = header.fortranOrder ? fortranToC(values, shape: header.shape) : values
        return NumpyArray(checkedShape: header.shape, values: ordered)
    }

    /// Fortran order stores the first index fastest; C order the last. Walks the Fortran layout with an
    /// index counter and places each value at its C offset.
    private static func fortranToC(_ values: [Float], shape: [Int]) -> [Float] {
        guard shape.count > 1, !values.isEmpty else { return values }
        var cStrides = [Int](repeating: 1, count: shape.count)
        for axis in stride(from: shape.count - 2, through: 0, by: -1) { cStrides[axis] = cStrides[axis + 1] * shape[axis + 1] }
        var result = [Float](repeating: 0, count: values.count)
        var index = [Int](repeating: 0, count: shape.count)
        var cOffset = 0
        for value in values {
            result[cOffset] = value
            for axis in 0 ..< shape.count {
                index[axis] += 1
                cOffset += cStrides[axis]
                if index[axis] < shape[axis] { break }
                cOffset -= cStrides[axis] * shape[axis]
                index[axis] = 0
            }
        }
        return result
    }

    /// The `.npy` bytes numpy.save writes for a float32 C-order array, byte for byte (numpy ≥ 1.23 layout:
    /// room for the first dimension to grow to 21 digits, then spaces so the data starts on a 64-byte boundary).
    public func encode() -> [UInt8] {
        let dictionary = NumpyHeader(descr: "<f4", fortranOrder: false, shape: shape).text
        let growthRoom = shape.isEmpty ? 0 : max(0, 21 - String(shape[0]).count)
        let unpadded = Array(dictionary.utf8) + [UInt8](repeating: 0x20, count: growthRoom)
        // Version 1.0 stores the header length in 16 bits; numpy switches to 2.0 only when it must.
        let fitsVersion1 = unpadded.count + 1 + 64 <= Int(UInt16.max)
        let prefixLength = fitsVersion1 ? 10 : 12
        let padding = 64 - (prefixLength + unpadded.count + 1) % 64
        let headerLength = unpadded.count + padding + 1

        var bytes = NumpyArray.magic
        bytes.reserveCapacity(prefixLength + headerLength + values.count * 4)
        if fitsVersion1 {
            bytes += [1, 0]
            bytes.appendLE(UInt16(headerLength))
        } else {
            bytes += [2, 0]
            bytes.appendLE(UInt32(headerLength))
        }
        bytes += unpadded
        bytes += [UInt8](repeating: 0x20, count: padding)
        bytes.append(0x0A)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }
}
