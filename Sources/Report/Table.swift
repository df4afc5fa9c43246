/// A numbered table. The renderer prefixes the caption with "Table N." and writes the
/// values to data/tabNN-name.csv.
public struct Table: Sendable, Equatable {
    /// Short file-name stem, e.g. "layer-changes"; anything outside [a-z0-9-] is replaced.
    public var name: String
    /// Says what the rows and columns are.
    public var caption: String
    public var columns: [TableColumn]
    /// Each row has one cell per column.
    public var rows: [[TableCell]]

    public init(name: String, caption: String, columns: [TableColumn], rows: [[TableCell]]) {
        self.name = name
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

public struct TableColumn: Sendable, Equatable {
    public enum Alignment: String, Sendable {
        case left, center, right
    }

    public var title: String
    public var alignment: Alignment
    /// Shown under the title in the header and appended to the CSV header as "title (unit)".
    public var unit: String?

    public init(_ title: String, alignment: Alignment = .left, unit: String? = nil) {
        self.title = title
        self.alignment = alignment
        self.unit = unit
    }
}

/// A table cell carries its value and the caller's formatting decision.
public enum TableCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// Shown with exactly `decimals` digits after the point.
    case fixed(Double, decimals: Int)
    /// Shown as mantissa × 10^exponent with `significantDigits` digits.
    case scientific(Double, significantDigits: Int)
    /// No value; shown as an en dash, written as an empty CSV field.
    case missing

    /// The text shown in the PDF, PNG and HTML.
    var displayText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return NumberText.integer(value)
        case let .fixed(value, decimals): return NumberText.fixed(value, decimals: decimals)
        case let .scientific(value, digits): return NumberText.scientific(value, significantDigits: digits)
        case .missing: return "–"
        }
    }

    /// The field written to CSV: numbers at full precision so they can be re-plotted.
    var csvText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .fixed(let value, _), .scientific(let value, _): return NumberText.exact(value)
        case .missing: return ""
        }
    }

    var isNumeric: Bool {
        switch self {
        case .integer, .fixed, .scientific: return true
        case .text, .missing: return false
        }
    }
}
