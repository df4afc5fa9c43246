import Analysis
import StyleGAN

/// Cross-domain morphing (StyleAlign §5.3): frame(t) = synthesis with weights θ(t) = (1−t)·θ_parent
/// + t·θ_child for every synthesis tensor (conv and torgb weights, biases, affines, noise
/// strengths, noise buffers, const) and ws(t) = (1−t)·w_A + t·w_B, the same t.
///
/// Mapping tensors are interpolated the same way so that θ(t) is a complete network, but no
/// frame uses them: w_A and w_B are given (the paper takes w_A from the parent's mapping and w_B
/// from the child's). Noise is the same in every frame: `.const` uses θ(t)'s interpolated noise
/// buffers, `.random` the same seeded maps each time, so frames do not flicker.
/// At t = 0 every value is 1·parent + 0·child, bit for bit the parent (and w_A); at t = 1 the child (and w_B).
public struct Morph: Sendable {
    public let parent: Generator
    public let child: Generator

    public init(parent: Generator, child: Generator) throws {
        try ModelComparison.checkAligned(parent: parent.config, child: child.config)
        self.parent = parent
        self.child = child
    }

    /// t_k = k / (frames − 1), k = 0 … frames − 1 (numpy's linspace(0, 1, frames)).
    public static func times(frames: Int) -> [Float] {
        frames <= 1 ? [0] : (0..<frames).map { Float($0) / Float(frames - 1) }
    }

    /// The network θ(t), with the child's architecture settings.
    public func network(at t: Float) throws -> Generator {
        var parameters: [String: Tensor] = [:]
        for spec in child.config.parameterSpecs {
            guard let a = parent.parameters[spec.name], let b = child.parameters[spec.name] else { continue }
            parameters[spec.name] = Self.lerp(a, b, t)
        }
        return try Generator(config: child.config, parameters: parameters)
    }

    /// frame(t) [N, C, R, R] for ws wA, wB [N, numWs, wDim].
    public func frame(at t: Float, wsA: Tensor, wsB: Tensor, noise: NoiseMode = .const, noiseSeed: UInt32 = 0) throws -> Tensor {
        guard wsA.shape == wsB.shape else { throw EngineError("w_A has shape \(wsA.shape), w_B \(wsB.shape)") }
        return try network(at: t).synthesis(ws: Self.lerp(wsA, wsB, t), noise: noise, noiseSeed: noiseSeed)
    }

    /// (1−t)·a + t·b elementwise.
    static func lerp(_ a: Tensor, _ b: Tensor, _ t: Float) -> Tensor {
        let s = 1 - t
        return Tensor(shape: a.shape, data: zip(a.data, b.data).map { s * $0 + t * $1 })
    }
}
