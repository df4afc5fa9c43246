import Foundation

/// Why a report could not be written, in one line.
public struct ReportError: Error, Equatable, CustomStringConvertible, LocalizedError {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
