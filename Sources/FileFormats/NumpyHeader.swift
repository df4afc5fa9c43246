/// The dictionary at the start of a `.npy` file: `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`.
/// Parsed strictly with a tiny Python-literal reader (no eval): exactly these three keys, nothing else.
struct NumpyHeader: Equatable {
    let descr: String
    let fortranOrder: Bool
    let shape: [Int]

    init(descr: String, fortranOrder: Bool, shape: [Int]) {
        self.descr = descr
        self.fortranOrder = fortranOrder
        self.shape = shape
    }

    init(parsing text: [UInt8]) throws {
        var parser = LiteralParser(text: text)
        let entries = try parser.parseDictionary()
        parser.skipSpace()
        guard parser.atEnd else { throw FileFormatError("npy header has text after its dictionary") }

        var descr: String?
        var fortranOrder: Bool?
        var shape: [Int]?
        for (key, value) in entries {
            switch (key, value) {
            case ("descr", .string(let text)) where descr == nil: descr = text
            case ("descr", .list): throw FileFormatError("npy structured dtypes are not supported")
            case ("fortran_order", .bool(let flag)) where fortranOrder == nil: fortranOrder = flag
            case ("shape", .tuple(let dimensions)) where shape == nil: shape = dimensions
            case ("descr", _), ("fortran_order", _), ("shape", _):
                throw FileFormatError("npy header key '\(key)' is repeated or has the wrong type")
            default: throw FileFormatError("npy header has an unexpected key '\(key)'")
            }
        }
        guard let descr, let fortranOrder, let shape else {
            throw FileFormatError("npy header lacks one of 'descr', 'fortran_order', 'shape'")
        }
        self.init(descr: descr, fortranOrder: fortranOrder, shape: shape)
    }

    /// The dictionary text exactly as numpy.save writes it (keys sorted, trailing ", ", Python tuple repr).
    var text: String {
        let dimensions = shape.map(String.init)
        let tuple = dimensions.count == 1 ? "(\(dimensions[0]),)" : "(\(dimensions.joined(separator: ", ")))"
        return "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(tuple), }"
    }
}

/// The subset of Python literals that appears in npy headers.
private enum LiteralValue {
    case string(String)
    case bool(Bool)
    case tuple([Int])
    case list
}

private struct LiteralParser {
    let text: [UInt8]
    var position = 0

    init(text: [UInt8]) { self.text = text }

    var atEnd: Bool { position >= text.count }

    mutating func skipSpace() {
        while position < text.count, [0x20, 0x09, 0x0A, 0x0D].contains(text[position]) { position += 1 }
    }

    mutating func expect(_ character: Character) throws {
        skipSpace()
        guard position < text.count, text[position] == character.asciiValue else {
            throw FileFormatError("npy header: expected '\(character)' at character \(position)")
        }
        position += 1
    }

    /// Consumes `character` if it is next.
    mutating func accept(_ character: Character) -> Bool {
        skipSpace()
        guard position < text.count, text[position] == character.asciiValue else { return false }
        position += 1
        return true
    }

    mutating func parseDictionary() throws -> [(String, LiteralValue)] {
        try expect("{")
        var entries: [(String, LiteralValue)] = []
        while !accept("}") {
            let key = try parseString()
            try expect(":")
            entries.append((key, try parseValue()))
            if !accept(",") {
                try expect("}")
                break
            }
        }
        return entries
    }

    mutating func parseValue() throws -> LiteralValue {
        skipSpace()
        guard position < text.count else { throw FileFormatError("npy header ends inside its dictionary") }
        switch text[position] {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "("): return .tuple(try parseTuple())
        case UInt8(ascii: "["): return .list
        default:
            if consumeWord("True") { return .bool(true) }
            if consumeWord("False") { return .bool(false) }
            throw FileFormatError("npy header: unexpected value at character \(position)")
        }
    }

    mutating func consumeWord(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard text.count - position >= bytes.count, Array(text[position ..< position + bytes.count]) == bytes else { return false }
        position += bytes.count
        return true
    }

    mutating func parseString() throws -> String {
        skipSpace()
        let quote = position < text.count ? text[position] : 0
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
            throw FileFormatError("npy header: expected a quoted string at character \(position)")
        }
        let start = position + 1
        guard let end = text[start...].firstIndex(of: quote) else {
            throw FileFormatError("npy header has an unterminated string")
        }
        position = end + 1
        return String(decoding: text[start ..< end], as: UTF8.self)
    }

    /// A tuple of non-negative integers, e.g. `()`, `(3,)`, `(1, 18, 512)`; Python 2 files may write `3L`.
    mutating func parseTuple() throws -> [Int] {
        try expect("(")
        var values: [Int] = []
        while !accept(")") {
            values.append(try parseDimension())
            if !accept(",") {
                try expect(")")
                break
            }
        }
        return values
    }

    mutating func parseDimension() throws -> Int {
        skipSpace()
        let start = position
        var value = 0
        while position < text.count, let digit = Int(exactly: text[position]).map({ $0 - 48 }), (0 ... 9).contains(digit) {
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw FileFormatError("npy shape dimension is too large") }
            value = sum
            position += 1
        }
        guard position > start else {
            throw FileFormatError("npy header: expected a non-negative integer dimension at character \(start)")
        }
        if position < text.count, text[position] == UInt8(ascii: "L") { position += 1 }
        return value
    }
}
