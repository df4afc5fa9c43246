import StyleGAN

/// Small architectures that exercise every path: odd channel counts, a conditional mapping,
/// clamping that triggers, skip and resnet.
enum TestNetworks {
    static func config(_ arch: GeneratorConfig.Architecture = .skip, resolution: Int = 16, cDim: Int = 0,
                       clamp: Float? = 0.6) -> GeneratorConfig {
        GeneratorConfig(zDim: 11, wDim: 9, cDim: cDim, mappingLayers: 3, resolution: resolution, channelBase: 80,
                        channelMax: 13, convClamp: clamp, architecture: arch, numFP16Res: 0)
    }

    static func pair(_ config: GeneratorConfig, seed: UInt64 = 1) throws -> (Generator, ReferenceGenerator) {
        let p = RandomInit.parameters(config: config, seed: seed)
        return (try Generator(config: config, parameters: p), try ReferenceGenerator(config: config, parameters: p))
    }

    static func latents(_ n: Int, _ dim: Int, seed: UInt64) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return Tensor(shape: [n, dim], data: rng.gaussians(n * dim, scale: 1))
    }
}
