/// One bin of a calibration curve: the test samples whose scores fall between two quantiles.
public struct CalibrationBin: Codable, Equatable, Sendable {
    public var lowerScore: Double
    public var upperScore: Double
    public var meanScore: Double
    public var count: Int
    /// classify: accuracy of the prediction score > threshold within the bin; regress: NaN.
    public var accuracy: Double
    /// classify: fraction of positive labels; regress: mean label value.
    public var meanLabel: Double
}

public enum Calibration {
    /// `binCount` equal-count bins of the samples sorted by score (the last bins take the
    /// remainder), each with its accuracy and mean label. `labels` are 0/1 for classify.
    public static func bins(scores: [Double], threshold: Double, labels: [Double], classify: Bool, binCount: Int) -> [CalibrationBin] {
        let n = min(scores.count, labels.count)
        let bins = max(1, min(binCount, n))
        guard n > 0 else { return [] }
        let order = (0..<n).sorted { scores[$0] < scores[$1] }
        return (0..<bins).map { b in
            let members = Array(order[(b * n / bins)..<((b + 1) * n / bins)])
            let s = members.map { scores[$0] }, y = members.map { labels[$0] }
            let correct = zip(s, y).filter { ($0 > threshold) == ($1 > 0.5) }.count
            return CalibrationBin(lowerScore: s.first ?? .nan, upperScore: s.last ?? .nan, meanScore: Statistics.mean(s),
                                  count: members.count,
                                  accuracy: classify ? Double(correct) / Double(max(1, members.count)) : .nan,
                                  meanLabel: Statistics.mean(y))
        }
    }
}
