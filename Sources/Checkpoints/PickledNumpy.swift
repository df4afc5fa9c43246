import StyleGAN

/// A `numpy.dtype` from a pickle: `REDUCE(numpy.dtype, ('f4', align, copy))`, whose byte order
/// arrives in the following BUILD `(3, '<', ...)`.
final class PickledDType: PickleNode {
    let code: String
    private(set) var byteOrder: Character = "|"

    init(code: String) {
        self.code = code
        super.init()
    }

    func build(_ state: PickleValue) throws {
        try adopt(state)
        guard let items = state.tupleItems, items.count >= 2, let order = items[1].stringValue, let c = order.first else {
            throw ReadFailure("numpy dtype \(code) has an unexpected state (\(state.kindName))")
        }
        byteOrder = c
    }

    /// The element type, for the numeric dtypes checkpoints use; nil for anything else.
    var elementType: TorchDType? {
        switch code {
        case "f4": return .float32
        case "f2": return .float16
        case "f8": return .float64
        case "i8": return .int64
        case "i4": return .int32
        case "i2": return .int16
        case "i1": return .int8
        case "u1": return .uint8
        case "b1": return .bool
        default: return nil
        }
    }

    /// The element type, refusing big-endian data and non-numeric dtypes.
    func checkedElementType(_ what: String) throws -> TorchDType {
        guard let t = elementType else { throw ReadFailure("\(what) has numpy dtype '\(code)', which is not numeric") }
        guard byteOrder != ">" else { throw ReadFailure("\(what) is big-endian numpy data, which is not supported") }
        return t
    }

    /// A numpy scalar: `REDUCE(multiarray.scalar, (dtype, raw_bytes))`, decoded to a Python-like value.
    func scalar(_ raw: ByteSlice) throws -> PickleValue {
        let t = try checkedElementType("a numpy scalar")
        guard raw.count == t.elementSize else {
            throw ReadFailure("numpy scalar of dtype '\(code)' has \(raw.count) bytes instead of \(t.elementSize)")
        }
        let b = raw.bytes
        switch t {
        case .float32, .float16, .bfloat16:
            return .float(Double(gatherFloats(from: b, dtype: t, view: try StridedView(offset: 0, shape: [], strides: []))[0]))
        case .float64: return .float(Double(bitPattern: UInt64(littleEndian: b.loadUnaligned(as: UInt64.self))))
        case .int64: return .int(Int(Int64(littleEndian: b.loadUnaligned(as: Int64.self))))
        case .int32: return .int(Int(Int32(littleEndian: b.loadUnaligned(as: Int32.self))))
        case .int16: return .int(Int(Int16(littleEndian: b.loadUnaligned(as: Int16.self))))
        case .int8: return .int(Int(Int8(bitPattern: b[0])))
        case .uint8: return .int(Int(b[0]))
        case .bool: return .bool(b[0] != 0)
        }
    }
}

/// A numpy array: a `_reconstruct(ndarray, (0,), b'b')` placeholder that the next BUILD
/// `(version, shape, dtype, is_fortran, raw_bytes)` fills. The raw bytes stay a range of the file.
final class PickledNDArray: PickleNode {
    private(set) var shape: [Int] = []
    private(set) var dtype: PickledDType?
    private(set) var isFortranOrder = false
    private(set) var data: ByteSlice?

    func build(_ state: PickleValue) throws {
        try adopt(state)
        guard let items = state.tupleItems, items.count == 5 else {
            throw ReadFailure("numpy array state is a \(state.kindName), not a 5-item tuple")
        }
        guard let dims = items[1].tupleItems, dims.count <= 32 else { throw ReadFailure("numpy array shape is not a tuple") }
        var shape: [Int] = []
        for d in dims {
            guard let n = d.intValue, n >= 0 else { throw ReadFailure("numpy array shape has a \(d.kindName) dimension") }
            shape.append(n)
        }
        guard case .dtype(let dt) = items[2] else { throw ReadFailure("numpy array dtype is a \(items[2].kindName)") }
        guard let fortran = items[3].boolValue else { throw ReadFailure("numpy array order flag is a \(items[3].kindName)") }
        guard case .bytes(let raw) = items[4] else {
            throw ReadFailure("numpy array data is a \(items[4].kindName), not raw bytes (object arrays are not read)")
        }
        self.shape = shape
        self.dtype = dt
        self.isFortranOrder = fortran
        self.data = raw
    }

    /// The values as float32 in C order; `name` is used in error messages.
    func materialize(name: String) throws -> Tensor {
        guard let dtype, let data else { throw ReadFailure("numpy array \(name) was never filled in") }
        let t = try dtype.checkedElementType("array \(name)")
        guard t.isFloatingPoint else { throw ReadFailure("array \(name) holds \(t.rawValue) values; a floating-point array is needed") }
        // Fortran order is C order of the reversed shape; read it through reversed strides.
        let strides = isFortranOrder
            ? Array(StridedView.contiguousStrides(shape.reversed()).reversed())
            : StridedView.contiguousStrides(shape)
        let view = try StridedView(offset: 0, shape: shape, strides: strides)
        let (needed, overflow) = view.count.multipliedReportingOverflow(by: t.elementSize)
        guard !overflow, data.count == needed else {
            throw ReadFailure("array \(name) of shape \(shape) needs \(view.count) values of \(t.elementSize) bytes but has \(data.count) bytes")
        }
        return Tensor(shape: shape, data: gatherFloats(from: data.bytes, dtype: t, view: view))
    }
}
