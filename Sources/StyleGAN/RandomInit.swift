import Foundation

/// Deterministic random weights for a given architecture: the networks behind
/// `--random-init`, benchmarks, demos and tests. Initialised like NVIDIA's constructors (weights
/// N(0,1) / lr_mul, affine biases 1), plus small random conv biases and noise strengths so that
/// every term of the forward pass is exercised.
public enum RandomInit {
    /// Architectures that released models use.
    public enum Preset: String, CaseIterable, Sendable {
        /// FFHQ 1024 config-f: 18 ws, 26 style layers.
        case ffhq1024
        /// 512 px, channel_base 32768 (ADA's AFHQ / StyleAlign's FFHQ512 family).
        case ffhq512
        /// ADA's paper256 config: 256 px, channel_base 16384.
        case paper256

        public var config: GeneratorConfig {
            switch self {
            case .ffhq1024: GeneratorConfig(resolution: 1024, channelBase: 32768, convClamp: 256, numFP16Res: 4)
            case .ffhq512: GeneratorConfig(resolution: 512, channelBase: 32768, convClamp: 256, numFP16Res: 4)
            case .paper256: GeneratorConfig(resolution: 256, channelBase: 16384, convClamp: 256, numFP16Res: 4)
            }
        }
    }

    public static func parameters(config: GeneratorConfig, seed: UInt64) -> [String: Tensor] {
        var rng = SplitMix64(seed: seed)
        var out: [String: Tensor] = [:]
        for spec in config.parameterSpecs {
            let n = spec.shape.reduce(1, *)
            let name = spec.name
            let values: [Float]
            if name.hasPrefix("mapping.fc"), name.hasSuffix(".weight") {
                values = rng.gaussians(n, scale: 1 / config.mappingLrMultiplier)
            } else if name == "mapping.w_avg" || name.hasPrefix("mapping.") && name.hasSuffix(".bias") {
                values = rng.gaussians(n, scale: 0.1)
            } else if name.hasSuffix(".affine.bias") {
                values = rng.gaussians(n, scale: 0.1).map { $0 + 1 }
            } else if name.hasSuffix(".noise_strength") {
                values = rng.gaussians(n, scale: 0.05)
            } else if name.hasSuffix(".bias") {
                values = rng.gaussians(n, scale: 0.02)
            } else {
                values = rng.gaussians(n, scale: 1)
            }
            out[name] = Tensor(shape: spec.shape, data: values)
        }
        return out
    }
}

/// A small, fast, seedable generator (SplitMix64) with Box-Muller Gaussians.
public struct SplitMix64 {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1].
    public mutating func uniform() -> Double { Double((next() >> 11) + 1) / 9_007_199_254_740_992.0 }

    public mutating func gaussians(_ count: Int, scale: Float) -> [Float] {
        var out = [Float](repeating: 0, count: count)
        var i = 0
        while i < count {
            let r = (-2 * log(uniform())).squareRoot(), t = 2 * Double.pi * uniform()
            out[i] = Float(r * cos(t)) * scale
            if i + 1 < count { out[i + 1] = Float(r * sin(t)) * scale }
            i += 2
        }
        return out
    }
}
