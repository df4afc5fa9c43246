/// Errors the engine raises about the networks and latents it is handed. Readers prefix the
/// file name; the engine itself knows nothing of files.
public struct EngineError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
