/// Why a parent and a child cannot be compared tensor by tensor: they are not aligned (a different
/// architecture or different tensor shapes). One line, naming what differs.
public struct AlignmentError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
