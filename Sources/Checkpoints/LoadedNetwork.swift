import StyleGAN

/// The container a generator was read from.
public enum CheckpointFormat: String, Codable, Sendable {
    case nvidiaPickle = "NVIDIA network pickle"
    case tensorflowPickle = "TensorFlow-era pickle"
    case rosinality = "rosinality .pt"
    case safetensors = "safetensors"
}

/// A generator read from a checkpoint: its architecture and every tensor under its NVIDIA name
/// (`GeneratorConfig.parameterSpecs`), already checked with `config.check(parameters:)`.
/// Non-finite weights are kept as they are; the engine and `inspect` report them.
public struct LoadedNetwork {
    public var path: String
    public var format: CheckpointFormat
    /// The snapshot entry that was read (`G_ema`, `Gs`, `g_ema`), or nil for a bare network.
    public var networkKey: String?
    public var config: GeneratorConfig
    public var parameters: [String: Tensor]
    /// Facts about the file for reports, in display order, e.g. ("training set", "shapes32.zip, 32 px").
    public var details: [(String, String)]

    public init(path: String, format: CheckpointFormat, networkKey: String?, config: GeneratorConfig,
                parameters: [String: Tensor], details: [(String, String)]) {
        self.path = path
        self.format = format
        self.networkKey = networkKey
        self.config = config
        self.parameters = parameters
        self.details = details
    }
}

/// What a format reader hands back before the loader adds the path.
struct NetworkContents {
    var format: CheckpointFormat
    var networkKey: String?
    var config: GeneratorConfig
    var parameters: [String: Tensor]
    var details: [(String, String)]

    /// Runs the engine's own check of names and shapes, reporting its message as a read failure.
    func checked() throws -> NetworkContents {
        do {
            try config.validate()
            try config.check(parameters: parameters)
        } catch let e as EngineError {
            throw ReadFailure(e.message)
        }
        return self
    }
}
