import Foundation

/// Reads whole files. Large checkpoints are memory-mapped, so reading one costs address space, not RAM,
/// and slicing a tensor out of it copies only that tensor.
public enum FileBytes {
    /// The file's contents, memory-mapped where the system allows it.
    public static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileFormatError("cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw FileFormatError("cannot read \(path): it is a directory")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw FileFormatError("cannot read \(path): permission denied")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "\(error)"
            throw FileFormatError("cannot read \(path): \(reason.split(whereSeparator: \.isNewline).joined(separator: " "))")
        }
    }

    /// The file's contents copied into an array; for small files whose bytes are processed directly.
    public static func readArray(_ path: String) throws -> [UInt8] {
        [UInt8](try read(path))
    }
}
