import StyleGAN

/// What one network gives for a list of seeds: the features of a latent space (as this network
/// computes them) and, per label source asked for, the label values (as this network's images,
/// StyleSpace or the user's table give them; nil where no source was given).
public struct DomainSamples: Sendable {
    public var seeds: [UInt32]
    public var features: FeatureMatrix?
    public var labels: [[Double]?]
}

/// Runs one network over shared ws in batches, keeping only features and label values (never
/// the images of all samples).
public struct DomainSampler: Sendable {
    public let generator: Generator
    public let sampling: LatentSampling
    public var batchSize: Int

    public init(generator: Generator, sampling: LatentSampling, batchSize: Int = 16) {
        self.generator = generator
        self.sampling = sampling
        self.batchSize = max(1, batchSize)
    }

    /// ws: [seeds.count, numWs, wDim]. Every batch is rendered once, whatever the number of
    /// measures asked for.
    /// `batchDone` is called after each batch (for progress bars).
    public func samples(seeds: [UInt32], ws: Tensor, space: LatentSpace?, task: LatentTask,
                        labels: [LabelSource?], batchDone: () -> Void = {}) throws -> DomainSamples {
        try generator.checkWs(ws)
        guard ws.shape[0] == seeds.count else { throw ZeroShotError("\(ws.shape[0]) ws for \(seeds.count) seeds") }
        try space?.check(generator.config)
        for source in labels { try source?.check(generator) }
        let needsImages = labels.contains { $0?.needsImages ?? false }
        let needsStyles = space == .s || labels.contains { $0?.needsStyles ?? false }
        var featureParts: [FeatureMatrix] = []
        var values = [[Double]](repeating: [], count: labels.count)
        for start in stride(from: 0, to: seeds.count, by: batchSize) {
            let range = start..<min(start + batchSize, seeds.count)
            let batchWs = ws.slice(range), batchSeeds = Array(seeds[range])
            let styles = needsStyles ? try generator.styles(ws: batchWs) : nil
            if let space {
                if space == .s, let styles {
                    let flat = styles.flattened
                    featureParts.append(try FeatureMatrix(rows: range.count, columns: flat.shape[1], values: flat.data))
                } else {
                    featureParts.append(try space.features(ws: batchWs, generator: generator, task: task))
                }
            }
            let images = needsImages ? try analysisImages(ws: batchWs, styles: styles) : nil
            for (k, source) in labels.enumerated() {
                guard let source else { continue }
                values[k] += try source.values(seeds: batchSeeds, ws: batchWs, styles: styles, images: images, generator: generator)
            }
            batchDone()
        }
        for (k, source) in labels.enumerated() {
            guard let source, let bad = values[k].firstIndex(where: { !$0.isFinite }) else { continue }
            throw ZeroShotError("the \(source.description) label of seed \(seeds[bad]) is not finite (the network's output overflowed?)")
        }
        return DomainSamples(seeds: seeds, features: space == nil ? nil : try FeatureMatrix.stacking(featureParts),
                             labels: labels.enumerated().map { k, source in source == nil ? nil : values[k] })
    }

    /// Images [N, C, R, R] at the analysis resolution.
    func analysisImages(ws: Tensor, styles: StyleCodes?) throws -> Tensor {
        let r = sampling.analysisResolution
        let upTo = r == generator.config.resolution ? nil : r
        if let styles { return try generator.synthesis(styles: styles, noise: sampling.noiseMode, upTo: upTo) }
        return try generator.synthesis(ws: ws, noise: sampling.noiseMode, upTo: upTo)
    }

    /// 8-bit RGB images of `ws` at `resolution` (a block resolution of this network), for figures.
    public func pictures(ws: Tensor, resolution: Int) throws -> [ExampleImage] {
        try generator.checkWs(ws)
        var out: [ExampleImage] = []
        for start in stride(from: 0, to: ws.shape[0], by: batchSize) {
            let range = start..<min(start + batchSize, ws.shape[0])
            let upTo = resolution == generator.config.resolution ? nil : resolution
            let images = try generator.synthesis(ws: ws.slice(range), noise: sampling.noiseMode, upTo: upTo)
            for i in 0..<range.count { out.append(ExampleImage(images: images, sample: i)) }
        }
        return out
    }
}

/// An 8-bit RGB picture, rows top to bottom, 3 bytes per pixel (8-bit conversion as NVIDIA's
/// generate.py: clamp(x · 127.5 + 128, 0, 255)).
public struct ExampleImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    /// Sample `n` of an NCHW batch; one channel is repeated as grey, a fourth is dropped.
    init(images: Tensor, sample n: Int) {
        let c = images.shape[1]
        height = images.shape[2]
        width = images.shape[3]
        let interleaved = images.uint8Pixels(sample: n)
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for p in 0..<(width * height) {
            for k in 0..<3 { rgb[p * 3 + k] = interleaved[p * c + (c >= 3 ? k : 0)] }
        }
        pixels = rgb
    }
}
