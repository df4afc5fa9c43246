import Semantics
import StyleGAN

/// Tiny deterministic networks for the semantics tests (a 32 px pass takes about a millisecond).
enum TestNetworks {
    static func config(resolution: Int = 32) -> GeneratorConfig {
        GeneratorConfig(zDim: 11, wDim: 9, mappingLayers: 3, resolution: resolution, channelBase: 128,
                        channelMax: 12, convClamp: nil, architecture: .skip, numFP16Res: 0)
    }

    static func network(seed: UInt64 = 1, resolution: Int = 32) throws -> Generator {
        let c = config(resolution: resolution)
        return try Generator(config: c, parameters: RandomInit.parameters(config: c, seed: seed))
    }

    /// The parent with every conv weight w replaced by w + amount · std(w) · noise.
    static func perturbed(_ g: Generator, amount: Float, seed: UInt64 = 99) throws -> Generator {
        var rng = SplitMix64(seed: seed)
        var p = g.parameters
        for spec in g.config.parameterSpecs where spec.component == .convWeight {
            guard let t = p[spec.name] else { continue }
            let mean = t.data.reduce(0, +) / Float(t.count)
            let std = (t.data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(t.count)).squareRoot()
            let noise = rng.gaussians(t.count, scale: amount * std)
            p[spec.name] = Tensor(shape: t.shape, data: zip(t.data, noise).map { $0 + $1 })
        }
        return try Generator(config: g.config, parameters: p)
    }

    /// Few samples: statistics for tests, not for use.
    static let sampling = LatentSampling(samples: 400, seed: 5, truncation: .none)

    static func statistics(_ g: Generator) throws -> StyleStatistics {
        try StyleStatistics(generator: g, sampling: sampling)
    }
}
