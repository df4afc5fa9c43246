import FileFormats
import StyleGAN

/// Writes what `torch.save(obj, f)` (torch >= 1.6, zip format) writes for a dict of state dicts
/// and tensors (stylegan2.md §4.2): a stored zip whose entries start on 64-byte boundaries,
///
///     archive/data.pkl            protocol-2 pickle of the object; every storage a BINPERSID
///                                 ('storage', torch.FloatStorage, key, 'cpu', numel)
///     archive/.format_version     "1"
///     archive/.storage_alignment  "64"
///     archive/byteorder           "little"
///     archive/data/<key>          each tensor's float32 bytes, keys 0, 1, ... in first-use order
///     archive/version             "3\n"
///
/// A state dict is `collections.OrderedDict` of `torch._utils._rebuild_tensor_v2(storage, 0,
/// size, stride, False, OrderedDict())`. No `_metadata` is written: `load_state_dict` does not
/// need it.
struct TorchSaveWriter {
    enum Value {
        case tensor(Tensor)
        case stateDict([(String, Tensor)])
    }

    private var pickle = PickleEncoder()
    private var storages: [Tensor] = []

    static func encode(_ items: [(String, Value)]) throws -> [UInt8] {
        var writer = TorchSaveWriter()
        writer.pickle.op(.emptyDict)
        writer.pickle.memoize()
        // CPython writes a one-item dict with SETITEM, longer ones with MARK ... SETITEMS.
        if items.count > 1 { writer.pickle.op(.mark) }
        for (key, value) in items {
            writer.pickle.string(key)
            switch value {
            case .tensor(let t): writer.tensor(t)
            case .stateDict(let entries): writer.stateDict(entries)
            }
        }
        if !items.isEmpty { writer.pickle.op(items.count > 1 ? .setItems : .setItem) }
        return try writer.archive(pickle: writer.pickle.stop())
    }

    private mutating func stateDict(_ entries: [(String, Tensor)]) {
        pickle.global("collections", "OrderedDict")
        pickle.op(.emptyTuple)
        pickle.op(.reduce)
        pickle.memoize()
        // CPython batches SETITEMS by 1000 pairs.
        for start in stride(from: 0, to: entries.count, by: 1000) {
            let batch = entries[start ..< min(start + 1000, entries.count)]
            if batch.count > 1 { pickle.op(.mark) }
            for (name, t) in batch {
                pickle.string(name)
                tensor(t)
            }
            pickle.op(batch.count > 1 ? .setItems : .setItem)
        }
    }

    private mutating func tensor(_ t: Tensor) {
        let key = String(storages.count)
        storages.append(t)
        pickle.global("torch._utils", "_rebuild_tensor_v2")
        pickle.op(.mark)
        // The storage's persistent id, then BINPERSID (whose result CPython does not memoize).
        pickle.op(.mark)
        pickle.string("storage", shared: true)
        pickle.global("torch", "FloatStorage")
        pickle.string(key)
        pickle.string("cpu", shared: true)
        pickle.int(t.count)
        pickle.op(.tuple)
        pickle.memoize()
        pickle.op(.binPersId)
        pickle.int(0)  // storage offset
        pickle.intTuple(t.shape)
        pickle.intTuple(Self.contiguousStrides(t.shape))
        pickle.op(.newFalse)  // requires_grad
        pickle.global("collections", "OrderedDict")  // backward hooks: OrderedDict()
        pickle.op(.emptyTuple)
        pickle.op(.reduce)
        pickle.memoize()
        pickle.op(.tuple)
        pickle.memoize()
        pickle.op(.reduce)
        pickle.memoize()
    }

    /// C-order strides in elements, as torch reports them (a dimension of size 1 gets the stride it would have).
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = step
            step *= max(shape[d], 1)
        }
        return strides
    }

    private func archive(pickle: [UInt8]) throws -> [UInt8] {
        var zip = ZipWriter(alignment: 64)
        try zip.add("archive/data.pkl", pickle)
        try zip.add("archive/.format_version", Array("1".utf8))
        try zip.add("archive/.storage_alignment", Array("64".utf8))
        try zip.add("archive/byteorder", Array("little".utf8))
        for (i, t) in storages.enumerated() {
            // Little-endian hosts only: float bytes are already in file order.
            try t.data.withUnsafeBytes { try zip.add("archive/data/\(i)", raw: $0) }
        }
        try zip.add("archive/version", Array("3\n".utf8))
        return zip.finish()
    }
}
