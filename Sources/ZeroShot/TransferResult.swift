/// Which model is scored on which network's test samples.
public enum TransferCondition: String, Codable, CaseIterable, Sendable {
    /// The parent model on the parent's own test samples (how good the model is at home).
    case parent
    /// The parent model on the child's test samples, against the child's labels: the headline.
    case transfer
    /// A model trained on the child's own labels, on the child's test samples (the ceiling).
    case ceiling
    /// The parent model on an independently initialised network of the same architecture (the floor).
    case floor

    public var title: String {
        switch self {
        case .parent: "parent model on parent"
        case .transfer: "parent model on child (transfer)"
        case .ceiling: "child-trained model on child (ceiling)"
        case .floor: "parent model on unaligned random network (floor)"
        }
    }
}

/// A named metric with its bootstrap interval.
public struct MetricEstimate: Codable, Equatable, Sendable {
    public var metric: String
    public var estimate: Estimate
}

/// One condition's numbers on the test seeds.
public struct ConditionResult: Codable, Equatable, Sendable {
    public var condition: TransferCondition
    /// The network(s) whose test samples were scored.
    public var network: String
    /// The model that scored them.
    public var model: String
    /// Each network's labels are positive above its threshold (its own median, or 0.5 for 0/1 labels).
    public var labelThresholds: [Double]
    /// Fraction of test labels that are positive.
    public var positiveRate: Double
    /// Mean over the networks (one network except for the floor), with bootstrap intervals.
    public var metrics: [MetricEstimate]
    /// Each network's own values (metric name -> value) when the condition has several networks.
    public var perNetwork: [[String: Double]]
    public var calibration: [CalibrationBin]

    public func metric(_ name: String) -> Estimate? { metrics.first { $0.metric == name }?.estimate }
}

/// Per test seed: every score and label of the run (nil where a condition was not computed; the
/// floor columns are those of the first floor network).
public struct TestSample: Codable, Equatable, Sendable {
    public var seed: UInt32
    public var parentScore: Double
    public var parentLabel: Double?
    public var childScore: Double
    public var childLabel: Double?
    public var ceilingScore: Double?
    public var floorScore: Double?
    public var floorLabel: Double?
}

/// How long a phase of the run took.
public struct PhaseTiming: Codable, Equatable, Sendable {
    public var phase: String
    public var seconds: Double
}

/// Everything a zero-shot run measured, as plain values (written as results.json; drawn by the
/// report section).
public struct TransferResult: Codable, Equatable, Sendable {
    public var attribute: String
    public var task: LatentTask
    public var space: LatentSpace
    public var modelName: String
    public var labels: LabelDescription
    public var childLabels: LabelDescription?
    public var parent: NetworkDescription
    public var child: NetworkDescription
    public var floors: [NetworkDescription]
    public var sampling: LatentSampling
    public var trainingSeedCount: Int
    public var testSeedCount: Int
    /// The seeds in NVIDIA's syntax, e.g. "0-1999" and "2000-2499".
    public var trainingSeeds: String
    public var testSeeds: String
    public var training: TrainingSummary
    public var bootstrap: Bootstrap
    public var conditions: [ConditionResult]
    public var examples: RankedExamples
    public var samples: [TestSample]
    public var timings: [PhaseTiming]
    /// Why a condition is missing, and similar remarks for the reader.
    public var notes: [String]

    public func condition(_ c: TransferCondition) -> ConditionResult? { conditions.first { $0.condition == c } }

    /// The metric the run is summarised by: balanced accuracy (classify) or Pearson r (regress).
    public var headlineMetric: String {
        task == .classify ? ClassificationScore.balancedAccuracy.rawValue : RegressionScore.pearson.rawValue
    }
}

/// Parent and child pictures of the ranked examples, for the figure (not saved in results.json).
public struct ExamplePictures: Sendable, Equatable {
    /// [column][rank], columns positive, neutral, negative.
    public var parent: [[ExampleImage]]
    public var child: [[ExampleImage]]
}
