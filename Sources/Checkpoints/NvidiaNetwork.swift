import StyleGAN

/// NVIDIA network pickles (stylegan2-ada-pytorch, and StyleGAN2 networks of the stylegan3
/// repository): a snapshot dict of persistent modules `G`, `D`, `G_ema`, `augment_pipe` and
/// `training_set_kwargs` (stylegan2.md §4.1). `G_ema` is read unless another key is named.
enum NvidiaNetwork {
    /// Whether a top-level dict looks like a network snapshot (it holds persistent modules).
    static func isSnapshot(_ dict: PickleDict) -> Bool {
        dict.values.contains { if case .module = $0 { return true } else { return false } }
    }

    static func read(snapshot: PickleDict, networkKey: String?) throws -> NetworkContents {
        let key: String
        if let networkKey {
            guard snapshot[networkKey] != nil else {
                throw ReadFailure("has no network '\(networkKey)' (top-level keys: \(snapshot.keyList))")
            }
            key = networkKey
        } else if snapshot["G_ema"] != nil {
            key = "G_ema"
        } else {
            let generators = zip(snapshot.keys, snapshot.values).compactMap { k, v -> String? in
                if case .module(let m) = v, m.className == "Generator" { return k.stringValue }
                return nil
            }
            if generators.isEmpty { throw ReadFailure(noGeneratorMessage(snapshot)) }
            throw ReadFailure("has no G_ema network (top-level keys: \(snapshot.keyList)); name one of \(generators.joined(separator: ", ")) to read it")
        }
        guard case .module(let generator)? = snapshot[key] else {
            throw ReadFailure("\(key) is a \(snapshot[key]?.kindName ?? "missing value"), not a network")
        }
        var contents = try read(generator: generator, key: key)
        if let training = snapshot["training_set_kwargs"]?.dictValue, let path = training["path"]?.stringValue {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let res = training["resolution"]?.intValue.map { ", \($0) px" } ?? ""
            contents.details.append(("training set", name + res))
        }
        return contents
    }

    /// The message for a top-level dict without a generator, naming what it does hold.
    static func noGeneratorMessage(_ dict: PickleDict) -> String {
        let classes = dict.values.compactMap { v -> String? in
            if case .module(let m) = v { return m.className } else { return nil }
        }
        if classes.contains("Discriminator") || dict["d"]?.dictValue != nil {
            return "holds a discriminator but no StyleGAN2 generator (top-level keys: \(dict.keyList))"
        }
        if dict["synthesis.b4.const"] != nil || dict["mapping.fc0.weight"] != nil {
            return "holds a bare NVIDIA state dict, which lacks the architecture (conv_clamp, mapping lr multiplier, ...); load the network pickle instead"
        }
        return "holds no StyleGAN2 generator (top-level keys: \(dict.keyList))"
    }

    static func read(generator: PersistentModule, key: String?) throws -> NetworkContents {
        let name = key ?? "the network"
        guard generator.className == "Generator" else {
            if generator.className == "Discriminator" { throw ReadFailure("\(name) is a discriminator, not a generator") }
            throw ReadFailure("\(name) is a \(generator.className), not a StyleGAN2 Generator")
        }
        let tree = try NvidiaModuleTree(root: generator)
        if tree.modules.contains(where: { $0.module.className == "SynthesisInput" }) {
            throw ReadFailure("\(name) is a StyleGAN3 generator (it has a SynthesisInput layer); only StyleGAN2 generators are read")
        }
        let architecture = try NvidiaArchitecture(generator: generator, tree: tree)
        var parameters: [String: Tensor] = [:]
        for (tensorName, tensor) in tree.tensors {
            parameters[tensorName] = try tensor.materialize(name: tensorName)
        }
        let state = generator.state
        let torchLayout = state["_backward_pre_hooks"] != nil || state["_forward_hooks_with_kwargs"] != nil ? "torch 2.x" : "torch 1.x"
        let details: [(String, String)] = [
            ("network", name),
            ("code base", architecture.codebase),
            ("torch layout", torchLayout),
        ]
        return try NetworkContents(format: .nvidiaPickle, networkKey: key, config: architecture.config,
                                   parameters: parameters, details: details).checked()
    }
}
