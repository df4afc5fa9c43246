/// A JSON value as a safetensors header holds it. Numbers are integers only: a header has no
/// other kind, and a fraction or exponent in a size or offset is an error, not something to round.
enum StrictJSON {
    case object([(key: String, value: StrictJSON)])
    case array([StrictJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .integer: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// Parses RFC 8259 JSON restricted to what a safetensors header needs: nesting is capped at
/// `maxDepth` (a header nests three deep), duplicate object keys are errors (two readers of a file
/// must not disagree about which one counts), strings must be valid UTF-8 with no raw control
/// characters, and integers must fit in 53 bits like every JSON reader's do. The recursion depth
/// is bounded by `maxDepth`, so no input can exhaust the stack.
struct StrictJSONParser {
    static let maxDepth = 8

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The single value the text holds; whitespace may follow it, nothing else.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> StrictJSON {
        var parser = StrictJSONParser(bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private func failure(_ message: String) -> ReadFailure {
        ReadFailure("safetensors header is not valid JSON: \(message) at header byte \(position)")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[position]) { position += 1 }
    }

    private mutating func expect(_ literal: String, _ result: StrictJSON) throws -> StrictJSON {
        for b in literal.utf8 {
            guard position < bytes.count, bytes[position] == b else { throw failure("invalid literal") }
            position += 1
        }
        return result
    }

    private mutating func value(depth: Int) throws -> StrictJSON {
        skipWhitespace()
        guard position < bytes.count else { throw failure("text ends where a value should start") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .integer(try integer())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        default: throw failure("unexpected character 0x\(String(bytes[position], radix: 16))")
        }
    }

    private mutating func object(depth: Int) throws -> StrictJSON {
        guard depth <= Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        position += 1
        var members: [(key: String, value: StrictJSON)] = []
        var keys = Set<String>()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("object key is not a string") }
            let key = try string()
            guard keys.insert(key).inserted else { throw failure("duplicate key \"\(key.prefix(80))\"") }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("missing ':' after an object key") }
            position += 1
            members.append((key, try value(depth: depth)))
            skipWhitespace()
            guard position < bytes.count else { throw failure("object is not closed") }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or '}' in an object") }
            position += 1
        }
    }

    private mutating func array(depth: Int) throws -> StrictJSON {
        guard depth <= Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        position += 1
        var items: [StrictJSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            items.append(try value(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw failure("array is not closed") }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or ']' in an array") }
            position += 1
        }
    }

    /// An integer of at most 2^53 - 1 in magnitude, without leading zeros, fraction or exponent.
    private mutating func integer() throws -> Int {
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var magnitude = 0
        while position < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[position]) {
            magnitude = magnitude * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            guard magnitude <= (1 << 53) - 1 else { throw failure("integer beyond 2^53") }
            position += 1
        }
        guard position > start else { throw failure("'-' without digits") }
        guard position - start == 1 || bytes[start] != UInt8(ascii: "0") else { throw failure("integer with a leading zero") }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw failure("a number with a fraction or exponent, where only integers belong")
        }
        return negative ? -magnitude : magnitude
    }

    private mutating func string() throws -> String {
        position += 1  // the opening quote
        var utf8: [UInt8] = []
        while true {
            guard position < bytes.count else { throw failure("string is not closed") }
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: utf8, as: UTF8.self) else { throw failure("string is not valid UTF-8") }
                return s
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0 ..< 0x20:
                throw failure("raw control character in a string")
            default:
                utf8.append(b)
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws {
        guard position < bytes.count else { throw failure("string ends inside an escape") }
        let c = bytes[position]
        position += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(c)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0c)
        case UInt8(ascii: "n"): utf8.append(0x0a)
        case UInt8(ascii: "r"): utf8.append(0x0d)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800 ..< 0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate escape")
                }
                position += 2
                let low = try hex4()
                guard (0xDC00 ..< 0xE000).contains(low) else { throw failure("unpaired surrogate escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let u = Unicode.Scalar(scalar) else { throw failure("unpaired surrogate escape") }
            utf8 += Array(String(Character(u)).utf8)
        default:
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(c)))'")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("string ends inside a \\u escape") }
        var v: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let d = Character(Unicode.Scalar(bytes[position])).hexDigitValue else { throw failure("bad \\u escape") }
            v = v << 4 | UInt32(d)
            position += 1
        }
        return v
    }
}
