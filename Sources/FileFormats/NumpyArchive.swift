import Foundation

/// numpy `.npz` files: a zip archive with one `.npy` entry per array (np.savez stores, np.savez_compressed deflates).
public enum NumpyArchive {
    /// The arrays keyed by entry name without the `.npy` suffix. Entries not ending in `.npy` are not arrays
    /// (np.load would hand them back as raw bytes) and are left out.
    public static func read(_ bytes: [UInt8]) throws -> [String: NumpyArray] {
        try read(ZipArchive(bytes))
    }

    public static func read(_ data: Data) throws -> [String: NumpyArray] {
        try read(ZipArchive(data))
    }

    private static func read(_ archive: ZipArchive) throws -> [String: NumpyArray] {
        var arrays: [String: NumpyArray] = [:]
        for entry in archive.entries where entry.name.hasSuffix(".npy") {
            let key = String(entry.name.dropLast(4))
            guard arrays[key] == nil else { throw FileFormatError("npz has two arrays named \(key)") }
            do {
                arrays[key] = try NumpyArray.decode(try archive.data(entry))
            } catch let error as FileFormatError {
                throw FileFormatError("npz array \(key): \(error.message)")
            }
        }
        return arrays
    }

    /// An archive like np.savez writes: stored entries `<key>.npy` holding float32 arrays, in the given order.
    public static func encode(_ arrays: [(String, NumpyArray)]) throws -> [UInt8] {
        var writer = ZipWriter()
        for (key, array) in arrays {
            try writer.add(key + ".npy", array.encode())
        }
        return writer.finish()
    }
}
