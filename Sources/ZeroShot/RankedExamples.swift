/// A test seed with its score (and label, where one is known) in one network.
public struct RankedSeed: Codable, Equatable, Sendable {
    public var seed: UInt32
    public var score: Double
    public var label: Double?
}

/// The paper's zero-shot figure: the child samples the parent model ranks most positive, most
/// neutral (scores nearest the decision threshold) and most negative.
public struct RankedExamples: Codable, Equatable, Sendable {
    /// Highest scores first.
    public var positive: [RankedSeed]
    /// Nearest the neutral score first.
    public var neutral: [RankedSeed]
    /// Lowest scores first.
    public var negative: [RankedSeed]

    /// At most `count` per column, fewer when there are under 3 · count samples.
    public init(seeds: [UInt32], scores: [Double], labels: [Double]?, neutralScore: Double, count: Int) {
        let k = max(0, min(count, seeds.count / 3))
        func seed(_ i: Int) -> RankedSeed { RankedSeed(seed: seeds[i], score: scores[i], label: labels?[i]) }
        let byScore = seeds.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        positive = byScore.prefix(k).map(seed)
        negative = byScore.reversed().prefix(k).map(seed)
        let byDistance = seeds.indices.sorted {
            let a = abs(scores[$0] - neutralScore), b = abs(scores[$1] - neutralScore)
            return a < b || (a == b && $0 < $1)
        }
        neutral = byDistance.prefix(k).map(seed)
    }

    public var columns: [(title: String, seeds: [RankedSeed])] {
        [("positive", positive), ("neutral", neutral), ("negative", negative)]
    }
}
