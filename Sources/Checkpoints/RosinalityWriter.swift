import StyleGAN

/// Writes a generator as a rosinality/stylegan2-pytorch checkpoint: a torch zip `.pt` holding
/// `{'g_ema': state_dict, 'latent_avg': w_avg}`, which `torch.load` opens and
/// `Generator(size, style_dim, n_mlp, channel_multiplier).load_state_dict(ckpt['g_ema'])` accepts.
///
/// The names are the inverse of `RosinalityNames` (stylegan2.md §3.2-3.3): leading dimensions of 1
/// are added back, noise strengths become `[1]`, torgb biases `[1, 3, 1, 1]`, noise buffers
/// `noises.noise_i [1, 1, r, r]`, and the fixed up-sampling kernels rosinality keeps as buffers
/// (`convs.{2j}.conv.blur.kernel`, `to_rgbs.{j}.upsample.kernel`) are outer([1,3,3,1]) / 16,
/// i.e. NVIDIA's resample filter times 4. Entries follow rosinality's `state_dict()` order.
public enum RosinalityWriter {
    /// What rosinality's Generator cannot express fails here; what it expresses differently is
    /// returned as warnings to show the user.
    public static func check(_ config: GeneratorConfig) throws -> [String] {
        func refuse(_ why: String) -> ConversionError {
            ConversionError("cannot write a rosinality checkpoint: \(why)")
        }
        guard config.cDim == 0 else { throw refuse("the network is conditional (c_dim \(config.cDim)); rosinality's Generator has no class labels") }
        guard config.architecture == .skip else { throw refuse("the synthesis architecture is \(config.architecture.rawValue); rosinality's Generator is skip only") }
        guard config.imgChannels == 3 else { throw refuse("the network makes \(config.imgChannels)-channel images; rosinality's ToRGB makes 3") }
        guard config.zDim == config.wDim, config.mappingLayerFeatures == config.wDim else {
            throw refuse("z_dim \(config.zDim), mapping width \(config.mappingLayerFeatures) and w_dim \(config.wDim) differ; rosinality uses one style_dim for all three")
        }
        guard config.mappingLrMultiplier == 0.01 else {
            throw refuse("the mapping lr multiplier is \(config.mappingLrMultiplier); rosinality checkpoints do not record it and every reader assumes 0.01")
        }
        var warnings: [String] = []
        if let clamp = config.convClamp {
            warnings.append("conv_clamp \(clamp) is dropped: rosinality has no clamp, so images differ wherever a layer's output exceeds ±\(clamp)")
        }
        if stockChannelMultiplier(config) == nil {
            let table = config.blockResolutions.map { "\($0): \(config.channels(at: $0))" }.joined(separator: ", ")
            warnings.append("the channel widths {\(table)} are not those of rosinality's stock Generator for any channel_multiplier; loading the file needs a Generator built with this channel table")
        }
        return warnings
    }

    /// The `channel_multiplier` whose stock table (512 up to 32 px, then 256·cm, 128·cm, 64·cm,
    /// 32·cm, 16·cm up to 1024 px) gives every block's width, or nil if none does (1 is reported for
    /// networks of 32 px and less, whose widths do not depend on it).
    public static func stockChannelMultiplier(_ config: GeneratorConfig) -> Int? {
        func stock(_ r: Int, _ cm: Int) -> Int { r <= 32 ? 512 : (16384 / r) * cm }
        let cm = config.resolution >= 64 ? config.channels(at: 64) / 256 : 1
        guard cm >= 1, config.resolution <= 1024,  // the stock table stops at 1024 px
              config.blockResolutions.allSatisfy({ stock($0, cm) == config.channels(at: $0) }) else { return nil }
        return cm
    }

    /// The checkpoint's bytes. Call `check` first; this repeats its refusals but not its warnings.
    public static func encode(config: GeneratorConfig, parameters: [String: Tensor]) throws -> [UInt8] {
        _ = try check(config)
        do {
            try config.validate()
            try config.check(parameters: parameters)
        } catch let e as EngineError {
            throw ConversionError(e.message)
        }
        guard let wAvg = parameters["mapping.w_avg"] else { throw ConversionError("missing tensor mapping.w_avg") }
        let stateDict = try stateDict(config, parameters)
        return try TorchSaveWriter.encode([("g_ema", .stateDict(stateDict)), ("latent_avg", .tensor(wAvg))])
    }

    /// rosinality's `g_ema.state_dict()`: own parameters, then buffers, then submodules, in
    /// the order its constructors register them.
    static func stateDict(_ config: GeneratorConfig, _ p: [String: Tensor]) throws -> [(String, Tensor)] {
        var out: [(String, Tensor)] = []
        /// rosinality's shape for an NVIDIA tensor: the same, with a leading 1, or an explicit one.
        enum Shape { case same, leadingOne, exactly([Int]) }
        func add(_ name: String, _ nvidia: String, _ shape: Shape = .same) throws {
            guard let t = p[nvidia] else { throw ConversionError("missing tensor \(nvidia)") }
            switch shape {
            case .same: out.append((name, t))
            case .leadingOne: out.append((name, t.reshaped([1] + t.shape)))
            case .exactly(let s): out.append((name, t.reshaped(s)))  // same count: config.check verified the shapes
            }
        }
        func conv(_ prefix: String, _ layer: String, up: Bool) throws {
            try add("\(prefix).conv.weight", "\(layer).weight", .leadingOne)
            if up { out.append(("\(prefix).conv.blur.kernel", upsampleKernel)) }
            try add("\(prefix).conv.modulation.weight", "\(layer).affine.weight")
            try add("\(prefix).conv.modulation.bias", "\(layer).affine.bias")
            try add("\(prefix).noise.weight", "\(layer).noise_strength", .exactly([1]))
            try add("\(prefix).activate.bias", "\(layer).bias")
        }
        func toRGB(_ prefix: String, _ layer: String, up: Bool) throws {
            try add("\(prefix).bias", "\(layer).bias", .exactly([1, config.imgChannels, 1, 1]))
            if up { out.append(("\(prefix).upsample.kernel", upsampleKernel)) }
            try add("\(prefix).conv.weight", "\(layer).weight", .leadingOne)
            try add("\(prefix).conv.modulation.weight", "\(layer).affine.weight")
            try add("\(prefix).conv.modulation.bias", "\(layer).affine.bias")
        }

        for i in 0 ..< config.mappingLayers {
            try add("style.\(i + 1).weight", "mapping.fc\(i).weight")
            try add("style.\(i + 1).bias", "mapping.fc\(i).bias")
        }
        try add("input.input", "synthesis.b4.const", .leadingOne)
        try conv("conv1", "synthesis.b4.conv1", up: false)
        try toRGB("to_rgb1", "synthesis.b4.torgb", up: false)
        let larger = config.blockResolutions.dropFirst()
        for (j, r) in larger.enumerated() {
            try conv("convs.\(2 * j)", "synthesis.b\(r).conv0", up: true)
            try conv("convs.\(2 * j + 1)", "synthesis.b\(r).conv1", up: false)
        }
        for (j, r) in larger.enumerated() {
            try toRGB("to_rgbs.\(j)", "synthesis.b\(r).torgb", up: true)
        }
        try add("noises.noise_0", "synthesis.b4.conv1.noise_const", .exactly([1, 1, 4, 4]))
        for (j, r) in larger.enumerated() {
            try add("noises.noise_\(2 * j + 1)", "synthesis.b\(r).conv0.noise_const", .exactly([1, 1, r, r]))
            try add("noises.noise_\(2 * j + 2)", "synthesis.b\(r).conv1.noise_const", .exactly([1, 1, r, r]))
        }
        return out
    }

    /// rosinality's `make_kernel([1, 3, 3, 1]) * 2**2`: outer([1,3,3,1]) / 16, summing to 4.
    static let upsampleKernel: Tensor = {
        let k: [Float] = [1, 3, 3, 1]
        return Tensor(shape: [4, 4], data: k.flatMap { a in k.map { a * $0 / 16 } })
    }()
}
