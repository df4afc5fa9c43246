import StyleGAN

/// TensorFlow-era pickles (stylegan2 / stylegan2-ada TF): a tuple (G, D, Gs) of
/// `dnnlib.tflib.network.Network` objects, each NEWOBJ + BUILD of a state dict holding
/// `static_kwargs`, `components` (nested Networks) and `variables` as (name, numpy array) pairs.
/// Gs is read unless another key is named. No TF code runs: the module source is a string nobody reads.
enum TensorflowNetwork {
    static let typeName = "dnnlib.tflib.network.Network"
    private static let tupleKeys = ["G", "D", "Gs"]

    static func isNetwork(_ value: PickleValue) -> Bool {
        if case .object(let o) = value, o.typeName == typeName { return true }
        return false
    }

    /// Reads the generator from the top-level tuple or a single Network.
    static func read(_ top: PickleValue, networkKey: String?) throws -> NetworkContents {
        if let items = top.tupleItems {
            guard items.count == 3, items.allSatisfy(isNetwork) else {
                throw ReadFailure("holds a tuple of \(items.count) items that is not (G, D, Gs) of TensorFlow networks")
            }
            let key = networkKey ?? "Gs"
            guard let index = tupleKeys.firstIndex(of: key) else {
                throw ReadFailure("has no network '\(key)' (the tuple holds G, D, Gs)")
            }
            return try read(network: items[index], key: key)
        }
        return try read(network: top, key: networkKey)
    }

    private static func state(_ value: PickleValue, _ what: String) throws -> PickleDict {
        guard case .object(let o) = value, o.typeName == typeName, case .dict(let state)? = o.state else {
            throw ReadFailure("\(what) is a \(value.kindName), not a TensorFlow network")
        }
        return state
    }

    private static func read(network: PickleValue, key: String?) throws -> NetworkContents {
        let name = key ?? "the network"
        let root = try state(network, name)
        let buildFunction = root["build_func_name"]?.stringValue ?? "?"
        switch buildFunction {
        case "G_main": break
        case "G_style": throw ReadFailure("\(name) is a StyleGAN1 generator (G_style); only StyleGAN2 generators are read")
        case "D_main", "D_stylegan2", "D_basic": throw ReadFailure("\(name) is a discriminator (\(buildFunction)), not a generator")
        default: throw ReadFailure("\(name) is built by \(buildFunction), not a StyleGAN2 G_main")
        }
        let kwargs = try KeywordArguments(root["static_kwargs"], "\(name) static_kwargs")
        var config = try TensorflowKwargs.config(kwargs)

        var parameters: [String: Tensor] = [:]
        // Own variables first, then each component's under its name, walked without recursion.
        var pending: [(prefix: String, state: PickleDict)] = [("", root)]
        var visited = 0
        while let (prefix, current) = pending.popLast() {
            visited += 1
            guard visited <= 64 else { throw ReadFailure("\(name) has more than 64 nested TensorFlow networks") }
            if let components = current["components"]?.dictValue {
                for (k, v) in zip(components.keys, components.values) {
                    guard let component = k.stringValue else { throw ReadFailure("\(name) has a component with a \(k.kindName) name") }
                    pending.append((prefix + component + "/", try state(v, "component \(component)")))
                }
            }
            guard let variables = current["variables"]?.sequenceItems else {
                throw ReadFailure("\(prefix.isEmpty ? name : prefix) has no variables list")
            }
            for entry in variables {
                guard let pair = entry.sequenceItems, pair.count == 2, let varName = pair[0].stringValue else {
                    throw ReadFailure("\(name) has a variable entry that is not a (name, value) pair")
                }
                let tfName = prefix + varName
                let (nvidiaName, tensor) = try TensorflowNames.convert(tfName, try value(pair[1], tfName))
                guard parameters.updateValue(tensor, forKey: nvidiaName) == nil else {
                    throw ReadFailure("TensorFlow variable \(tfName) maps to \(nvidiaName), which is already set")
                }
            }
        }
        // Widths TF chose by default (mapping_fmaps, label_fmaps) are whatever the weights show.
        if kwargs["mapping_fmaps"] == nil, config.mappingLayers > 1, let w = parameters["mapping.fc0.weight"], w.rank == 2 {
            config.mappingLayerFeatures = w.shape[0]
        }
        if kwargs["label_fmaps"] == nil, config.cDim > 0, let e = parameters["mapping.embed.weight"], e.rank == 2 {
            config.embedFeatures = e.shape[0]
        }
        var details: [(String, String)] = [("network", name)]
        if let version = root["version"]?.intValue { details.append(("TF network version", String(version))) }
        return try NetworkContents(format: .tensorflowPickle, networkKey: key, config: config,
                                   parameters: parameters, details: details).checked()
    }

    /// A variable's value: a numpy array, or a numpy scalar (what TF returns for 0-d variables).
    private static func value(_ v: PickleValue, _ tfName: String) throws -> Tensor {
        switch v {
        case .ndarray(let a): return try a.materialize(name: tfName)
        case .float(let d): return Tensor(shape: [], data: [Float(d)])
        default: throw ReadFailure("TensorFlow variable \(tfName) is a \(v.kindName), not a numpy array")
        }
    }
}
