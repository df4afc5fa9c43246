import StyleGAN

/// How the semantic-alignment analysis renders and judges controls.
public struct AlignmentSettings: Equatable, Sendable {
    /// z = numpy RandomState(seed).randn(1, z_dim), mapped by the parent's mapping network (and
    /// truncated toward the parent's w_avg): both models edit and render the very same ws, so
    /// any difference between their effects comes from their synthesis networks.
    public var seeds: [UInt32]
    public var truncation: Truncation
    public var noise: NoiseMode
    public var noiseSeed: UInt32
    public var classIndex: Int?
    /// Effects are measured on images of this size: the skip image after this block, or, for a
    /// control whose first changed layer lies in a later block b, the skip image after block b
    /// box-averaged down to this size. Synthesis never runs past the block that is needed.
    public var analysisResolution: Int
    /// Strength of StyleSpace channel edits, in channel standard deviations.
    public var channelAlpha: Float
    /// Strength of W-direction edits (standard deviations of W for principal components).
    public var directionAlpha: Float
    /// Seeds per forward pass.
    public var batchSize: Int

    public init(seeds: [UInt32], truncation: Truncation = .none, noise: NoiseMode = .const, noiseSeed: UInt32 = 0,
                classIndex: Int? = nil, analysisResolution: Int, channelAlpha: Float = 10, directionAlpha: Float = 3,
                batchSize: Int = 4) {
        self.seeds = seeds
        self.truncation = truncation
        self.noise = noise
        self.noiseSeed = noiseSeed
        self.classIndex = classIndex
        self.analysisResolution = analysisResolution
        self.channelAlpha = channelAlpha
        self.directionAlpha = directionAlpha
        self.batchSize = max(1, batchSize)
    }

    /// The skip image a control is rendered to for images of `size`: that size, or the block of
    /// its first changed layer when that comes later (a change there cannot show in an earlier
    /// skip image), to be box-averaged down to `size`.
    public static func renderSize(_ size: Int, firstLayer: Int, layout: StyleSpaceLayout) -> Int {
        firstLayer < layout.layers.count ? max(size, layout.layers[firstLayer].resolution) : size
    }

    public func alpha(for control: Control) -> Float {
        control.channel != nil ? channelAlpha : directionAlpha
    }

    /// The default analysis size: 64 px, or the network's own size when smaller.
    public static func defaultResolution(_ config: GeneratorConfig) -> Int { min(64, config.resolution) }

    func check(_ config: GeneratorConfig) throws {
        guard !seeds.isEmpty else { throw EngineError("the alignment analysis needs at least one seed") }
        guard config.blockResolutions.contains(analysisResolution) else {
            throw EngineError("analysis resolution \(analysisResolution) is not a block resolution of this network (\(config.blockResolutions.map(String.init).joined(separator: ", ")))")
        }
        guard analysisResolution == config.resolution || config.architecture == .skip else {
            throw EngineError("an analysis resolution below the full size needs the skip architecture")
        }
        guard channelAlpha.isFinite, directionAlpha.isFinite else { throw EngineError("edit strengths must be finite") }
    }

    /// The seeds in batches of at most `batchSize`.
    public var batches: [ArraySlice<UInt32>] {
        stride(from: 0, to: seeds.count, by: batchSize).map { seeds[$0..<min($0 + batchSize, seeds.count)] }
    }

    /// ws of seeds through g's mapping: [N, numWs, wDim].
    public func ws(_ seeds: ArraySlice<UInt32>, _ g: Generator) throws -> Tensor {
        let z = Tensor.seedLatents(Array(seeds), zDim: g.config.zDim)
        let c = try g.labels(classIndex, batch: seeds.count)
        return try g.mapping(z: z, c: c, truncation: truncation)
    }
}
