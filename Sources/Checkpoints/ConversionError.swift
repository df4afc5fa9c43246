/// A network that cannot be written in the requested format, with a one-line reason
/// (for example a conditional network asked for as a rosinality checkpoint).
public struct ConversionError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
