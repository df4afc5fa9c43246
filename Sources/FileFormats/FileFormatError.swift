import Foundation

/// A one-line, human-readable failure from any reader or writer in this module.
/// Readers of file contents never trap; everything they reject ends up here.
public struct FileFormatError: Error, Equatable, CustomStringConvertible, LocalizedError {
    public let message: String

    public init(_ message: String) {
        self.message = message.escapedForMessage  // names from the file may hold control characters
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
