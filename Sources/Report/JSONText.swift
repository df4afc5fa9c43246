/// Writes OptionValue as JSON text, keys in the order given, two-space indentation.
enum JSONText {
    static func encode(_ value: OptionValue, pretty: Bool = false) -> String {
        var output = ""
        write(value, into: &output, indent: pretty ? 0 : nil)
        return output
    }

    private static func write(_ value: OptionValue, into output: inout String, indent: Int?) {
        switch value {
        case .string(let text): output += quoted(text)
        case .integer(let number): output += String(number)
        case .number(let number):
            // JSON has no NaN or infinity.
            output += number.isFinite ? NumberText.exact(number) : "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            writeContainer(items.map { (nil, $0) }, open: "[", close: "]", into: &output, indent: indent)
        case .object(let members):
            writeContainer(members.map { ($0.0, $0.1) }, open: "{", close: "}", into: &output, indent: indent)
        }
    }

    private static func writeContainer(_ items: [(String?, OptionValue)], open: String, close: String,
                                       into output: inout String, indent: Int?) {
        guard !items.isEmpty else {
            output += open + close
            return
        }
        output += open
        let inner = indent.map { $0 + 2 }
        // Arrays of plain numbers stay on one line so data arrays read compactly.
        let compact = indent == nil || items.allSatisfy { item in
            if item.0 != nil { return false }
            switch item.1 {
            case .integer, .number, .bool, .null: return true
            default: return false
            }
        }
        for (index, item) in items.enumerated() {
            if index > 0 { output += compact && indent != nil ? ", " : "," }
            if !compact, let inner { output += "\n" + String(repeating: " ", count: inner) }
            if let key = item.0 { output += quoted(key) + (indent == nil ? ":" : ": ") }
            write(item.1, into: &output, indent: inner)
        }
        if !compact, let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
