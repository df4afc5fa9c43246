/// The parameter groups of the StyleAlign weight analyses (paper §2.1): every generator tensor
/// belongs to exactly one.
public enum ParameterComponent: String, CaseIterable, Codable, Sendable {
    case mapping          // mapping.fc*, mapping.embed, mapping.w_avg
    case affine           // conv0/conv1 affine ("A") layers: the StyleSpace of the convs
    case convWeight       // conv0/conv1 weights and resnet skip weights
    case convBias         // conv0/conv1 biases
    case noiseStrength    // conv0/conv1 noise_strength
    case noiseBuffer      // conv0/conv1 noise_const
    case torgbWeight      // torgb weight and bias
    case torgbAffine      // torgb affine layers
    case constInput       // synthesis.b4.const

    public var title: String {
        switch self {
        case .mapping: "mapping"
        case .affine: "affine (style)"
        case .convWeight: "conv weights"
        case .convBias: "conv biases"
        case .noiseStrength: "noise strengths"
        case .noiseBuffer: "noise buffers"
        case .torgbWeight: "torgb weights"
        case .torgbAffine: "torgb affine"
        case .constInput: "const input"
        }
    }
}

/// One tensor a generator of a given architecture has, under its NVIDIA parameter name
/// (`named_parameters()` / `named_buffers()` of `G_ema`, e.g. `synthesis.b16.conv0.weight`).
public struct ParameterSpec: Equatable, Sendable {
    public let name: String
    public let shape: [Int]
    public let component: ParameterComponent
    /// Block resolution for synthesis tensors, nil for the mapping network.
    public let resolution: Int?
}

extension GeneratorConfig {
    /// Every tensor the engine reads, in NVIDIA's order (resample filters are fixed and left out).
    public var parameterSpecs: [ParameterSpec] {
        var specs: [ParameterSpec] = []
        func add(_ name: String, _ shape: [Int], _ c: ParameterComponent, _ r: Int? = nil) {
            specs.append(ParameterSpec(name: name, shape: shape, component: c, resolution: r))
        }
        if cDim > 0 {
            add("mapping.embed.weight", [embedFeatures, cDim], .mapping)
            add("mapping.embed.bias", [embedFeatures], .mapping)
        }
        for i in 0..<mappingLayers {
            let inF = i == 0 ? zDim + (cDim > 0 ? embedFeatures : 0) : mappingLayerFeatures
            let outF = i == mappingLayers - 1 ? wDim : mappingLayerFeatures
            add("mapping.fc\(i).weight", [outF, inF], .mapping)
            add("mapping.fc\(i).bias", [outF], .mapping)
        }
        add("mapping.w_avg", [wDim], .mapping)
        for r in blockResolutions {
            let b = "synthesis.b\(r)"
            let cOut = channels(at: r)
            if r == 4 { add("\(b).const", [cOut, 4, 4], .constInput, r) }
            for conv in (r == 4 ? ["conv1"] : ["conv0", "conv1"]) {
                let cIn = conv == "conv0" ? channels(at: r / 2) : cOut
                add("\(b).\(conv).weight", [cOut, cIn, 3, 3], .convWeight, r)
                add("\(b).\(conv).bias", [cOut], .convBias, r)
                add("\(b).\(conv).noise_strength", [], .noiseStrength, r)
                add("\(b).\(conv).noise_const", [r, r], .noiseBuffer, r)
                add("\(b).\(conv).affine.weight", [cIn, wDim], .affine, r)
                add("\(b).\(conv).affine.bias", [cIn], .affine, r)
            }
            if numToRGB(block: r) == 1 {
                add("\(b).torgb.weight", [imgChannels, cOut, 1, 1], .torgbWeight, r)
                add("\(b).torgb.bias", [imgChannels], .torgbWeight, r)
                add("\(b).torgb.affine.weight", [cOut, wDim], .torgbAffine, r)
                add("\(b).torgb.affine.bias", [cOut], .torgbAffine, r)
            }
            if architecture == .resnet, r > 4 {
                add("\(b).skip.weight", [cOut, channels(at: r / 2), 1, 1], .convWeight, r)
            }
        }
        return specs
    }

    /// Checks that `parameters` holds every tensor of this architecture with the right shape.
    /// Extra names (resample filters, D, ...) are ignored.
    public func check(parameters: [String: Tensor]) throws {
        for spec in parameterSpecs {
            guard let t = parameters[spec.name] else { throw EngineError("missing tensor \(spec.name)") }
            guard t.shape == spec.shape else {
                throw EngineError("tensor \(spec.name) has shape \(t.shape), the architecture needs \(spec.shape)")
            }
        }
    }
}
