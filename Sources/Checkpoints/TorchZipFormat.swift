import Foundation
import FileFormats

/// torch.save's zip format (torch >= 1.6): `<record>/data.pkl` whose storages are BINPERSID
/// ('storage', class, key, location, numel) tuples naming entries `<record>/data/<key>`
/// (stylegan2.md §4.2). The record folder is `archive/` or the saved file's stem.
/// Stored entries are used in place; their CRC is checked only for storages that are read.
enum TorchZipFormat {
    static func hasSignature(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 4 && Array(bytes.prefix(4)) == [0x50, 0x4b, 0x03, 0x04]
    }

    static func read(_ source: ByteSource) throws -> (value: PickleValue, record: String) {
        let buffer = source.buffer
        guard let base = buffer.baseAddress else { throw ReadFailure("is empty") }
        // A view of the borrowed bytes, not a copy; it lives no longer than `source`.
        let archive = try ZipArchive(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count,
                                          deallocator: .none))
        let names = archive.entries.map(\.name)
        if names.contains(where: { $0.hasSuffix("/constants.pkl") || $0.contains("/code/") }) {
            throw ReadFailure("is a TorchScript archive (it holds code/ and constants.pkl): a compiled model, not a checkpoint of weights")
        }
        let pickles = archive.entries.filter { $0.name.hasSuffix("/data.pkl") || $0.name == "data.pkl" }
        guard let pickleEntry = pickles.min(by: { $0.name.count < $1.name.count }) else {
            throw ReadFailure("is a zip archive without a data.pkl entry, so not a torch checkpoint")
        }
        let record = String(pickleEntry.name.dropLast("data.pkl".count))
        if let order = archive.entry(named: record + "byteorder"), try archive.data(order) != Array("little".utf8) {
            throw ReadFailure("was saved on a big-endian machine, which is not supported")
        }

        func contents(_ entry: ZipEntry) throws -> ByteSlice {
            if entry.isStored {
                let range = try archive.storedRange(entry)
                return ByteSlice(source: source, range: range)
            }
            return ByteSource(copying: try archive.data(entry)).all
        }
        let pickleBytes = try contents(pickleEntry)
        if pickleEntry.isStored { try archive.verifyStored(pickleEntry) }

        var storages: [String: TorchStorage] = [:]
        var machine = PickleMachine(input: pickleBytes, persistentLoad: { pid in
            let (dtype, key, count) = try TorchStorage.fromPersistentID(pid, itemCount: 5)
            if let existing = storages[key] { return .storage(existing) }
            guard let entry = archive.entry(named: record + "data/" + key) else {
                throw ReadFailure("storage \(key) has no entry \(record)data/\(key) in the archive")
            }
            let storage = TorchStorage(dtype: dtype, key: key, declaredCount: count, data: try contents(entry),
                                       check: entry.isStored ? { try archive.verifyStored(entry) } : nil)
            storages[key] = storage
            return .storage(storage)
        }, allowsStorageBlobs: false)
        return (try machine.run().value, record)
    }
}
