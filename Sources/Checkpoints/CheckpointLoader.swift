import Foundation
import FileFormats

/// Opens a StyleGAN2 generator checkpoint of any supported kind. The kind is recognised from the
/// file's contents, never from its extension.
public enum CheckpointLoader {
    /// - Parameters:
    ///   - path: the checkpoint file.
    ///   - networkKey: the snapshot entry to read instead of the default (`G_ema`, `Gs`, `g_ema`).
    public static func load(path: String, networkKey: String? = nil) throws -> LoadedNetwork {
        let data: Data
        do {
            data = try FileBytes.read(path)
        } catch let e as FileFormatError {
            // The CLI prints the path before the message; say it once.
            let prefix = "cannot read \(path): "
            throw CheckpointError(path: path, message: e.message.hasPrefix(prefix) ? String(e.message.dropFirst(prefix.count)) : e.message)
        }
        do {
            let contents = try data.withUnsafeBytes { raw in
                // Every ByteSource made here borrows `raw` and dies before this closure returns.
                try CheckpointContainer.read(ByteSource(borrowing: raw), networkKey: networkKey)
            }
            return LoadedNetwork(path: path, format: contents.format, networkKey: contents.networkKey,
                                 config: contents.config, parameters: contents.parameters, details: contents.details)
        } catch let e as ReadFailure {
            throw CheckpointError(path: path, message: e.message)
        } catch let e as FileFormatError {
            throw CheckpointError(path: path, message: e.message)
        }
    }
}
