/// Fits a `LatentModel` to one network's labelled samples:
/// 1. standardise the features (training mean and σ);
/// 2. binarise the labels: positive when value > threshold, the threshold being 0.5 when every
///    value is 0 or 1 (already binary) and the training median otherwise (balanced classes);
/// 3. fit the hyperplane by L2-regularised logistic regression;
/// 4. regress only: least-squares y ≈ a · d + c of the label value on the signed distance d.
public struct LatentModelTrainer: Sendable {
    public var task: LatentTask
    public var space: LatentSpace
    public var l2: Double

    public init(task: LatentTask, space: LatentSpace, l2: Double) {
        self.task = task
        self.space = space
        self.l2 = l2
    }

    /// The threshold of step 2 for these values.
    public static func threshold(for values: [Double]) throws -> Double {
        guard !values.isEmpty else { throw ZeroShotError("no label values") }
        if values.allSatisfy({ $0 == 0 || $0 == 1 }) { return 0.5 }
        return Statistics.median(values)
    }

    /// Trains on the features of `samples` with the label values `values` (one per seed).
    public func train(_ samples: DomainSamples, values: [Double], name: String, attribute: String, labels: LabelDescription,
                      sampling: LatentSampling, source: NetworkDescription) throws -> LatentModel {
        guard let x = samples.features else { throw ZeroShotError("training needs features") }
        guard values.count == x.rows else { throw ZeroShotError("\(values.count) label values for \(x.rows) samples") }
        if task == .regress, values.allSatisfy({ $0 == 0 || $0 == 1 }) {
            throw ZeroShotError("'\(attribute)' has only 0/1 labels: regression needs a continuous attribute")
        }
        let threshold = try Self.threshold(for: values)
        let standardization = Standardization(fitting: x)
        let (plane, summary) = try LogisticRegression(l2: l2).fit(standardization.apply(x), labels: values.map { $0 > threshold })
        var model = LatentModel(name: name, attribute: attribute, task: task, space: space, labels: labels, threshold: threshold,
                                standardization: standardization, hyperplane: plane, regression: nil, l2: l2,
                                training: summary, trainingSeeds: samples.seeds, sampling: sampling, sourceNetwork: source)
        if task == .regress {
            model.regression = try LinearFit(x: model.signedDistance(x), y: values)
        }
        return model
    }
}
