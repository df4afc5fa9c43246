import StyleGAN

/// A generator and where it came from (a path or `random-init:<preset>`).
public struct NamedGenerator: Sendable {
    public let source: String
    public let generator: Generator
    public init(source: String, generator: Generator) {
        self.source = source
        self.generator = generator
    }
}

/// One attribute of a run: where its labels come from, and the model to train or apply.
public struct ZeroShotAttribute: Sendable {
    public var name: String
    /// Name the parent model is saved under; the ceiling model gets `-ceiling` appended.
    public var modelName: String
    /// The parent's labels.
    public var labels: LabelSource
    /// The child's labels; nil uses `labels` when it is computable (a measure, a channel, a
    /// direction), and otherwise leaves the child unlabelled (no transfer metrics).
    public var childLabels: LabelSource?
    /// A saved parent model to apply instead of training one.
    public var model: LatentModel?

    public init(name: String, modelName: String, labels: LabelSource, childLabels: LabelSource? = nil, model: LatentModel? = nil) {
        self.name = name
        self.modelName = modelName
        self.labels = labels
        self.childLabels = childLabels
        self.model = model
    }
}

/// The settings of one zero-shot run (shared by all its attributes).
public struct TransferSetup: Sendable {
    public var task: LatentTask
    public var space: LatentSpace
    public var trainSeeds: [UInt32]
    public var testSeeds: [UInt32]
    public var sampling: LatentSampling
    public var l2: Double
    public var bootstrap: Bootstrap
    /// Examples per column (positive, neutral, negative) of the ranking figure.
    public var examplesPerColumn: Int
    /// Resolution of the figure's pictures (a block resolution); nil: the network's, at most 256.
    public var exampleResolution: Int?
    public var calibrationBins: Int
    /// Compute the ceiling and the floor.
    public var baselines: Bool
    public var batchSize: Int

    public init(task: LatentTask = .classify, space: LatentSpace = .w,
                trainSeeds: [UInt32], testSeeds: [UInt32], sampling: LatentSampling, l2: Double = 1e-3,
                bootstrap: Bootstrap = Bootstrap(), examplesPerColumn: Int = 4, exampleResolution: Int? = nil,
                calibrationBins: Int = 8, baselines: Bool = true, batchSize: Int = 16) {
        self.task = task
        self.space = space
        self.trainSeeds = trainSeeds
        self.testSeeds = testSeeds
        self.sampling = sampling
        self.l2 = l2
        self.bootstrap = bootstrap
        self.examplesPerColumn = examplesPerColumn
        self.exampleResolution = exampleResolution
        self.calibrationBins = calibrationBins
        self.baselines = baselines
        self.batchSize = batchSize
    }
}
