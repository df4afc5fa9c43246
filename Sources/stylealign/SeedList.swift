import ArgumentParser

/// NVIDIA's seed syntax: `0,3,5-10` (ranges inclusive).
struct SeedList: ExpressibleByArgument {
    let seeds: [UInt32]

    init?(argument: String) {
        var seeds: [UInt32] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let lo = UInt32(bounds[0]),
                  let hi = bounds.count == 2 ? UInt32(bounds[1]) : lo, lo <= hi, hi - lo < 1_000_000 else { return nil }
            seeds += Array(lo...hi)
        }
        guard !seeds.isEmpty else { return nil }
        self.seeds = seeds
    }

    /// The list in the syntax it was written in, with runs collapsed (`0-7`), for `--help` defaults.
    var defaultValueDescription: String {
        var parts: [String] = []
        var i = 0
        while i < seeds.count {
            var j = i
            while j + 1 < seeds.count, seeds[j + 1] == seeds[j] + 1 { j += 1 }
            parts.append(i == j ? "\(seeds[i])" : "\(seeds[i])-\(seeds[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}
