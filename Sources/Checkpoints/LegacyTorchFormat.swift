/// torch's legacy (pre-zip) serialisation, used for whole `.pt` files by torch < 1.6 and for each
/// storage blob inside NVIDIA network pickles (`torch.storage._load_from_bytes`):
///
///     pickle 1: magic number   pickle 2: protocol 1001   pickle 3: sys_info dict
///     pickle 4: the object, every storage a BINPERSID ('storage', class, key, location, numel, None)
///     pickle 5: the list of storage keys
///     then for each key in that list: int64 LE element count + count * element size raw bytes
///
/// Each pickle has its own memo. Storage bytes are ranges of the input, never copied.
enum LegacyTorchFormat {
    /// The first bytes of every legacy stream: PROTO 2, LONG1 of 10 bytes, then the magic's low bytes.
    static let signature: [UInt8] = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19]
    private static let magic: [UInt8] = [0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19]

    static func hasSignature(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= signature.count && zip(bytes, signature).allSatisfy { $0 == $1 }
    }

    /// Reads a whole legacy stream and returns its object with every storage's bytes attached.
    /// - Parameter allowsStorageBlobs: false for blobs nested in a pickle, so they cannot nest again.
    static func read(_ input: ByteSlice, allowsStorageBlobs: Bool) throws -> (value: PickleValue, protocolVersion: Int?) {
        var position = 0
        func next(persistentLoad: PickleMachine.PersistentLoad? = nil) throws -> (PickleValue, Int?) {
            var machine = PickleMachine(input: input, start: position, persistentLoad: persistentLoad,
                                        allowsStorageBlobs: allowsStorageBlobs)
            let (value, end) = try machine.run()
            position = end
            return (value, machine.protocolVersion)
        }
        let (magicValue, _) = try next()
        guard case .bigInt(let m) = magicValue, m.array == magic else {
            throw ReadFailure("legacy torch data does not start with torch's magic number")
        }
        let (protocolValue, _) = try next()
        guard protocolValue.intValue == 1001 else {
            throw ReadFailure("legacy torch data has protocol version \(protocolValue.intValue.map(String.init) ?? protocolValue.kindName), not 1001")
        }
        let (sysInfo, _) = try next()
        if let info = sysInfo.dictValue, let little = info["little_endian"], little.boolValue == false {
            throw ReadFailure("legacy torch data was written on a big-endian machine, which is not supported")
        }

        var storages: [String: TorchStorage] = [:]
        let (object, objectProtocol) = try next { pid in
            let (dtype, key, count) = try TorchStorage.fromPersistentID(pid, itemCount: 6)
            if let existing = storages[key] {
                guard existing.dtype == dtype else { throw ReadFailure("storage \(key) is named with two different types") }
                return .storage(existing)
            }
            let storage = TorchStorage(dtype: dtype, key: key, declaredCount: count)
            storages[key] = storage
            return .storage(storage)
        }
        let (keyList, _) = try next()
        guard let keys = keyList.sequenceItems else { throw ReadFailure("legacy torch storage key list is a \(keyList.kindName)") }

        for keyValue in keys {
            guard let key = keyValue.stringValue, let storage = storages[key] else {
                throw ReadFailure("legacy torch data lists storage \(keyValue.stringValue ?? keyValue.kindName), which no tensor uses")
            }
            guard let countBytes = input.slice(position, 8) else {
                throw ReadFailure("legacy torch data is truncated: the size of storage \(key) at byte \(input.range.lowerBound + position) is missing")
            }
            let count = countBytes.bytes.loadUnaligned(as: Int64.self).littleEndian
            guard count >= 0, Int(count) == storage.declaredCount else {
                throw ReadFailure("storage \(key) has \(count) elements in the data but \(storage.declaredCount ?? 0) in its header")
            }
            let (byteCount, overflow) = Int(count).multipliedReportingOverflow(by: storage.dtype.elementSize)
            guard !overflow, let data = input.slice(position + 8, byteCount) else {
                throw ReadFailure("legacy torch data is truncated: storage \(key) needs \(count) elements of \(storage.dtype.elementSize) bytes, only \(input.count - position - 8) bytes remain")
            }
            try storage.attach(data)
            position += 8 + byteCount
        }
        return (object, objectProtocol)
    }

    /// `torch.storage._load_from_bytes(blob)`: a legacy stream holding exactly one storage.
    static func readStorageBlob(_ blob: ByteSlice) throws -> TorchStorage {
        let (value, _) = try read(blob, allowsStorageBlobs: false)
        guard case .storage(let storage) = value else {
            throw ReadFailure("a torch storage blob holds a \(value.kindName) instead of a storage")
        }
        guard storage.data != nil else { throw ReadFailure("a torch storage blob does not contain its data") }
        return storage
    }
}
