import Foundation
import Analysis
import StyleGAN

/// Layer-swap blending (Pinkney & Adler's "Toonify"): synthesis blocks below a swap resolution
/// from one model (`low`), blocks at and above it from the other (`high`).
///
/// With level(r) = log2 r, the weight of the high model in block r is
///   hard (width 0): h(r) = 1 if r ≥ swap, else 0
///   soft (width w > 0, in octaves): h(r) = 1 / (1 + exp(−(level(r) − level(swap) + 0.5) / w))
/// (the soft step is centred between swap/2 and swap), and every tensor of block r becomes
/// (1 − h)·low + h·high; a hard swap copies tensors exactly. Swap resolutions run from 4 (every
/// block from `high`: the high model itself) to 2·R (every block from `low`: the low model's
/// synthesis). The mapping network is taken from `mapping` (the CLI uses the parent, whose W
/// the pair shares).
public struct LayerSwap: Equatable, Sendable {
    public var swapResolution: Int
    public var width: Double

    public init(swapResolution: Int, width: Double = 0) {
        self.swapResolution = swapResolution
        self.width = width
    }

    /// Valid swap resolutions for a network of resolution R: 4, 8, …, R, 2R.
    public static func resolutions(_ config: GeneratorConfig) -> [Int] { config.blockResolutions + [2 * config.resolution] }

    /// h(r): the high model's share of block r.
    public func highWeight(block r: Int) -> Double {
        let offset = log2(Double(r)) - log2(Double(swapResolution)) + 0.5
        if width == 0 { return offset > 0 ? 1 : 0 }
        return 1 / (1 + exp(-offset / width))
    }

    public func blend(low: Generator, high: Generator, mapping: Generator) throws -> Generator {
        try ModelComparison.checkAligned(parent: low.config, child: high.config)
        try ModelComparison.checkAligned(parent: low.config, child: mapping.config)
        guard Self.resolutions(low.config).contains(swapResolution) else {
            throw EngineError("swap resolution \(swapResolution) is not one of \(Self.resolutions(low.config).map(String.init).joined(separator: ", "))")
        }
        guard width.isFinite, width >= 0 else { throw EngineError("the transition width must be 0 or more") }
        var parameters: [String: Tensor] = [:]
        for spec in high.config.parameterSpecs {
            guard let r = spec.resolution else {
                parameters[spec.name] = mapping.parameters[spec.name]
                continue
            }
            guard let a = low.parameters[spec.name], let b = high.parameters[spec.name] else { continue }
            let h = highWeight(block: r)
            if h == 0 { parameters[spec.name] = a } else if h == 1 { parameters[spec.name] = b } else {
                parameters[spec.name] = Morph.lerp(a, b, Float(h))
            }
        }
        return try Generator(config: high.config, parameters: parameters)
    }
}
