import Foundation
import FileFormats

extension CheckpointLoader {
    /// Reads a checkpoint that is already in memory (the fuzz target, tests, data from elsewhere)
    /// exactly as `load(path:)` reads a file; `name` stands for the path in errors.
    public static func load(data: Data, name: String, networkKey: String? = nil) throws -> LoadedNetwork {
        do {
            let contents = try data.withUnsafeBytes { raw in
                // Every ByteSource made here borrows `raw` and dies before this closure returns.
                try CheckpointContainer.read(ByteSource(borrowing: raw), networkKey: networkKey)
            }
            return LoadedNetwork(path: name, format: contents.format, networkKey: contents.networkKey,
                                 config: contents.config, parameters: contents.parameters, details: contents.details)
        } catch let e as ReadFailure {
            throw CheckpointError(path: name, message: e.message)
        } catch let e as FileFormatError {
            throw CheckpointError(path: name, message: e.message)
        }
    }
}
