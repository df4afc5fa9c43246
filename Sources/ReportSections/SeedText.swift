/// Seeds written the way NVIDIA's --seeds reads them: consecutive runs as ranges ("0-7,12").
public enum SeedText {
    public static func format(_ seeds: [UInt32]) -> String {
        var parts: [String] = []
        var i = 0
        while i < seeds.count {
            var j = i
            while j + 1 < seeds.count, seeds[j + 1] == seeds[j] &+ 1, seeds[j] != .max { j += 1 }
            parts.append(j > i ? "\(seeds[i])-\(seeds[j])" : "\(seeds[i])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}
