import Foundation

/// Writes files so a reader never sees a half-written result: the bytes go to a temporary
/// file in the destination's directory (same file system, so the rename is atomic), which is
/// then renamed over the destination.
public enum AtomicFile {
    /// Writes `bytes` to `path`, creating missing parent directories.
    /// `sync` flushes the data to disk before the rename (slower; use for results worth keeping across a crash).
    public static func write(_ bytes: [UInt8], to path: String, sync: Bool = false) throws {
        try bytes.withUnsafeBytes { try write(raw: $0, to: path, sync: sync) }
    }

    public static func write(_ data: Data, to path: String, sync: Bool = false) throws {
        try data.withUnsafeBytes { try write(raw: $0, to: path, sync: sync) }
    }

    /// Creates `path` and any missing parents; succeeds if it already is a directory.
    public static func createDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw FileFormatError("cannot create directory \(path): a file with that name exists")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileFormatError("cannot create directory \(path): \(oneLine(error))")
        }
    }

    private static func write(raw: UnsafeRawBufferPointer, to path: String, sync: Bool) throws {
        guard !path.isEmpty else { throw FileFormatError("cannot write a file with an empty path") }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try createDirectory(directory)

        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileFormatError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        var written = 0
        while failure == nil && written < raw.count {
            let result = Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                written += result
            }
        }
        if failure == nil && sync && fsync(descriptor) != 0 {
            failure = String(cString: strerror(errno))
        }
        if close(descriptor) != 0 && failure == nil {
            failure = String(cString: strerror(errno))
        }
        if failure == nil && rename(temporary, path) != 0 {
            failure = String(cString: strerror(errno))
        }
        if let failure {
            unlink(temporary)
            throw FileFormatError("cannot write \(path): \(failure)")
        }
    }

    private static func oneLine(_ error: Error) -> String {
        let text = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
