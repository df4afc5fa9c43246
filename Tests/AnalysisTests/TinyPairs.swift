import Analysis
import StyleGAN

/// Small aligned pairs with known answers: a random parent and a child made from it.
enum TinyPairs {
    /// 16 px, odd channel counts, 3 mapping layers: every component present, renders in milliseconds.
    static let config = GeneratorConfig(zDim: 11, wDim: 9, mappingLayers: 3, resolution: 16, channelBase: 80,
                                        channelMax: 13, convClamp: 256, numFP16Res: 0)

    static func parent(seed: UInt64 = 5) -> [String: Tensor] { RandomInit.parameters(config: config, seed: seed) }

    /// A child whose tensors of `components` moved by exactly `relativeChange` of their norm.
    static func perturbed(_ components: Set<ParameterComponent>, by relativeChange: Double,
                          seed: UInt64 = 5) throws -> (parent: Generator, child: Generator) {
        let p = parent(seed: seed)
        let c = PerturbedPair.childParameters(parent: p, config: config, components: components,
                                              relativeChange: relativeChange, seed: 99)
        return (try Generator(config: config, parameters: p), try Generator(config: config, parameters: c))
    }

    /// A child that differs from the parent in every tensor (a different random draw of the same
    /// architecture), so every reset changes something.
    static func unrelated() throws -> (parent: Generator, child: Generator) {
        (try Generator(config: config, parameters: parent(seed: 5)), try Generator(config: config, parameters: parent(seed: 6)))
    }
}
