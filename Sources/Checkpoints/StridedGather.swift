/// Reads a strided view of little-endian elements into a C-order Float array.
/// Storage offset and strides count elements. The caller has checked that every index the view
/// touches lies inside `bytes` (see `StridedView.check`); nothing here reads out of range then.
func gatherFloats(from bytes: UnsafeRawBufferPointer, dtype: TorchDType, view: StridedView) -> [Float] {
    let count = view.count
    guard count > 0 else { return [] }
    let size = dtype.elementSize
    if dtype == .float32, view.isContiguous {
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            // The source is not aligned for Float (legacy blobs start at arbitrary offsets): copy bytes.
            UnsafeMutableRawBufferPointer(out).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[(view.offset * 4) ..< ((view.offset + count) * 4)]))
            initialized = count
        }
    }
    return [Float](unsafeUninitializedCapacity: count) { out, initialized in
        var index = [Int](repeating: 0, count: view.shape.count)
        var element = view.offset
        for i in 0 ..< count {
            out[i] = decodeElement(bytes, at: element * size, dtype)
            // Odometer over the dimensions, last fastest.
            var d = view.shape.count - 1
            while d >= 0 {
                index[d] += 1
                element += view.strides[d]
                if index[d] < view.shape[d] { break }
                element -= view.strides[d] * view.shape[d]
                index[d] = 0
                d -= 1
            }
        }
        initialized = count
    }
}

@inline(__always)
private func decodeElement(_ bytes: UnsafeRawBufferPointer, at byteOffset: Int, _ dtype: TorchDType) -> Float {
    switch dtype {
    case .float32: return Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: UInt32.self)))
    case .float16: return Float(Float16(bitPattern: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: UInt16.self))))
    case .bfloat16: return Float(bitPattern: UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: UInt16.self))) << 16)
    case .float64: return Float(Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: UInt64.self))))
    case .int64: return Float(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: Int64.self)))
    case .int32: return Float(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: Int32.self)))
    case .int16: return Float(Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: byteOffset, as: Int16.self)))
    case .int8: return Float(Int8(bitPattern: bytes[byteOffset]))
    case .uint8, .bool: return Float(bytes[byteOffset])
    }
}

/// Where a tensor's elements sit in its storage: offset, sizes and strides, all in elements.
struct StridedView {
    let offset: Int
    let shape: [Int]
    let strides: [Int]
    /// Number of elements (product of `shape`), checked for overflow at construction.
    let count: Int

    init(offset: Int, shape: [Int], strides: [Int]) throws {
        guard offset >= 0 else { throw ReadFailure("negative storage offset \(offset)") }
        guard shape.count == strides.count else {
            throw ReadFailure("size \(shape) and stride \(strides) have different lengths")
        }
        guard shape.count <= 32 else { throw ReadFailure("tensor has \(shape.count) dimensions") }
        guard shape.allSatisfy({ $0 >= 0 }), strides.allSatisfy({ $0 >= 0 }) else {
            throw ReadFailure("negative size or stride (size \(shape), stride \(strides))")
        }
        var n = 1
        for s in shape {
            let (p, o) = n.multipliedReportingOverflow(by: s)
            guard !o else { throw ReadFailure("size \(shape) has too many elements") }
            n = p
        }
        self.offset = offset
        self.shape = shape
        self.strides = strides
        self.count = n
    }

    /// C-order strides with unit innermost step (dimensions of size 1 may have any stride).
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = step
            step = step &* max(shape[d], 1)
        }
        return strides
    }

    var isContiguous: Bool {
        let c = StridedView.contiguousStrides(shape)
        return zip(zip(shape, strides), c).allSatisfy { $0.0.0 <= 1 || $0.0.1 == $0.1 }
    }

    /// Checks that every element lies in a storage of `available` elements.
    /// - Returns: nil when it fits, otherwise the reason.
    func problem(available: Int) -> String? {
        guard count > 0 else { return nil }
        guard count <= available else {
            return "needs \(count) values but its storage holds only \(available)"
        }
        var last = offset
        for (s, st) in zip(shape, strides) {
            let (p, o1) = (s - 1).multipliedReportingOverflow(by: st)
            let (q, o2) = last.addingReportingOverflow(p)
            guard !o1, !o2 else { return "has strides \(strides) that reach beyond any storage" }
            last = q
        }
        guard last < available else {
            return "reaches element \(last) (offset \(offset), size \(shape), stride \(strides)) but its storage holds only \(available)"
        }
        return nil
    }
}
