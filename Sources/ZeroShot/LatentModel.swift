import CBLAS
import StyleGAN

/// A linear attribute model in a latent space, trained on one network's labelled samples and
/// applicable to any network with the same latent layout. Saved as JSON (`LatentModelStore`).
///
/// The hyperplane lives in standardised coordinates: f(x) = n · ((x − μ) / σ) + b.
/// * classify: the score is f (log-odds of the positive class); positive when f > 0.
/// * regress: the score is the prediction a · d(x) + c, with d(x) = f(x) / ‖n / σ‖ the signed
///   distance to the hyperplane in the space's own units (for `wplus:A-B`, the distance of
///   the rows' mean, i.e. the distance averaged over the rows).
public struct LatentModel: Codable, Equatable, Sendable {
    public static let formatName = "stylealign-latent-model"

    public var format: String
    public var version: Int
    /// File name stem in a models directory.
    public var name: String
    public var attribute: String
    public var task: LatentTask
    public var space: LatentSpace
    /// Number of features the model expects.
    public var dimension: Int
    public var labels: LabelDescription
    /// Label values above this are the positive class (the training median, or 0.5 for 0/1 labels).
    public var threshold: Double
    public var standardization: Standardization
    public var hyperplane: Hyperplane
    /// The map from signed distance to label value (regress only).
    public var regression: LinearFit?
    public var l2: Double
    public var training: TrainingSummary
    /// Saved as text in NVIDIA's seed syntax ("0-1999").
    public var trainingSeeds: [UInt32]
    public var sampling: LatentSampling
    public var sourceNetwork: NetworkDescription

    enum CodingKeys: String, CodingKey {
        case format, version, name, attribute, task, space, dimension, labels, threshold, standardization, hyperplane
        case regression, l2, training, trainingSeeds, sampling, sourceNetwork
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        name = try c.decode(String.self, forKey: .name)
        attribute = try c.decode(String.self, forKey: .attribute)
        task = try c.decode(LatentTask.self, forKey: .task)
        space = try c.decode(LatentSpace.self, forKey: .space)
        dimension = try c.decode(Int.self, forKey: .dimension)
        labels = try c.decode(LabelDescription.self, forKey: .labels)
        threshold = try c.decode(Double.self, forKey: .threshold)
        standardization = try c.decode(Standardization.self, forKey: .standardization)
        hyperplane = try c.decode(Hyperplane.self, forKey: .hyperplane)
        regression = try c.decodeIfPresent(LinearFit.self, forKey: .regression)
        l2 = try c.decode(Double.self, forKey: .l2)
        training = try c.decode(TrainingSummary.self, forKey: .training)
        trainingSeeds = try SeedRanges.parse(c.decode(String.self, forKey: .trainingSeeds))
        sampling = try c.decode(LatentSampling.self, forKey: .sampling)
        sourceNetwork = try c.decode(NetworkDescription.self, forKey: .sourceNetwork)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(name, forKey: .name)
        try c.encode(attribute, forKey: .attribute)
        try c.encode(task, forKey: .task)
        try c.encode(space, forKey: .space)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(labels, forKey: .labels)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(standardization, forKey: .standardization)
        try c.encode(hyperplane, forKey: .hyperplane)
        try c.encodeIfPresent(regression, forKey: .regression)
        try c.encode(l2, forKey: .l2)
        try c.encode(training, forKey: .training)
        try c.encode(SeedRanges.format(trainingSeeds), forKey: .trainingSeeds)
        try c.encode(sampling, forKey: .sampling)
        try c.encode(sourceNetwork, forKey: .sourceNetwork)
    }

    public init(name: String, attribute: String, task: LatentTask, space: LatentSpace, labels: LabelDescription,
                threshold: Double, standardization: Standardization, hyperplane: Hyperplane, regression: LinearFit?,
                l2: Double, training: TrainingSummary, trainingSeeds: [UInt32], sampling: LatentSampling,
                sourceNetwork: NetworkDescription) {
        format = Self.formatName
        version = 1
        self.name = name
        self.attribute = attribute
        self.task = task
        self.space = space
        dimension = standardization.dimension
        self.labels = labels
        self.threshold = threshold
        self.standardization = standardization
        self.hyperplane = hyperplane
        self.regression = regression
        self.l2 = l2
        self.training = training
        self.trainingSeeds = trainingSeeds
        self.sampling = sampling
        self.sourceNetwork = sourceNetwork
    }

    /// Throws when the stored arrays disagree with each other (a hand-edited or truncated file).
    public func validate() throws {
        guard format == Self.formatName else { throw ZeroShotError("not a latent model (format '\(format)')") }
        guard version == 1 else { throw ZeroShotError("latent model version \(version) is not supported (this tool reads version 1)") }
        guard dimension >= 1, standardization.mean.count == dimension, standardization.scale.count == dimension,
              hyperplane.normal.count == dimension else {
            throw ZeroShotError("the model's arrays do not all have its dimension \(dimension)")
        }
        let numbers = standardization.mean + standardization.scale + hyperplane.normal + [hyperplane.bias, threshold]
        guard numbers.allSatisfy(\.isFinite), standardization.scale.allSatisfy({ $0 > 0 }) else {
            throw ZeroShotError("the model holds non-finite numbers or a scale ≤ 0")
        }
        guard (task == .regress) == (regression != nil) else {
            throw ZeroShotError("a \(task.rawValue) model \(task == .regress ? "needs" : "cannot have") a regression fit")
        }
    }

    /// Throws unless `g` produces features this model can score.
    public func check(against g: Generator) throws {
        try space.check(g.config)
        let d = space.dimension(g, task: task)
        guard d == dimension else {
            throw ZeroShotError("the model '\(name)' works on \(dimension) \(space) features, this network has \(d)")
        }
    }

    /// Weights and offset in the raw feature coordinates: f(x) = v · x + c.
    var rawWeights: (v: [Double], c: Double) {
        var v = [Double](repeating: 0, count: dimension), c = hyperplane.bias
        for i in 0..<dimension {
            v[i] = hyperplane.normal[i] / standardization.scale[i]
            c -= v[i] * standardization.mean[i]
        }
        return (v, c)
    }

    /// ‖n / σ‖: turns the decision value into a distance in the space's own units.
    var rawNormalLength: Double { rawWeights.v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The decision value f of every row of `x` (raw, unstandardised features).
    public func decision(_ x: FeatureMatrix) throws -> [Double] {
        guard x.columns == dimension else {
            throw ZeroShotError("the model '\(name)' needs \(dimension) features, got \(x.columns)")
        }
        let (v, c) = rawWeights
        let matrix = x.values.map(Double.init)
        var f = [Double](repeating: c, count: x.rows)
        guard x.rows > 0 else { return f }
        matrix.withUnsafeBufferPointer { xp in v.withUnsafeBufferPointer { vp in f.withUnsafeMutableBufferPointer { fp in
            // f[N] = X[N, d] · v[d] + c
            cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(x.rows), Int32(dimension), 1, xp.baseAddress, Int32(dimension),
                        vp.baseAddress, 1, 1, fp.baseAddress, 1)
        } } }
        return f
    }

    /// The signed distance of every row to the hyperplane, in the space's units.
    public func signedDistance(_ x: FeatureMatrix) throws -> [Double] {
        let length = rawNormalLength
        guard length > 0 else { throw ZeroShotError("the model '\(name)' has a zero normal: its training labels carried no signal") }
        return try decision(x).map { $0 / length }
    }

    /// The score used for ranking and metrics: f for classify, the predicted value for regress.
    public func scores(_ x: FeatureMatrix) throws -> [Double] {
        guard let fit = regression else { return try decision(x) }
        return try signedDistance(x).map { fit($0) }
    }

    /// The score of a point on the hyperplane: 0 for classify, the fit's intercept for regress.
    public var neutralScore: Double { regression?.intercept ?? 0 }
}

/// The network a model was trained on (or a run used), for provenance.
public struct NetworkDescription: Codable, Equatable, Sendable {
    /// A path or `random-init:<preset>`.
    public var source: String
    /// `NetworkFingerprint` of the weights (the same whatever container they came in).
    public var fingerprint: String
    /// SHA-256 of the checkpoint file, where the caller computed it (nil for built-in networks).
    public var fileSHA256: String?
    public var resolution: Int
    public var wDim: Int
    public var numWs: Int
    public var styleDimension: Int

    public init(source: String, generator g: Generator) {
        self.source = source
        fingerprint = NetworkFingerprint.of(g)
        resolution = g.config.resolution
        wDim = g.config.wDim
        numWs = g.config.numWs
        styleDimension = g.layout.totalDimension
    }
}
