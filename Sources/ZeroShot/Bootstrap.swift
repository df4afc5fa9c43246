import StyleGAN

/// Percentile bootstrap over test seeds. The resamples are drawn once from a seeded SplitMix64
/// and shared by every condition of a run (paired: parent, transfer, ceiling and floor are
/// scored on the same resampled seed sets), so a run's intervals are reproducible.
public struct Bootstrap: Codable, Equatable, Sendable {
    public var resamples: Int
    public var seed: UInt64
    /// Central coverage, e.g. 0.95 for the 2.5 and 97.5 percentiles.
    public var confidence: Double

    public init(resamples: Int = 1000, seed: UInt64 = 0, confidence: Double = 0.95) {
        self.resamples = resamples
        self.seed = seed
        self.confidence = confidence
    }

    /// `resamples` lists of `count` indices drawn with replacement.
    public func indexSets(count: Int) -> [[Int]] {
        guard count > 0 else { return [] }
        var rng = SplitMix64(seed: seed)
        return (0..<resamples).map { _ in (0..<count).map { _ in Int(rng.next() % UInt64(count)) } }
    }

    /// The statistic on all samples and its percentile interval over the resamples (NaN bounds
    /// when fewer than half of the resamples give a finite value, e.g. AUC with one class).
    public func estimate(_ sets: [[Int]], count: Int, _ statistic: ([Int]) -> Double) -> Estimate {
        let value = statistic(Array(0..<count))
        let values = sets.map(statistic).filter(\.isFinite)
        guard values.count * 2 >= max(1, sets.count) else { return Estimate(value: value, lower: .nan, upper: .nan) }
        let tail = (1 - confidence) / 2
        return Estimate(value: value, lower: Statistics.quantile(values, tail), upper: Statistics.quantile(values, 1 - tail))
    }
}

/// A number with its bootstrap interval.
public struct Estimate: Codable, Equatable, Sendable {
    public var value: Double
    public var lower: Double
    public var upper: Double

    public init(value: Double, lower: Double, upper: Double) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
