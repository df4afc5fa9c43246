/// A JSON value, used for report options so that report.json holds them with their types.
/// Objects keep their key order.
public indirect enum OptionValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case array([OptionValue])
    case object([(String, OptionValue)])
    case null

    public static func == (lhs: OptionValue, rhs: OptionValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value as a person reads it in the run-information appendix.
    var displayText: String {
        switch self {
        case .string(let text): return text
        default: return JSONText.encode(self)
        }
    }
}

extension OptionValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: OptionValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, OptionValue)...) { self = .object(elements) }
    public init(nilLiteral: ()) { self = .null }
}
