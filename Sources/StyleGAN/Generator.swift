/// A StyleGAN2 generator ready to run: mapping (z, c -> ws), StyleSpace (ws -> S) and synthesis
/// (S -> image), float32 on the CPU, batched. Built from an architecture and a dictionary of
/// tensors under NVIDIA's names; it knows nothing of files.
public final class Generator: @unchecked Sendable {
    public let config: GeneratorConfig
    /// The tensors it was built from, under NVIDIA names.
    public let parameters: [String: Tensor]
    public let layout: StyleSpaceLayout
    let mappingNetwork: MappingNetwork
    let affines: [DenseLayer]            // one per style layer: <layer>.affine
    let synthesisNetwork: SynthesisNetwork

    public init(config: GeneratorConfig, parameters: [String: Tensor]) throws {
        try config.validate()
        try config.check(parameters: parameters)
        self.config = config
        self.parameters = parameters
        layout = StyleSpaceLayout(config: config)
        mappingNetwork = MappingNetwork(config: config, parameters: parameters)
        affines = layout.layers.map {
            DenseLayer(weight: parameters["\($0.name).affine.weight"]!, bias: parameters["\($0.name).affine.bias"]!,
                       lrMultiplier: 1, lrelu: false)
        }
        synthesisNetwork = SynthesisNetwork(config: config, parameters: parameters)
    }

    /// Names of the tensors that hold NaN or ±Inf, in NVIDIA order.
    public var nonFiniteTensors: [String] {
        config.parameterSpecs.map(\.name).filter { !(parameters[$0]?.isFinite ?? true) }
    }

    // MARK: mapping

    /// z: [N, zDim], c: [N, cDim] (nil for unconditional models) -> ws: [N, numWs, wDim]
    public func mapping(z: Tensor, c: Tensor? = nil, truncation: Truncation = .none) throws -> Tensor {
        guard z.rank == 2, z.shape[1] == config.zDim else {
            throw EngineError("z has shape \(z.shape), this network needs [N, \(config.zDim)]")
        }
        if config.cDim > 0 {
            guard let c, c.shape == [z.shape[0], config.cDim] else {
                throw EngineError("this network is conditional: it needs a class label c of shape [N, \(config.cDim)]")
            }
        }
        return mappingNetwork(z: z, c: config.cDim > 0 ? c : nil, truncation: truncation)
    }

    /// The one-hot label for class `index` of a conditional network, [N, cDim].
    public func classLabel(_ index: Int, batch n: Int) throws -> Tensor {
        guard index >= 0, index < config.cDim else {
            throw EngineError(config.cDim == 0 ? "this network is unconditional: it takes no class"
                                               : "class \(index) is out of range 0-\(config.cDim - 1)")
        }
        var c = Tensor(zeros: [n, config.cDim])
        for s in 0..<n { c.data[s * config.cDim + index] = 1 }
        return c
    }

    // MARK: StyleSpace

    public func checkWs(_ ws: Tensor) throws {
        guard ws.rank == 3, ws.shape[1] == config.numWs, ws.shape[2] == config.wDim else {
            throw EngineError("ws have shape \(ws.shape), this network needs [N, \(config.numWs), \(config.wDim)]")
        }
    }

    /// ws: [N, numWs, wDim] -> the affine output of every style layer (torgb before its 1/√I gain).
    public func styles(ws: Tensor) throws -> StyleCodes {
        try checkWs(ws)
        let n = ws.shape[0], numWs = config.numWs, wd = config.wDim
        var rows = [[Float]](repeating: [], count: numWs)
        for k in 0..<numWs {
            var row = [Float](repeating: 0, count: n * wd)
            for s in 0..<n { row.replaceSubrange((s * wd)..<((s + 1) * wd), with: ws.data[((s * numWs + k) * wd)..<((s * numWs + k + 1) * wd)]) }
            rows[k] = row
        }
        return StyleCodes(layers: zip(layout.layers, affines).map { layer, affine in
            Tensor(shape: [n, layer.dimension], data: affine(rows[layer.wIndex], batch: n))
        })
    }

    public func checkStyles(_ styles: StyleCodes) throws {
        guard styles.layers.count == layout.layers.count, styles.batch > 0 else {
            throw EngineError("StyleSpace codes have \(styles.layers.count) layers, this network has \(layout.layers.count)")
        }
        for (t, layer) in zip(styles.layers, layout.layers) where t.shape != [styles.batch, layer.dimension] {
            throw EngineError("style layer \(layer.index) (\(layer.name)) has shape \(t.shape), needs [\(styles.batch), \(layer.dimension)]")
        }
    }

    // MARK: synthesis

    /// ws: [N, numWs, wDim] -> image [N, imgChannels, R, R] (R = `upTo` for a preview of the skip image).
    public func synthesis(ws: Tensor, noise: NoiseMode = .const, noiseSeed: UInt32 = 0, upTo: Int? = nil) throws -> Tensor {
        try synthesis(styles: styles(ws: ws), noise: noise, noiseSeed: noiseSeed, upTo: upTo)
    }

    /// Synthesis with every affine output replaced by `styles`. `upTo` stops after the block of
    /// that resolution and returns its skip image (skip architecture only).
    public func synthesis(styles: StyleCodes, noise: NoiseMode = .const, noiseSeed: UInt32 = 0,
                          upTo: Int? = nil) throws -> Tensor {
        try resume(from: SynthesisState(), styles: styles, noise: noise, noiseSeed: noiseSeed, upTo: upTo)
    }

    /// Runs the style layers before `layer` and returns where synthesis stands, so that edits of
    /// layer `layer` or later can `resume` from it.
    public func state(before layer: Int, styles: StyleCodes, noise: NoiseMode = .const,
                      noiseSeed: UInt32 = 0) throws -> SynthesisState {
        try checkStyles(styles)
        guard layer >= 0, layer <= layout.layers.count else { throw EngineError("no style layer \(layer)") }
        var state = SynthesisState()
        synthesisNetwork.run(&state, styles: styles, layers: 0..<layer, noise: noise, noiseSeed: noiseSeed)
        return state
    }

    /// Continues synthesis from `state` with `styles` (layers before `state.nextLayer` are not
    /// recomputed, so their styles are ignored).
    public func resume(from state: SynthesisState, styles: StyleCodes, noise: NoiseMode = .const,
                       noiseSeed: UInt32 = 0, upTo: Int? = nil) throws -> Tensor {
        try checkStyles(styles)
        let last = try lastLayer(upTo: upTo)
        var state = state
        synthesisNetwork.run(&state, styles: styles, layers: state.nextLayer..<(last + 1), noise: noise,
                             noiseSeed: noiseSeed)
        guard let image = state.image else { throw EngineError("synthesis produced no image") }
        defer { synthesisNetwork.recycle(&state) }
        return image.nchw
    }

    /// Index of the last style layer to run for an image at resolution `upTo`.
    func lastLayer(upTo: Int?) throws -> Int {
        guard let r = upTo, r != config.resolution else { return layout.layers.count - 1 }
        guard config.architecture == .skip else {
            throw EngineError("partial synthesis needs the skip architecture (this network is \(config.architecture.rawValue))")
        }
        guard let l = layout.layers.lastIndex(where: { $0.kind == .torgb && $0.resolution == r }) else {
            throw EngineError("\(r) is not a block resolution of this network (\(config.blockResolutions.map(String.init).joined(separator: ", ")))")
        }
        return l
    }
}
