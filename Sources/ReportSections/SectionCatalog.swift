/// Every report section, in report order. New sections are added here.
public enum SectionCatalog {
    public static let all: [any ReportSection] = [
        ModelsSection(),
        WeightChangesSection(),
        ComponentResetSection(),
        SameLatentSection(),
        SemanticAlignmentSection(),
        ZeroShotSection(),
    ]

    public static var defaultSections: [any ReportSection] { all.filter(\.runsByDefault) }

    /// The sections named in `ids` (in report order, whatever order they were given in).
    /// Throws a one-line error naming an unknown id and the known ones.
    public static func select(_ ids: [String]) throws -> [any ReportSection] {
        let known = Set(all.map(\.id))
        for id in ids where !known.contains(id) {
            throw SectionError("unknown section '\(id)'; choose from \(all.map(\.id).joined(separator: ", "))")
        }
        guard !ids.isEmpty else { throw SectionError("no sections selected; choose from \(all.map(\.id).joined(separator: ", "))") }
        let wanted = Set(ids)
        return all.filter { wanted.contains($0.id) }
    }

    /// "models: …" lines for help texts.
    public static var helpText: String {
        all.map { "\($0.id): \($0.summary)" }.joined(separator: "\n")
    }
}

/// A report that cannot be built as asked, in one line.
public struct SectionError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
