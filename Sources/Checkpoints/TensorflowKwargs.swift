import StyleGAN

/// `static_kwargs` of a TF `G_main` network -> `GeneratorConfig`, with the TF code's defaults
/// where a key is absent and NVIDIA's conversion rules (channel_base = 2 * fmap_base).
/// Keys that would change the math away from what the engine computes are refused by name.
enum TensorflowKwargs {
    /// Keys that only steer TF sampling or training, not the generator's function.
    private static let ignored: Set<String> = [
        "truncation_psi", "truncation_cutoff", "truncation_psi_val", "truncation_cutoff_val", "dlatent_avg_beta",
        "w_avg_beta", "style_mixing_prob", "structure", "conditioning", "fused_modconv", "randomize_noise",
        "is_training", "is_validation", "is_template_graph", "dlatent_broadcast", "return_dlatents", "dtype",
    ]

    static func config(_ kwargs: KeywordArguments) throws -> GeneratorConfig {
        var used: Set<String> = []
        func int(_ key: String, _ fallback: Int?) throws -> Int? {
            used.insert(key)
            guard let v = kwargs[key], !v.isNone else { return fallback }
            guard let i = v.intValue else { throw ReadFailure("static_kwargs \(key) is a \(v.kindName), not an int") }
            return i
        }
        func require(_ key: String, _ fallback: Int) throws -> Int { try int(key, fallback) ?? fallback }
        func expect(_ key: String, _ isDefault: (PickleValue) -> Bool, _ what: String) throws {
            used.insert(key)
            if let v = kwargs[key], !isDefault(v) {
                throw ReadFailure("static_kwargs \(key) is not \(what); this generator variant is not supported")
            }
        }
        let wDim = try require("dlatent_size", 512)
        let lrValue = kwargs["mapping_lrmul"]
        used.insert("mapping_lrmul")
        guard lrValue == nil || lrValue?.numberValue != nil else { throw ReadFailure("static_kwargs mapping_lrmul is not a number") }
        let clampValue = kwargs["conv_clamp"]
        used.insert("conv_clamp")
        let convClamp: Float?
        if let c = clampValue, !c.isNone {
            guard let d = c.numberValue else { throw ReadFailure("static_kwargs conv_clamp is a \(c.kindName)") }
            convClamp = Float(d)
        } else {
            convClamp = nil
        }
        used.insert("architecture")
        let archName = kwargs["architecture"]?.stringValue ?? "skip"
        guard let architecture = GeneratorConfig.Architecture(rawValue: archName) else {
            throw ReadFailure("static_kwargs architecture '\(archName)' is unknown")
        }
        let fmapBase = try require("fmap_base", 16384)
        let (channelBase, overflow) = fmapBase.multipliedReportingOverflow(by: 2)
        guard !overflow else { throw ReadFailure("static_kwargs fmap_base \(fmapBase) is too large") }

        try expect("mapping_nonlinearity", { $0.stringValue == "lrelu" }, "'lrelu'")
        try expect("nonlinearity", { $0.stringValue == "lrelu" }, "'lrelu'")
        try expect("resample_kernel", { $0.sequenceItems?.compactMap(\.numberValue) == [1, 3, 3, 1] }, "[1, 3, 3, 1]")
        try expect("use_noise", { $0.boolValue == true }, "True")
        try expect("normalize_latents", { $0.boolValue == true }, "True")
        try expect("fmap_decay", { $0.numberValue == 1 }, "1")
        try expect("fmap_min", { $0.numberValue == 1 }, "1")

        let config = GeneratorConfig(
            zDim: try require("latent_size", 512), wDim: wDim, cDim: try require("label_size", 0),
            embedFeatures: try int("label_fmaps", nil), mappingLayerFeatures: try int("mapping_fmaps", nil),
            mappingLayers: try require("mapping_layers", 8), mappingLrMultiplier: Float(lrValue?.numberValue ?? 0.01),
            resolution: try require("resolution", 1024), imgChannels: try require("num_channels", 3),
            channelBase: channelBase, channelMax: try require("fmap_max", 512), convClamp: convClamp,
            architecture: architecture, numFP16Res: try require("num_fp16_res", 0))
        if let unknown = kwargs.values.keys.sorted().first(where: { !used.contains($0) && !ignored.contains($0) }) {
            throw ReadFailure("static_kwargs has an unknown key '\(unknown)'")
        }
        return config
    }
}
