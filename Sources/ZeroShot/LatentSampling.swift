import StyleGAN

/// How seeds become samples, shared by the parent, the child and the floor network: z from the
/// seed as NVIDIA's generate.py draws it, ws from the *parent's* mapping (so every network
/// renders the same ws), and images for the measures taken at a reduced analysis resolution.
public struct LatentSampling: Codable, Equatable, Sendable {
    public var truncationPsi: Float
    /// Truncate only the first N ws rows; nil truncates all.
    public var truncationCutoff: Int?
    public var noiseMode: NoiseMode
    /// Class of a conditional network.
    public var classIndex: Int?
    /// The measures see the skip image after the block of this resolution (the full image when
    /// it equals the network's resolution): a much cheaper forward pass.
    public var analysisResolution: Int

    public init(truncationPsi: Float = 1, truncationCutoff: Int? = nil, noiseMode: NoiseMode = .const,
                classIndex: Int? = nil, analysisResolution: Int) {
        self.truncationPsi = truncationPsi
        self.truncationCutoff = truncationCutoff
        self.noiseMode = noiseMode
        self.classIndex = classIndex
        self.analysisResolution = analysisResolution
    }

    /// ws [seeds.count, numWs, wDim] from `mapping`'s mapping network.
    public func ws(seeds: [UInt32], mapping g: Generator) throws -> Tensor {
        let z = Tensor.seedLatents(seeds, zDim: g.config.zDim)
        var c: Tensor?
        if let classIndex {
            c = try g.classLabel(classIndex, batch: seeds.count)
        } else if g.config.cDim > 0 {
            throw ZeroShotError("the parent is conditional (\(g.config.cDim) classes): choose a class")
        }
        return try g.mapping(z: z, c: c, truncation: Truncation(psi: truncationPsi, cutoff: truncationCutoff))
    }
}
