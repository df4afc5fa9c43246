import StyleGAN

/// Renders the seeds of `RenderSettings` with one network, batch by batch.
public struct SeedRenderer: Sendable {
    public let settings: RenderSettings

    public init(settings: RenderSettings) { self.settings = settings }

    /// Number of forward passes one `render` call makes (for progress totals).
    public var batchCount: Int { settings.batches.count }

    /// The network's own ws for the seeds: its mapping and its w_avg. [N, numWs, wDim]
    public func ws(_ g: Generator) throws -> Tensor {
        try settings.check(g.config)
        let z = Tensor.seedLatents(settings.seeds, zDim: g.config.zDim)
        let c = g.config.cDim > 0 ? try g.classLabel(settings.classIndex ?? 0, batch: settings.seeds.count) : nil
        return try g.mapping(z: z, c: c, truncation: settings.truncation)
    }

    /// Images of the seeds through the network's own mapping: [N, C, R, R], R = the settings'
    /// resolution. `step` is called after every batch.
    public func render(_ g: Generator, step: () -> Void = {}) throws -> Tensor {
        try render(g, ws: ws(g), step: step)
    }

    /// Images of given ws [N, numWs, wDim] (e.g. another network's) through this network's
    /// synthesis: [N, C, R, R].
    public func render(_ g: Generator, ws: Tensor, step: () -> Void = {}) throws -> Tensor {
        try settings.check(g.config)
        try g.checkWs(ws)
        guard ws.shape[0] == settings.seeds.count else {
            throw EngineError("\(ws.shape[0]) ws for \(settings.seeds.count) seeds")
        }
        var parts: [Tensor] = []
        for batch in settings.batches {
            parts.append(try g.synthesis(ws: ws.slice(batch), noise: settings.noise, noiseSeed: settings.noiseSeed,
                                         upTo: settings.resolution))
            step()
        }
        return Tensor.concatenate(parts)
    }
}
