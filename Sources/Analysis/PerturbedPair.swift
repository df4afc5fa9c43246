import StyleGAN

/// A constructed pair with a known answer: a parent, and a child that differs from it only in
/// the tensors of some components, each moved by exactly `relativeChange` of its own norm:
///   θc = θp + ε ‖θp‖ u / ‖u‖,  u ~ N(0, I) from a fixed seed,
/// so ‖θc − θp‖ / ‖θp‖ = ε for every perturbed tensor, and therefore for every group of them.
public enum PerturbedPair {
    public static func childParameters(parent: [String: Tensor], config: GeneratorConfig,
                                       components: Set<ParameterComponent>, relativeChange: Double,
                                       seed: UInt64) -> [String: Tensor] {
        var rng = SplitMix64(seed: seed)
        var child = parent
        for spec in config.parameterSpecs where components.contains(spec.component) {
            guard let p = parent[spec.name] else { continue }
            let u = rng.gaussians(p.count, scale: 1)
            let pNorm = p.data.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            let uNorm = u.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            guard pNorm > 0, uNorm > 0 else { continue }
            let scale = relativeChange * pNorm / uNorm
            var data = p.data
            for i in 0..<data.count { data[i] = Float(Double(data[i]) + scale * Double(u[i])) }
            child[spec.name] = Tensor(shape: p.shape, data: data)
        }
        return child
    }
}
