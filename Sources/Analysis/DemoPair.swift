import StyleGAN

/// The built-in pair `stylealign report` uses when no networks are given: a small parent with
/// fixed random weights and a child whose feature-conv weights alone are perturbed by a known
/// relative amount, so the report has a known answer (conv weights changed by exactly
/// `relativeChange`, everything else unchanged) and runs in seconds.
public enum DemoPair {
    /// 64 px, 128-d latents, 4 mapping layers, 128 channels up to 16 px then 64 and 32.
    public static let config = GeneratorConfig(zDim: 128, wDim: 128, mappingLayers: 4, resolution: 64,
                                               channelBase: 2048, channelMax: 128, convClamp: 256, numFP16Res: 0)
    public static let relativeChange = 0.3
    public static let parentSeed: UInt64 = 2022
    public static let perturbationSeed: UInt64 = 11323

    public static func make() throws -> (parent: Generator, child: Generator) {
        let p = RandomInit.parameters(config: config, seed: parentSeed)
        let c = PerturbedPair.childParameters(parent: p, config: config, components: [.convWeight],
                                              relativeChange: relativeChange, seed: perturbationSeed)
        return (try Generator(config: config, parameters: p), try Generator(config: config, parameters: c))
    }

    /// What the report's first page says about the pair.
    public static var description: String {
        "No networks were given, so this report analyses a built-in demo pair, not real models: a \(config.resolution) px parent with fixed random weights (seed \(parentSeed)) and a child made from it by moving every feature-conv weight tensor by exactly \(Int((relativeChange * 100).rounded())) % of its norm in a random direction (seed \(perturbationSeed)); all other tensors are the parent's. Run `stylealign report --parent PARENT.pkl --child CHILD.pkl` for a real pair."
    }
}
