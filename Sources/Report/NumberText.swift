import Foundation

/// Number formatting for display (typographic minus, fixed decimals, × 10ⁿ) and for data
/// files (shortest text that reads back to the same Double).
enum NumberText {
    static let minus = "\u{2212}"

    /// Digits in groups of three separated by thin spaces from five digits on (24 641 536, but 2048).
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = digits
        if digits.count >= 5 {
            grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += thinSpace }
                grouped.append(digit)
            }
        }
        return value < 0 ? minus + grouped : grouped
    }

    static let thinSpace = "\u{2009}"

    static func fixed(_ value: Double, decimals: Int) -> String {
        if let special = nonFinite(value) { return special }
        let places = max(0, min(decimals, 17))
        var text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-") {
            // "-0.00" is zero to the reader.
            let digits = text.dropFirst()
            text = digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : minus + digits
        }
        return text
    }

    /// 1.23 × 10⁻⁵ style; plain digits when the exponent is 0.
    static func scientific(_ value: Double, significantDigits: Int) -> String {
        if let special = nonFinite(value) { return special }
        let digits = max(1, min(significantDigits, 17))
        let text = String(format: "%.\(digits - 1)e", value)
        guard let eIndex = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: eIndex)...]) else {
            return text
        }
        let mantissa = fixed(Double(text[..<eIndex]) ?? value, decimals: digits - 1)
        return exponent == 0 ? mantissa : "\(mantissa) × 10\(superscript(exponent))"
    }

    /// Round-trip text for CSV and JSON.
    static func exact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func superscript(_ exponent: Int) -> String {
        let map: [Character: String] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                        "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(exponent).map { map[$0] ?? String($0) }.joined()
    }

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? minus + "∞" : "∞" }
        return nil
    }
}
