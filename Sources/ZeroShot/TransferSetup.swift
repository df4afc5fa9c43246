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

/// The settings of one zero-shot run.
public struct TransferSetup: Sendable {
    public var attribute: String
    /// Name the parent model is saved under; the ceiling model gets `-ceiling` appended.
    public var modelName: String
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

    public init(attribute: String, modelName: String, task: LatentTask = .classify, space: LatentSpace = .w,
                trainSeeds: [UInt32], testSeeds: [UInt32], sampling: LatentSampling, l2: Double = 1e-3,
                bootstrap: Bootstrap = Bootstrap(), examplesPerColumn: Int = 4, exampleResolution: Int? = nil,
                calibrationBins: Int = 8, baselines: Bool = true, batchSize: Int = 16) {
        self.attribute = attribute
        self.modelName = modelName
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
