import StyleGAN

/// How the ws behind StyleSpace statistics and W principal directions are drawn:
/// z = numpy RandomState(seed).randn(samples, z_dim) (row i is sample i, as numpy draws it),
/// mapped by the network with `truncation`. Recorded next to every result made from it.
public struct LatentSampling: Codable, Equatable, Sendable {
    public var samples: Int
    public var seed: UInt32
    public var truncation: Truncation
    /// Class of a conditional network (every sample gets it).
    public var classIndex: Int?

    public init(samples: Int, seed: UInt32, truncation: Truncation, classIndex: Int? = nil) {
        self.samples = samples
        self.seed = seed
        self.truncation = truncation
        self.classIndex = classIndex
    }

    /// StyleSpace's own convention for code_std (reference §2.4: seed 5, ψ 0.7 truncating the
    /// first 8 ws), with 10,000 instead of 100,000 samples.
    public static let styleStatistics = LatentSampling(samples: 10_000, seed: 5, truncation: Truncation(psi: 0.7, cutoff: 8))
    /// GANSpace samples W itself: no truncation.
    public static let principalDirections = LatentSampling(samples: 10_000, seed: 5, truncation: .none)

    /// Calls `body` with consecutive batches of ws [B, numWs, wDim] covering all samples.
    func forEachBatch(_ g: Generator, batchSize: Int = 1000, _ body: (Tensor) throws -> Void) throws {
        guard samples >= 2 else { throw EngineError("statistics need at least 2 samples, not \(samples)") }
        var rng = NumpyRandomState(seed: seed)
        var start = 0
        while start < samples {
            let n = min(batchSize, samples - start)
            let z = Tensor(shape: [n, g.config.zDim], data: rng.randn(n * g.config.zDim).map { Float($0) })
            let c = try g.labels(classIndex, batch: n)
            try body(g.mapping(z: z, c: c, truncation: truncation))
            start += n
        }
    }
}
