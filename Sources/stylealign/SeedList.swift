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

    static var defaultValueDescription: String { "a list like 0,3,5-10" }
}
