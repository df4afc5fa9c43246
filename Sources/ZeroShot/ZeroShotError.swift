/// A one-line message about labels, latent models or a transfer that cannot be computed.
/// The CLI prefixes the file name where one is at fault.
public struct ZeroShotError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
