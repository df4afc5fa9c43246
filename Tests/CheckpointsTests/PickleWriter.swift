/// A Python value to pickle in tests: just enough to hand-write checkpoints, well-formed or not.
indirect enum Py {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case tuple([Py])
    case list([Py])
    case dict([(String, Py)])
    /// `module.name(*args)` as GLOBAL + args tuple + REDUCE.
    case call(String, String, [Py])
    /// `collections.OrderedDict()` then SETITEMS, as torch 1.x pickles module dicts.
    case orderedDict([(String, Py)])
    /// `module.name.__new__()` then SETITEMS, as a dict subclass (EasyDict) is pickled.
    case newDict(String, String, [(String, Py)])
    /// `module.name.__new__()` then BUILD with `state`, as a plain class instance is pickled.
    case object(String, String, Py)
    /// Opcodes written verbatim.
    case raw([UInt8])
}

/// Writes binary pickles (protocol 3 opcodes) for `Py` values.
enum PickleWriter {
    static func pickle(_ value: Py, protocol proto: UInt8 = 3) -> [UInt8] {
        var out: [UInt8] = [0x80, proto]
        emit(value, into: &out)
        out.append(0x2e)
        return out
    }

    static func le(_ v: Int, _ n: Int) -> [UInt8] { (0 ..< n).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    static func emit(_ value: Py, into out: inout [UInt8]) {
        switch value {
        case .none: out.append(0x4e)
        case .bool(let b): out.append(b ? 0x88 : 0x89)
        case .int(let i):
            if (0 ..< 256).contains(i) { out += [0x4b, UInt8(i)] }
            else if (0 ..< 65536).contains(i) { out += [0x4d] + le(i, 2) }
            else if Int(Int32.min) ... Int(Int32.max) ~= i { out += [0x4a] + le(i, 4) }
            else { out += [0x8a, 8] + le(i, 8) }
        case .float(let d):
            out.append(0x47)
            out += (0 ..< 8).reversed().map { UInt8(truncatingIfNeeded: d.bitPattern >> (8 * UInt64($0))) }
        case .str(let s):
            let u = Array(s.utf8)
            out += [0x58] + le(u.count, 4) + u
        case .bytes(let b): out += [0x42] + le(b.count, 4) + b
        case .tuple(let items):
            out.append(0x28)
            for i in items { emit(i, into: &out) }
            out.append(0x74)
        case .list(let items):
            out += [0x5d, 0x28]
            for i in items { emit(i, into: &out) }
            out.append(0x65)
        case .dict(let items):
            out += [0x7d, 0x28]
            for (k, v) in items { emit(.str(k), into: &out); emit(v, into: &out) }
            out.append(0x75)
        case .call(let module, let name, let args):
            out += [0x63] + Array("\(module)\n\(name)\n".utf8)
            emit(.tuple(args), into: &out)
            out.append(0x52)
        case .newDict(let module, let name, let items):
            out += [0x63] + Array("\(module)\n\(name)\n".utf8) + [0x29, 0x81, 0x28]
            for (k, v) in items { emit(.str(k), into: &out); emit(v, into: &out) }
            out.append(0x75)
        case .orderedDict(let items):
            out += [0x63] + Array("collections\nOrderedDict\n".utf8) + [0x29, 0x52, 0x28]
            for (k, v) in items { emit(.str(k), into: &out); emit(v, into: &out) }
            out.append(0x75)
        case .object(let module, let name, let state):
            out += [0x63] + Array("\(module)\n\(name)\n".utf8) + [0x29, 0x81]
            emit(state, into: &out)
            out.append(0x62)
        case .raw(let bytes): out += bytes
        }
    }

    /// torch's legacy serialisation of one storage (the blob `_load_from_bytes` reads).
    static func storageBlob(storageClass: String = "FloatStorage", elements: [UInt8], count: Int) -> [UInt8] {
        var out: [UInt8] = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]
        out += [0x80, 0x02, 0x4d, 0xe9, 0x03, 0x2e]
        out += pickle(.dict([("protocol_version", .int(1001)), ("little_endian", .bool(true))]), protocol: 2)
        var pid: [UInt8] = [0x80, 0x02, 0x28]
        emit(.str("storage"), into: &pid)
        pid += [0x63] + Array("torch\n\(storageClass)\n".utf8)
        emit(.str("0"), into: &pid)
        emit(.str("cpu"), into: &pid)
        emit(.int(count), into: &pid)
        pid += [0x4e, 0x74, 0x51, 0x2e]
        out += pid
        out += pickle(.list([.str("0")]), protocol: 2)
        out += le(count, 8) + elements
        return out
    }

    /// A numpy float64 scalar: `scalar(dtype('f8') + BUILD byte order, 8 raw bytes)`.
    static func numpyFloat64(_ value: Double) -> Py {
        var out: [UInt8] = [0x63] + Array("numpy.core.multiarray\nscalar\n".utf8) + [0x28]
        emit(.call("numpy", "dtype", [.str("f8"), .bool(false), .bool(true)]), into: &out)
        emit(.tuple([.int(3), .str("<"), .none, .none, .none, .int(-1), .int(-1), .int(0)]), into: &out)
        out.append(0x62)
        emit(.bytes(le(Int(bitPattern: UInt(value.bitPattern)), 8)), into: &out)
        out += [0x74, 0x52]
        return .raw(out)
    }

    /// A float32 numpy array: `_reconstruct(ndarray, (0,), b'b')` + BUILD (1, shape, dtype, fortran, bytes).
    static func ndarray(_ values: [Float], shape: [Int], fortran: Bool = false) -> Py {
        var out: [UInt8] = []
        emit(.call("numpy.core.multiarray", "_reconstruct", [.raw([0x63] + Array("numpy\nndarray\n".utf8)), .tuple([.int(0)]), .bytes([0x62])]), into: &out)
        out += [0x28, 0x4b, 0x01]
        emit(.tuple(shape.map(Py.int)), into: &out)
        emit(.call("numpy", "dtype", [.str("f4"), .bool(false), .bool(true)]), into: &out)
        emit(.tuple([.int(3), .str("<"), .none, .none, .none, .int(-1), .int(-1), .int(0)]), into: &out)
        out.append(0x62)
        emit(.bool(fortran), into: &out)
        emit(.bytes(float32Bytes(values)), into: &out)
        out += [0x74, 0x62]
        return .raw(out)
    }

    /// A storage reference in a torch container: BINPERSID ('storage', FloatStorage, key, 'cpu', count[, None]).
    static func persistentStorage(key: String, count: Int, legacy: Bool) -> Py {
        var out: [UInt8] = [0x28]
        emit(.str("storage"), into: &out)
        out += [0x63] + Array("torch\nFloatStorage\n".utf8)
        emit(.str(key), into: &out)
        emit(.str("cpu"), into: &out)
        emit(.int(count), into: &out)
        if legacy { out.append(0x4e) }
        out += [0x74, 0x51]
        return .raw(out)
    }

    /// A whole legacy (pre-zip) torch.save file: five pickles, then each storage's count and data.
    static func legacyFile(_ object: Py, storages: [(key: String, values: [Float])]) -> [UInt8] {
        var out: [UInt8] = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]
        out += [0x80, 0x02, 0x4d, 0xe9, 0x03, 0x2e]
        out += pickle(.dict([("protocol_version", .int(1001)), ("little_endian", .bool(true))]), protocol: 2)
        out += pickle(object, protocol: 2)
        out += pickle(.list(storages.map { .str($0.key) }), protocol: 2)
        for s in storages { out += le(s.values.count, 8) + float32Bytes(s.values) }
        return out
    }

    static func float32Bytes(_ values: [Float]) -> [UInt8] { values.flatMap { le(Int($0.bitPattern), 4) } }

    /// `_rebuild_tensor_v2(_load_from_bytes(blob), offset, size, stride, False, OrderedDict())`.
    static func tensor(storageValues: [Float], offset: Int = 0, size: [Int], strides: [Int]? = nil,
                       storageClass: String = "FloatStorage", elementBytes: [UInt8]? = nil) -> Py {
        let bytes = elementBytes ?? float32Bytes(storageValues)
        let blob = storageBlob(storageClass: storageClass, elements: bytes, count: storageValues.count)
        var contiguous = [Int](repeating: 1, count: size.count)
        for d in stride(from: size.count - 2, through: 0, by: -1) { contiguous[d] = contiguous[d + 1] * size[d + 1] }
        return .call("torch._utils", "_rebuild_tensor_v2", [
            .call("torch.storage", "_load_from_bytes", [.bytes(blob)]),
            .int(offset), .tuple(size.map(Py.int)), .tuple((strides ?? contiguous).map(Py.int)),
            .bool(false), .call("collections", "OrderedDict", []),
        ])
    }
}
