import ArgumentParser
import Checkpoints
import StyleGAN

/// Where a generator comes from: a checkpoint file or a built-in deterministic random network.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Network checkpoint: NVIDIA .pkl (PyTorch or TensorFlow era), rosinality .pt, or .safetensors.",
                                            valueName: "file"))
    var network: String?

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to use (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(name: .long, help: ArgumentHelp("Use deterministic random weights of a released architecture instead of a checkpoint: \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            valueName: "preset"))
    var randomInit: String?

    func validate() throws { try LoadedModel.validate(network: network, randomInit: randomInit) }
    func load() throws -> LoadedModel { try LoadedModel.load(network: network, networkKey: networkKey, randomInit: randomInit) }
}

/// A generator together with where it came from.
struct LoadedModel {
    let source: String
    let format: String
    let details: [(String, String)]
    let generator: Generator

    static func validate(network: String?, randomInit: String?) throws {
        guard (network == nil) != (randomInit == nil) else {
            throw ValidationError("give either a network file or --random-init PRESET")
        }
        if let randomInit, RandomInit.Preset(rawValue: randomInit) == nil {
            throw ValidationError("unknown --random-init preset '\(randomInit)'; choose one of \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    static func load(network: String?, networkKey: String?, randomInit: String?) throws -> LoadedModel {
        if let network { return try LoadedModel(path: network, networkKey: networkKey) }
        guard let preset = RandomInit.Preset(rawValue: randomInit ?? "") else {
            throw ValidationError("give either a network file or --random-init PRESET")
        }
        return try LoadedModel(preset: preset)
    }

    init(path: String, networkKey: String?) throws {
        let loaded = try CheckpointLoader.load(path: path, networkKey: networkKey)
        source = path
        format = loaded.format.rawValue
        details = loaded.details
        do {
            generator = try Generator(config: loaded.config, parameters: loaded.parameters)
        } catch let error as EngineError {
            throw CheckpointError(path: path, message: error.message)
        }
    }

    init(preset: RandomInit.Preset, seed: UInt64 = 0) throws {
        source = "random-init:\(preset.rawValue)"
        format = "deterministic random weights (seed \(seed))"
        details = []
        generator = try Generator(config: preset.config, parameters: RandomInit.parameters(config: preset.config, seed: seed))
    }
}
