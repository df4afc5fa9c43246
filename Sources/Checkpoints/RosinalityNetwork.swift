import StyleGAN

/// rosinality/stylegan2-pytorch checkpoints: a dict with `g_ema` (a state dict) and, when
/// converted or saved by train.py, `latent_avg`; or a bare generator state dict.
///
/// rosinality has no conv_clamp and no fp16, the mapping lr multiplier is its default 0.01
/// (it is not stored), and the channel widths come from the tensor shapes. A checkpoint without
/// `latent_avg` gets w_avg = 0 and says so in `details`: rosinality estimates it by sampling,
/// which a loader should not do, so truncation (ψ ≠ 1) is meaningless for such a file.
enum RosinalityNetwork {
    /// Whether a top-level dict is a rosinality checkpoint or a bare generator state dict.
    static func recognises(_ dict: PickleDict) -> Bool {
        if dict["g_ema"]?.dictValue != nil || dict["g"]?.dictValue != nil { return true }
        return dict["input.input"] != nil || dict["style.1.weight"] != nil
    }

    static func read(_ top: PickleDict, networkKey: String?) throws -> NetworkContents {
        let key: String?
        let stateDict: PickleDict
        if let networkKey {
            guard let d = top[networkKey]?.dictValue else {
                throw ReadFailure("has no state dict '\(networkKey)' (top-level keys: \(top.keyList))")
            }
            (key, stateDict) = (networkKey, d)
        } else if let d = top["g_ema"]?.dictValue {
            (key, stateDict) = ("g_ema", d)
        } else if top["input.input"] != nil || top["style.1.weight"] != nil {
            (key, stateDict) = (nil, top)
        } else {
            throw ReadFailure("has no g_ema generator (top-level keys: \(top.keyList)); name the state dict to read")
        }

        var parameters: [String: Tensor] = [:]
        for (k, v) in zip(stateDict.keys, stateDict.values) {
            guard let name = k.stringValue else { throw ReadFailure("state dict has a \(k.kindName) key") }
            if RosinalityNames.isFixedKernel(name) { continue }
            guard let (nvidia, ones, reshape) = RosinalityNames.target(name) else {
                throw ReadFailure("state dict entry \(name) is not part of a rosinality StyleGAN2 generator")
            }
            guard case .tensor(let t) = v else { throw ReadFailure("state dict entry \(name) is a \(v.kindName), not a tensor") }
            let tensor = try RosinalityNames.convert(try t.materialize(name: name), leadingOnes: ones, reshape: reshape, name)
            guard parameters.updateValue(tensor, forKey: nvidia) == nil else {
                throw ReadFailure("state dict entry \(name) maps to \(nvidia), which is already set")
            }
        }

        var details: [(String, String)] = [("network", key ?? "state dict")]
        if case .tensor(let avg)? = key == nil ? nil : top["latent_avg"] {
            parameters["mapping.w_avg"] = try TensorLayout.reshaped(try avg.materialize(name: "latent_avg"), [avg.view.count], "latent_avg")
        }
        let config = try architecture(parameters)
        if parameters["mapping.w_avg"] == nil {
            parameters["mapping.w_avg"] = Tensor(zeros: [config.wDim])
            details.append(("w_avg", "not in the checkpoint (no latent_avg): set to zeros, so use truncation psi = 1"))
        }
        details.append(("mapping lr multiplier", "0.01 (rosinality's default; not stored)"))
        if case .object(let args)? = top["args"] {
            try crossCheck(args, config)
        }
        return try NetworkContents(format: .rosinality, networkKey: key, config: config,
                                   parameters: parameters, details: details).checked()
    }

    /// Sizes from the converted tensors: resolution from the torgb count, mapping from the fc
    /// layers, channel_base/channel_max as the NVIDIA pair that reproduces every block's width.
    private static func architecture(_ p: [String: Tensor]) throws -> GeneratorConfig {
        guard let fc0 = p["mapping.fc0.weight"], fc0.rank == 2 else { throw ReadFailure("has no style.1.weight mapping layer") }
        var mappingLayers = 0
        while p["mapping.fc\(mappingLayers).weight"] != nil { mappingLayers += 1 }
        guard let last = p["mapping.fc\(mappingLayers - 1).weight"], last.rank == 2 else {
            throw ReadFailure("mapping layer style.\(mappingLayers).weight is not a matrix")
        }
        var resolution = 4
        while resolution < 8192, p["synthesis.b\(resolution * 2).torgb.weight"] != nil { resolution *= 2 }
        let fcCount = p.keys.filter { $0.hasPrefix("mapping.fc") && $0.hasSuffix(".weight") }.count
        guard fcCount == mappingLayers else {
            throw ReadFailure("has style layers that are not numbered 1...\(mappingLayers) without gaps")
        }
        // (resolution, width) of every block, smallest first.
        var widths: [(r: Int, c: Int)] = []
        for r in sequence(first: 4, next: { $0 < resolution ? $0 * 2 : nil }) {
            guard let w = p["synthesis.b\(r).conv1.weight"]?.shape.first else {
                throw ReadFailure("has no conv weight for the \(r) px block")
            }
            widths.append((r, w))
        }
        guard let channelMax = widths.first?.c, let rgb = p["synthesis.b4.torgb.weight"]?.shape.first else {
            throw ReadFailure("has no 4 px block")
        }
        // Candidates: NVIDIA's standard bases, then the base each block's width implies.
        let candidates = [32768, 16384] + widths.map { $0.r * $0.c } + [channelMax * resolution]
        guard let channelBase = candidates.first(where: { base in
            widths.allSatisfy { min(base / $0.r, channelMax) == $0.c }
        }) else {
            let table = widths.map { "\($0.r): \($0.c)" }.joined(separator: ", ")
            throw ReadFailure("has channel widths {\(table)} that no channel_base / channel_max pair reproduces")
        }
        return GeneratorConfig(zDim: fc0.shape[1], wDim: last.shape[0], mappingLayerFeatures: fc0.shape[0],
                               mappingLayers: mappingLayers, mappingLrMultiplier: 0.01, resolution: resolution,
                               imgChannels: rgb, channelBase: channelBase, channelMax: channelMax,
                               convClamp: nil, architecture: .skip, numFP16Res: 0)
    }

    /// train.py stores its arguments; where they name sizes, they must agree with the tensors.
    private static func crossCheck(_ args: PickleObject, _ config: GeneratorConfig) throws {
        for (name, value) in [("size", config.resolution), ("latent", config.wDim), ("n_mlp", config.mappingLayers)] {
            if let stored = args[name]?.intValue, stored != value {
                throw ReadFailure("args.\(name) is \(stored) but the g_ema tensors give \(value)")
            }
        }
    }
}
