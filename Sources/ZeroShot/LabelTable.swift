/// Labels a user made for seeds, from CSV text with the columns `seed,attribute,value`:
///
///     seed,attribute,value
///     0,black_hair,1
///     1,black_hair,0
///     0,yaw,-12.5
///
/// The header line is optional; blank lines and lines starting with `#` are skipped; fields are
/// trimmed. Values are numbers: 0/1 for a binary attribute, any real for a continuous one.
public struct LabelTable: Sendable, Equatable {
    /// attribute -> seed -> value
    public private(set) var values: [String: [UInt32: Double]]

    public init(values: [String: [UInt32: Double]]) { self.values = values }

    public init(csv text: String) throws {
        var values: [String: [UInt32: Double]] = [:]
        var sawData = false
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmed(" \t")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed(" \t\"") }
            guard fields.count == 3 else {
                throw ZeroShotError("line \(index + 1): expected 3 fields seed,attribute,value, found \(fields.count)")
            }
            if !sawData, fields[0].lowercased() == "seed" { sawData = true; continue }
            sawData = true
            guard let seed = UInt32(fields[0]) else { throw ZeroShotError("line \(index + 1): seed '\(fields[0])' is not a whole number ≥ 0") }
            guard !fields[1].isEmpty else { throw ZeroShotError("line \(index + 1): empty attribute name") }
            guard let value = Double(fields[2]), value.isFinite else {
                throw ZeroShotError("line \(index + 1): value '\(fields[2])' is not a finite number")
            }
            if let previous = values[fields[1], default: [:]][seed], previous != value {
                throw ZeroShotError("line \(index + 1): seed \(seed) has two values for '\(fields[1])' (\(previous) and \(value))")
            }
            values[fields[1], default: [:]][seed] = value
        }
        guard !values.isEmpty else { throw ZeroShotError("no labels: the file has no seed,attribute,value rows") }
        self.values = values
    }

    public var attributes: [String] { values.keys.sorted() }

    /// The value of `attribute` for each seed, in order; throws naming the first missing seeds.
    public func values(of attribute: String, seeds: [UInt32]) throws -> [Double] {
        guard let table = values[attribute] else {
            throw ZeroShotError("no labels for attribute '\(attribute)' (the file has: \(attributes.joined(separator: ", ")))")
        }
        let missing = seeds.filter { table[$0] == nil }
        guard missing.isEmpty else {
            let shown = missing.prefix(5).map(String.init).joined(separator: ", ")
            throw ZeroShotError("no '\(attribute)' label for seed\(missing.count > 1 ? "s" : "") \(shown)" +
                                (missing.count > 5 ? " and \(missing.count - 5) more" : ""))
        }
        return seeds.compactMap { table[$0] }
    }
}

extension Substring {
    /// The text without leading and trailing characters from `set`.
    func trimmed(_ set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
