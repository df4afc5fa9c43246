import Foundation
import Report

/// Number formatting shared by the sections, so one quantity reads the same everywhere.
enum Cells {
    /// A fraction shown in percent: two decimals, or three significant digits when tiny.
    static func percent(_ fraction: Double?) -> TableCell {
        guard let fraction, fraction.isFinite else { return .missing }
        let p = fraction * 100
        return p == 0 || abs(p) >= 0.01 ? .fixed(p, decimals: 2) : .scientific(p, significantDigits: 3)
    }

    /// A cosine similarity: six decimals (fine-tuned weights are often within 1e-4 of 1).
    static func cosine(_ value: Double?) -> TableCell {
        guard let value, value.isFinite else { return .missing }
        return .fixed(value, decimals: 6)
    }

    /// A distance or norm: four decimals, or three significant digits when tiny.
    static func distance(_ value: Double) -> TableCell {
        value == 0 || abs(value) >= 0.001 ? .fixed(value, decimals: 4) : .scientific(value, significantDigits: 3)
    }

    /// The same choices as text, for prose and key figures.
    static func percentText(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "undefined" }
        let p = fraction * 100
        if p == 0 { return "0 %" }
        if abs(p) >= 0.01 { return String(format: "%.2f %%", p) }
        return String(format: "%.2e %%", p)
    }

    static func distanceText(_ value: Double) -> String {
        value == 0 || abs(value) >= 0.001 ? String(format: "%.4f", value) : String(format: "%.2e", value)
    }

    /// "a, b and c"
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
