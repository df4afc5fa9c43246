/// Scores of a binary attribute: accuracy (prediction = score > threshold), balanced accuracy
/// ((TPR + TNR) / 2) and ROC AUC (the Mann–Whitney probability that a positive outscores a
/// negative, ties counting one half). NaN where a class is missing.
public enum ClassificationScore: String, CaseIterable, Codable, Sendable {
    case accuracy
    case balancedAccuracy = "balanced accuracy"
    case auc = "ROC AUC"

    public func value(scores: [Double], threshold: Double, labels: [Bool]) -> Double {
        switch self {
        case .accuracy:
            guard !labels.isEmpty else { return .nan }
            return Double(zip(scores, labels).filter { ($0 > threshold) == $1 }.count) / Double(labels.count)
        case .balancedAccuracy:
            var tp = 0, fn = 0, tn = 0, fp = 0
            for (s, l) in zip(scores, labels) {
                switch (l, s > threshold) {
                case (true, true): tp += 1
                case (true, false): fn += 1
                case (false, false): tn += 1
                case (false, true): fp += 1
                }
            }
            guard tp + fn > 0, tn + fp > 0 else { return .nan }
            return (Double(tp) / Double(tp + fn) + Double(tn) / Double(tn + fp)) / 2
        case .auc:
            let positives = labels.filter { $0 }.count, negatives = labels.count - positives
            guard positives > 0, negatives > 0 else { return .nan }
            let ranks = Statistics.ranks(scores)
            var rankSum = 0.0
            for (r, l) in zip(ranks, labels) where l { rankSum += r }
            let u = rankSum - Double(positives) * Double(positives + 1) / 2
            return u / (Double(positives) * Double(negatives))
        }
    }
}

/// Scores of a continuous attribute: Pearson's r, Spearman's ρ, mean absolute error.
public enum RegressionScore: String, CaseIterable, Codable, Sendable {
    case pearson = "Pearson r"
    case spearman = "Spearman ρ"
    case mae = "MAE"

    public func value(predictions: [Double], labels: [Double]) -> Double {
        switch self {
        case .pearson: return Statistics.pearson(predictions, labels)
        case .spearman: return Statistics.spearman(predictions, labels)
        case .mae:
            guard !labels.isEmpty else { return .nan }
            return zip(predictions, labels).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(labels.count)
        }
    }
}
