/// What REDUCE, NEWOBJ and BUILD do for each allow-listed global (stylegan2.md §5.2).
/// Every "call" builds a value from its arguments; nothing is imported or executed.
struct PickleCalls {
    /// Only the outermost pickle may parse nested storage blobs, so nesting cannot grow.
    let allowsStorageBlobs: Bool

    func call(_ g: PickleGlobal, _ args: [PickleValue]) throws -> PickleValue {
        func fail(_ why: String) -> ReadFailure { ReadFailure("\(g.qualifiedName) \(why)") }
        switch g.kind {
        case .orderedDict:
            let dict = PickleDict()
            if let pairs = args.first {
                // Python 2 files pass the items as one list of [key, value] pairs.
                guard let items = pairs.sequenceItems else { throw fail("gets a \(pairs.kindName) instead of a list of pairs") }
                for pair in items {
                    guard let kv = pair.sequenceItems, kv.count == 2 else { throw fail("gets an item that is not a pair") }
                    try dict.set(kv[0], kv[1])
                }
            }
            return .dict(dict)
        case .set, .frozenset:
            let set = PickleList()
            if let source = args.first {
                let items: [PickleValue]
                switch source {
                case .list(let l), .set(let l): items = l.items
                case .tuple(let t): items = t.items
                default: throw fail("gets a \(source.kindName) instead of a sequence")
                }
                for item in items { try set.append(item) }
            }
            return .set(set)
        case .codecsEncode:
            // Protocol 2 has no bytes type: bytes arrive as a latin-1 str to re-encode.
            guard args.count == 2, let text = args[0].stringValue, let encoding = args[1].stringValue,
                  ["latin1", "latin-1", "iso-8859-1"].contains(encoding.lowercased()) else {
                throw fail("is only read for (str, 'latin1') arguments")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.unicodeScalars.count)
            for scalar in text.unicodeScalars {
                guard scalar.value < 256 else { throw fail("gets a character beyond latin-1") }
                bytes.append(UInt8(scalar.value))
            }
            return .bytes(ByteSource(copying: bytes).all)
        case .rebuildTensorV2, .rebuildTensorV3:
            return .tensor(try rebuildTensor(args, v3: { if case .rebuildTensorV3 = g.kind { return true } else { return false } }()))
        case .rebuildParameter, .rebuildParameterWithState:
            guard let first = args.first, case .tensor = first else { throw fail("gets no tensor") }
            return first
        case .loadStorageFromBytes:
            guard allowsStorageBlobs else { throw fail("appears inside a storage blob") }
            guard args.count == 1, case .bytes(let blob) = args[0] else { throw fail("gets no bytes") }
            return .storage(try LegacyTorchFormat.readStorageBlob(blob))
        case .reconstructPersistentObject:
            guard args.count == 1, let meta = args[0].dictValue else { throw fail("gets no meta dict") }
            guard meta["type"]?.stringValue == "class" else {
                throw fail("reconstructs a persistent \(meta["type"]?.stringValue ?? "object") (only classes are read)")
            }
            guard let className = meta["class_name"]?.stringValue else { throw fail("gets no class_name") }
            guard let state = meta["state"]?.dictValue else { throw fail("gets no state dict for \(className)") }
            return .module(try PersistentModule(className: className, state: state))
        case .numpyDType:
            guard let code = args.first?.stringValue else { throw fail("gets no type code") }
            return .dtype(PickledDType(code: code))
        case .numpyScalar:
            guard args.count == 2, case .dtype(let dtype) = args[0], case .bytes(let raw) = args[1] else {
                throw fail("gets arguments other than (dtype, bytes)")
            }
            return try dtype.scalar(raw)
        case .numpyReconstruct:
            guard let cls = args.first, case .global(let c) = cls, c.qualifiedName == "numpy.ndarray" else {
                throw fail("is only read for numpy.ndarray")
            }
            return .ndarray(PickledNDArray())
        case .copyregReconstructor:
            guard args.count == 3, case .global(let cls) = args[0], case .plainClass = cls.kind,
                  case .global(let base) = args[1], base.name == "object", args[2].isNone else {
                throw fail("is only read for (allow-listed class, object, None)")
            }
            return .object(try PickleObject(typeName: cls.qualifiedName, args: []))
        case .plainClass:
            return .object(try PickleObject(typeName: g.qualifiedName, args: args))
        case .marker, .storageClass, .torchDType:
            throw fail("is not callable in a checkpoint")
        }
    }

    /// NEWOBJ: `cls.__new__(cls, *args)`.
    func instantiate(_ g: PickleGlobal, _ args: [PickleValue]) throws -> PickleValue {
        switch g.kind {
        case .plainClass: return .object(try PickleObject(typeName: g.qualifiedName, args: args))
        case .orderedDict where args.isEmpty: return .dict(PickleDict())
        case .set where args.isEmpty: return .set(PickleList())
        default: throw ReadFailure("NEWOBJ of \(g.qualifiedName) is not read")
        }
    }

    /// BUILD: `setstate` on the object below the state.
    func build(_ target: PickleValue, state: PickleValue) throws {
        switch target {
        case .object(let o): try o.build(state)
        case .dtype(let d): try d.build(state)
        case .ndarray(let a): try a.build(state)
        case .dict:
            // torch state dicts get BUILD {'_metadata': ...}; the metadata is not needed.
            _ = try seal(state)
        default:
            throw ReadFailure("BUILD on a \(target.kindName) is not read")
        }
    }

    /// `_rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])`;
    /// v3 adds the dtype as the 7th argument.
    private func rebuildTensor(_ args: [PickleValue], v3: Bool) throws -> TorchTensor {
        guard args.count >= (v3 ? 7 : 4), case .storage(let storage) = args[0] else {
            throw ReadFailure("tensor rebuild call has \(args.count) arguments or no storage")
        }
        guard let offset = args[1].intValue else { throw ReadFailure("tensor storage offset is a \(args[1].kindName)") }
        func ints(_ v: PickleValue, _ what: String) throws -> [Int] {
            guard let items = v.sequenceItems else { throw ReadFailure("tensor \(what) is a \(v.kindName)") }
            return try items.map {
                guard let i = $0.intValue else { throw ReadFailure("tensor \(what) holds a \($0.kindName)") }
                return i
            }
        }
        let view = try StridedView(offset: offset, shape: try ints(args[2], "size"), strides: try ints(args[3], "stride"))
        var dtype: TorchDType?
        if v3 {
            guard case .global(let g) = args[6], case .torchDType(let t) = g.kind else {
                throw ReadFailure("_rebuild_tensor_v3 names no torch dtype")
            }
            dtype = t
        }
        return TorchTensor(storage: storage, view: view, dtype: dtype)
    }
}
