import StyleGAN

/// The architecture of a persistent `Generator`, read from what the pickle stores: its
/// `_init_kwargs` (with NVIDIA's defaults where a key is absent), cross-checked with the modules'
/// own attributes (`architecture`, `conv_clamp`, `use_fp16`, `bias_gain`, `weight_gain`) and the
/// tensor shapes. Nothing comes from command-line flags; a conflict is an error naming the piece.
struct NvidiaArchitecture {
    let config: GeneratorConfig
    /// "stylegan2-ada-pytorch" (synthesis kwargs nested) or "stylegan3 repository" (flat kwargs).
    let codebase: String

    init(generator: PersistentModule, tree: NvidiaModuleTree) throws {
        let state = generator.state
        var kwargs = try KeywordArguments(state["_init_kwargs"], "the generator's _init_kwargs")
        // Positional constructor arguments, in Generator's signature order.
        if let positional = state["_init_args"]?.sequenceItems {
            let names = ["z_dim", "c_dim", "w_dim", "img_resolution", "img_channels", "mapping_kwargs", "synthesis_kwargs"]
            guard positional.count <= names.count else {
                throw ReadFailure("the generator was built with \(positional.count) positional arguments")
            }
            for (name, value) in zip(names, positional) { kwargs[name] = value }
        }
        let mappingKwargs = try KeywordArguments(kwargs["mapping_kwargs"], "mapping_kwargs")
        let nested = kwargs["synthesis_kwargs"] != nil
        let synthesisKwargs = nested ? try KeywordArguments(kwargs["synthesis_kwargs"], "synthesis_kwargs") : kwargs
        codebase = nested ? "stylegan2-ada-pytorch" : "stylegan3 repository (networks_stylegan2)"

        let shapes = Dictionary(tree.tensors.map { ($0.name, $0.tensor.shape) }, uniquingKeysWith: { a, _ in a })
        let mapping = tree.module(at: "mapping")

        func resolved(_ name: String, _ kwarg: PickleValue?, _ attribute: PickleValue?, default fallback: Int? = nil) throws -> Int {
            let k = try kwarg.map { try Self.int($0, "\(name) in _init_kwargs") }
            let a = try attribute.map { try Self.int($0, "the stored \(name)") }
            if let k, let a, k != a { throw ReadFailure("\(name) is \(k) in _init_kwargs but \(a) on the module") }
            guard let v = k ?? a ?? fallback else { throw ReadFailure("the generator's _init_kwargs has no \(name)") }
            return v
        }
        let zDim = try resolved("z_dim", kwargs["z_dim"], generator.attribute("z_dim"))
        let cDim = try resolved("c_dim", kwargs["c_dim"], generator.attribute("c_dim"))
        let wDim = try resolved("w_dim", kwargs["w_dim"], generator.attribute("w_dim"))
        let resolution = try resolved("img_resolution", kwargs["img_resolution"], generator.attribute("img_resolution"))
        let imgChannels = try resolved("img_channels", kwargs["img_channels"], generator.attribute("img_channels"))
        let mappingLayers = try resolved("mapping num_layers", mappingKwargs["num_layers"], mapping?.attribute("num_layers"), default: 8)
        let embedFeatures = try resolved("mapping embed_features", Self.nonNone(mappingKwargs["embed_features"]), nil, default: wDim)
        let layerFeatures = try resolved("mapping layer_features", Self.nonNone(mappingKwargs["layer_features"]), nil, default: wDim)

        let fcCount = shapes.keys.filter { $0.hasPrefix("mapping.fc") && $0.hasSuffix(".weight") }.count
        guard fcCount == mappingLayers else {
            throw ReadFailure("the mapping network has \(fcCount) fc layers but num_layers is \(mappingLayers)")
        }
        if let act = mappingKwargs["activation"]?.stringValue, act != "lrelu" {
            throw ReadFailure("the mapping network uses activation '\(act)'; only lrelu is supported")
        }
        let lrMultiplier = try Self.mappingLrMultiplier(mappingKwargs["lr_multiplier"], layers: mappingLayers, tree: tree, shapes: shapes)

        let channelBase = try resolved("channel_base", synthesisKwargs["channel_base"], nil, default: 32768)
        let channelMax = try resolved("channel_max", synthesisKwargs["channel_max"], nil, default: 512)
        let blocks = tree.modules.filter { $0.module.className == "SynthesisBlock" }.map(\.module)
        let layers = tree.modules.filter { ["SynthesisLayer", "ToRGBLayer"].contains($0.module.className) }.map(\.module)

        let architecture = try Self.architecture(synthesisKwargs["architecture"], blocks: blocks)
        let convClamp = try Self.convClamp(synthesisKwargs["conv_clamp"], modules: blocks + layers)
        for layer in layers where layer.className == "SynthesisLayer" {
            if let act = layer.attribute("activation")?.stringValue, act != "lrelu" {
                throw ReadFailure("a synthesis layer uses activation '\(act)'; only lrelu is supported")
            }
        }
        if let filter = synthesisKwargs["resample_filter"], filter.sequenceItems?.compactMap(\.numberValue) != [1, 3, 3, 1] {
            throw ReadFailure("the synthesis network uses a resample filter other than [1, 3, 3, 1]")
        }
        if synthesisKwargs["use_noise"]?.boolValue == false {
            throw ReadFailure("the synthesis network has no noise inputs (use_noise=False), which is not supported")
        }

        var config = GeneratorConfig(
            zDim: zDim, wDim: wDim, cDim: cDim, embedFeatures: embedFeatures, mappingLayerFeatures: layerFeatures,
            mappingLayers: mappingLayers, mappingLrMultiplier: Float(lrMultiplier), resolution: resolution,
            imgChannels: imgChannels, channelBase: channelBase, channelMax: channelMax,
            convClamp: convClamp.map(Float.init), architecture: architecture, numFP16Res: 0)
        do { try config.validate() } catch let e as EngineError { throw ReadFailure(e.message) }
        config.numFP16Res = try Self.numFP16Res(synthesisKwargs["num_fp16_res"], config: config, tree: tree)

        // Channel widths are not stored as attributes; the conv weights show them.
        for r in config.blockResolutions {
            guard let shape = shapes["synthesis.b\(r).conv1.weight"], let width = shape.first else { continue }
            guard width == config.channels(at: r) else {
                let source = synthesisKwargs["channel_base"] == nil || synthesisKwargs["channel_max"] == nil
                    ? " (NVIDIA defaults where _init_kwargs has no value)" : ""
                throw ReadFailure("channel_base \(channelBase) and channel_max \(channelMax)\(source) give \(config.channels(at: r)) channels at \(r) px, but synthesis.b\(r).conv1.weight has \(width)")
            }
        }
        self.config = config
    }

    private static func nonNone(_ v: PickleValue?) -> PickleValue? {
        if let v, !v.isNone { return v }
        return nil
    }

    private static func int(_ v: PickleValue, _ what: String) throws -> Int {
        guard let i = v.intValue else { throw ReadFailure("\(what) is a \(v.kindName), not an int") }
        return i
    }

    /// The mapping lr multiplier: `_init_kwargs` and every fc layer's `bias_gain` (which equals
    /// it), with `weight_gain == lr / sqrt(in_features)` checked too.
    private static func mappingLrMultiplier(_ kwarg: PickleValue?, layers: Int, tree: NvidiaModuleTree,
                                            shapes: [String: [Int]]) throws -> Double {
        var lr: Double?
        if let kwarg {
            guard let v = kwarg.numberValue else { throw ReadFailure("mapping lr_multiplier is a \(kwarg.kindName)") }
            lr = v
        }
        for i in 0 ..< layers {
            guard let fc = tree.module(at: "mapping.fc\(i)") else { continue }
            if let act = fc.attribute("activation")?.stringValue, act != "lrelu" {
                throw ReadFailure("mapping.fc\(i) uses activation '\(act)'; only lrelu is supported")
            }
            if let gain = fc.attribute("bias_gain")?.numberValue {
                if let l = lr, !close(l, gain) {
                    throw ReadFailure("mapping.fc\(i).bias_gain is \(gain), but the mapping lr multiplier is \(l)")
                }
                lr = gain
            }
            if let weightGain = fc.attribute("weight_gain")?.numberValue, let l = lr,
               let inFeatures = shapes["mapping.fc\(i).weight"]?.last, inFeatures > 0 {
                let expected = l / Double(inFeatures).squareRoot()
                guard close(weightGain, expected) else {
                    throw ReadFailure("mapping.fc\(i).weight_gain is \(weightGain), not lr_multiplier/sqrt(in_features) = \(expected)")
                }
            }
        }
        return lr ?? 0.01
    }

    private static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(abs(a), abs(b))
    }

    /// Every SynthesisBlock stores its architecture; they must agree with each other and the kwargs.
    private static func architecture(_ kwarg: PickleValue?, blocks: [PersistentModule]) throws -> GeneratorConfig.Architecture {
        var names = Set(blocks.compactMap { $0.attribute("architecture")?.stringValue })
        guard names.count <= 1 else { throw ReadFailure("synthesis blocks disagree on architecture (\(names.sorted().joined(separator: ", ")))") }
        if let k = kwarg {
            guard let s = k.stringValue else { throw ReadFailure("architecture in _init_kwargs is a \(k.kindName)") }
            if let stored = names.first, stored != s {
                throw ReadFailure("architecture is '\(s)' in _init_kwargs but '\(stored)' on the synthesis blocks")
            }
            names = [s]
        }
        let name = names.first ?? "skip"
        guard let a = GeneratorConfig.Architecture(rawValue: name) else {
            throw ReadFailure("unknown synthesis architecture '\(name)'")
        }
        return a
    }

    /// conv_clamp as every synthesis layer, torgb layer and block stores it (None or a number).
    private static func convClamp(_ kwarg: PickleValue?, modules: [PersistentModule]) throws -> Double? {
        func value(_ v: PickleValue, _ what: String) throws -> Double? {
            if v.isNone { return nil }
            guard let d = v.numberValue else { throw ReadFailure("conv_clamp \(what) is a \(v.kindName)") }
            return d
        }
        var stored: [Double?] = []
        for m in modules {
            guard let v = m.attribute("conv_clamp") else { continue }
            let c = try value(v, "of a \(m.className)")
            if !stored.contains(where: { $0 == c }) { stored.append(c) }
        }
        guard stored.count <= 1 else {
            throw ReadFailure("synthesis layers disagree on conv_clamp (\(stored.map { $0.map { "\($0)" } ?? "None" }.joined(separator: ", ")))")
        }
        if let kwarg {
            let k = try value(kwarg, "in _init_kwargs")
            if let s = stored.first, s != k {
                throw ReadFailure("conv_clamp is \(k.map { "\($0)" } ?? "None") in _init_kwargs but \(s.map { "\($0)" } ?? "None") on the layers")
            }
            return k
        }
        return stored.first ?? nil
    }

    /// num_fp16_res from the blocks' `use_fp16` flags: NVIDIA runs block r in fp16 when
    /// r >= max(2^(log2 R + 1 - k), 8). Recorded only; the engine computes in fp32.
    private static func numFP16Res(_ kwarg: PickleValue?, config: GeneratorConfig, tree: NvidiaModuleTree) throws -> Int {
        let log2R = config.blockResolutions.count + 1
        func flags(_ k: Int) -> [Int: Bool] {
            let threshold = max(1 << max(log2R + 1 - k, 0), 8)
            return Dictionary(uniqueKeysWithValues: config.blockResolutions.map { ($0, $0 >= threshold) })
        }
        var stored: [Int: Bool] = [:]
        for r in config.blockResolutions {
            if let f = tree.module(at: "synthesis.b\(r)")?.attribute("use_fp16")?.boolValue { stored[r] = f }
        }
        func agrees(_ k: Int) -> Bool { stored.allSatisfy { flags(k)[$0.key] == $0.value } }
        if let kwarg {
            let k = try int(kwarg, "num_fp16_res in _init_kwargs")
            guard k >= 0, agrees(k) else {
                throw ReadFailure("num_fp16_res \(k) in _init_kwargs does not match the blocks' use_fp16 flags")
            }
            return k
        }
        guard let k = (0 ... log2R).first(where: agrees) else {
            throw ReadFailure("the blocks' use_fp16 flags follow no num_fp16_res")
        }
        return k
    }
}
