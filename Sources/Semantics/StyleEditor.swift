import StyleGAN

/// Applies controls to the latents of one network. Channel edits are scaled by the statistics
/// given here, so passing the parent's statistics to the child's editor applies the identical
/// StyleSpace perturbation to both models.
public struct StyleEditor: Sendable {
    public let generator: Generator
    public let statistics: StyleStatistics?

    /// `statistics` may be nil when only W directions are edited.
    public init(generator: Generator, statistics: StyleStatistics?) throws {
        try statistics?.check(generator.layout)
        self.generator = generator
        self.statistics = statistics
    }

    /// The styles of `ws` [N, numWs, wDim] (whose unedited styles are `base`) after `control`
    /// with strength `alpha`. alpha = 0 adds exact zeros, so it returns `base` unchanged.
    public func styles(ws: Tensor, base: StyleCodes, control: Control, alpha: Float) throws -> StyleCodes {
        try control.check(generator.config)
        switch control.kind {
        case let .channel(c):
            guard let statistics else { throw EngineError("channel \(c) needs StyleSpace statistics") }
            let step = alpha * (try statistics.sigma(c))
            var edited = base
            let d = edited.layers[c.layer].shape[1]
            for s in 0..<edited.batch { edited.layers[c.layer].data[s * d + c.channel] += step }
            return edited
        case let .direction(direction, rows):
            return try generator.styles(ws: Self.move(ws, along: direction, rows: rows, alpha: alpha))
        }
    }

    /// ws [N, numWs, wDim] with alpha · d added to rows `rows` (all when nil).
    static func move(_ ws: Tensor, along d: [Float], rows: Range<Int>?, alpha: Float) -> Tensor {
        var out = ws
        let n = ws.shape[0], numWs = ws.shape[1], wd = ws.shape[2]
        for s in 0..<n {
            for r in rows ?? 0..<numWs {
                let base = (s * numWs + r) * wd
                for i in 0..<wd { out.data[base + i] += alpha * d[i] }
            }
        }
        return out
    }
}
