/// One torch storage: a flat run of elements that tensors view with an offset and strides.
/// Its bytes are a range of the checkpoint (never copied); in legacy torch files they are
/// attached after the pickle that names the storage has been read.
final class TorchStorage {
    let dtype: TorchDType
    /// The storage's key in its container (`data/<key>` in a zip, the pointer string in legacy files).
    let key: String
    /// Element count declared by the pickle (bytes for untyped storages), or nil where none is given.
    let declaredCount: Int?
    private(set) var data: ByteSlice?
    /// A check of the bytes that costs a full read (a zip entry's CRC), run once and only for
    /// storages whose tensors are materialised.
    private var pendingCheck: (() throws -> Void)?

    init(dtype: TorchDType, key: String, declaredCount: Int?, data: ByteSlice? = nil,
         check: (() throws -> Void)? = nil) {
        self.dtype = dtype
        self.key = key
        self.declaredCount = declaredCount
        self.data = data
        self.pendingCheck = check
    }

    /// The bytes after their deferred check, or nil when the file gave none.
    func checkedData() throws -> ByteSlice? {
        if let check = pendingCheck {
            try check()
            pendingCheck = nil
        }
        return data
    }

    func attach(_ bytes: ByteSlice) throws {
        guard data == nil else { throw ReadFailure("storage \(key) is given data twice") }
        data = bytes
    }

    /// The persistent-id tuple torch writes for a storage, `('storage', <class>, key, location,
    /// numel[, view_metadata])`: 5 items in zip files, 6 in legacy files.
    static func fromPersistentID(_ pid: PickleValue, itemCount: Int) throws -> (dtype: TorchDType, key: String, count: Int) {
        guard let items = pid.tupleItems, items.count == itemCount, items[0].stringValue == "storage" else {
            throw ReadFailure("persistent id is not a \(itemCount)-item ('storage', ...) tuple but a \(pid.kindName)")
        }
        guard case .global(let g) = items[1], case .storageClass(let dtype) = g.kind else {
            throw ReadFailure("persistent id names \(items[1].kindName) instead of a torch storage class")
        }
        guard let key = items[2].stringValue else { throw ReadFailure("storage key is a \(items[2].kindName), not a string") }
        guard let count = items[4].intValue, count >= 0 else {
            throw ReadFailure("storage \(key) declares an invalid element count (\(items[4].kindName))")
        }
        if itemCount == 6, !items[5].isNone {
            throw ReadFailure("storage \(key) is a view of another storage (pre-1.0 torch); such files are not read")
        }
        return (dtype, key, count)
    }
}
