import FileFormats

/// A checkpoint that cannot be loaded, with a one-line reason. The CLI prints `description`.
public struct CheckpointError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message.escapedForMessage  // names from the file may hold control characters
    }

    public var description: String { "\(path): \(message)" }
}

/// The reason a reader gives up, before the loader knows which file it was reading.
/// `CheckpointLoader` turns it into a `CheckpointError` carrying the path.
struct ReadFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
