import StyleGAN

/// How images are rendered for the analyses: which seeds, truncation, noise, and at which
/// resolution. All models of one analysis are rendered with the same settings.
public struct RenderSettings: Equatable, Sendable {
    /// z = numpy RandomState(seed).randn(1, z_dim), as NVIDIA's generate.py.
    public var seeds: [UInt32]
    /// Applied by each network toward its own w_avg.
    public var truncation: Truncation
    public var noise: NoiseMode
    /// Seed of the noise maps for `.random` (the same maps for every network).
    public var noiseSeed: UInt32
    /// Preview resolution (the skip image after that block), nil for the full resolution.
    public var resolution: Int?
    /// Class index for conditional networks.
    public var classIndex: Int?
    /// Images per forward pass.
    public var batchSize: Int
    /// Largest side of the images an analysis keeps for figures (see `ImageThumbnails`).
    public var keptImageSide: Int

    public init(seeds: [UInt32], truncation: Truncation = .none, noise: NoiseMode = .const, noiseSeed: UInt32 = 0,
                resolution: Int? = nil, classIndex: Int? = nil, batchSize: Int = 4, keptImageSide: Int = 256) {
        self.seeds = seeds
        self.truncation = truncation
        self.noise = noise
        self.noiseSeed = noiseSeed
        self.resolution = resolution
        self.classIndex = classIndex
        self.batchSize = max(1, batchSize)
        self.keptImageSide = max(4, keptImageSide)
    }

    /// Batches of seed indices, each at most `batchSize` long.
    var batches: [Range<Int>] {
        stride(from: 0, to: seeds.count, by: batchSize).map { $0..<min($0 + batchSize, seeds.count) }
    }

    /// The resolution images come out at for a network of this config.
    public func outputResolution(_ config: GeneratorConfig) -> Int { resolution ?? config.resolution }

    /// Rejects settings the network cannot render before any work starts.
    public func check(_ config: GeneratorConfig) throws {
        guard !seeds.isEmpty else { throw EngineError("no seeds to render") }
        if let r = resolution, r != config.resolution {
            guard config.blockResolutions.contains(r) else {
                throw EngineError("--resolution \(r) is not a block resolution of this network (\(config.blockResolutions.map(String.init).joined(separator: ", ")))")
            }
            guard config.architecture == .skip else {
                throw EngineError("--resolution below the full size needs the skip architecture (this network is \(config.architecture.rawValue))")
            }
        }
        if config.cDim > 0 {
            guard let k = classIndex, k >= 0, k < config.cDim else {
                throw EngineError("this network is conditional (\(config.cDim) classes): a class index 0-\(config.cDim - 1) is needed")
            }
        }
    }
}
