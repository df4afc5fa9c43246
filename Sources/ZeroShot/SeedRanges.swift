/// Seed lists written as NVIDIA's --seeds reads them: consecutive runs as inclusive ranges,
/// e.g. "0-1999" or "0,3,5-10". Keeps saved models short and readable.
public enum SeedRanges {
    public static func format(_ seeds: [UInt32]) -> String {
        var parts: [String] = []
        var i = 0
        while i < seeds.count {
            var j = i
            while j + 1 < seeds.count, seeds[j] != .max, seeds[j + 1] == seeds[j] + 1 { j += 1 }
            parts.append(j > i ? "\(seeds[i])-\(seeds[j])" : "\(seeds[i])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    public static func parse(_ text: String) throws -> [UInt32] {
        guard !text.isEmpty else { return [] }
        var seeds: [UInt32] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let lo = UInt32(bounds[0]), let hi = bounds.count == 2 ? UInt32(bounds[1]) : lo,
                  lo <= hi, hi - lo < 10_000_000, seeds.count + Int(hi - lo) < 10_000_000 else {
                throw ZeroShotError("'\(part)' is not a seed or an ascending seed range")
            }
            seeds += Array(lo...hi)
        }
        return seeds
    }
}
