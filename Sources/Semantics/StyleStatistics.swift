import StyleGAN

/// Per-channel mean and standard deviation (ddof 0, numpy's default) of every StyleSpace
/// channel over sampled ws: StyleSpace's `code_std`, the unit of a channel edit
/// s[l][c] += alpha · std[l][c] (reference §2.4).
public struct StyleStatistics: Codable, Equatable, Sendable {
    public var sampling: LatentSampling
    /// One array per style layer, in layout order.
    public var mean: [[Float]]
    public var std: [[Float]]

    public init(sampling: LatentSampling, mean: [[Float]], std: [[Float]]) {
        self.sampling = sampling
        self.mean = mean
        self.std = std
    }

    /// Samples `sampling.samples` ws and accumulates the moments of every channel in double
    /// precision, merging batches with Chan's update so that no E[x²] − E[x]² cancellation occurs.
    public init(generator g: Generator, sampling: LatentSampling) throws {
        let dims = g.layout.layers.map(\.dimension)
        var count = 0.0
        var mean = dims.map { [Double](repeating: 0, count: $0) }
        var m2 = mean
        try sampling.forEachBatch(g) { ws in
            let styles = try g.styles(ws: ws)
            let n = Double(styles.batch)
            for (l, layer) in styles.layers.enumerated() {
                let d = dims[l]
                var batchMean = [Double](repeating: 0, count: d), squares = batchMean
                for s in 0..<styles.batch {
                    for c in 0..<d { batchMean[c] += Double(layer.data[s * d + c]) }
                }
                for c in 0..<d { batchMean[c] /= n }
                for s in 0..<styles.batch {
                    for c in 0..<d {
                        let x = Double(layer.data[s * d + c]) - batchMean[c]
                        squares[c] += x * x
                    }
                }
                let total = count + n
                for c in 0..<d {
                    let delta = batchMean[c] - mean[l][c]
                    mean[l][c] += delta * n / total
                    m2[l][c] += squares[c] + delta * delta * count * n / total
                }
            }
            count += n
        }
        self.init(sampling: sampling, mean: mean.map { $0.map { Float($0) } },
                  std: m2.map { $0.map { Float(($0 / count).squareRoot()) } })
    }

    /// std[l][c] for a channel of this layout.
    public func sigma(_ channel: StyleChannel) throws -> Float {
        guard channel.layer >= 0, channel.layer < std.count, channel.channel >= 0, channel.channel < std[channel.layer].count else {
            throw EngineError("no StyleSpace channel \(channel) in these statistics")
        }
        return std[channel.layer][channel.channel]
    }

    /// Throws unless these statistics describe `layout` (one entry per channel of every layer).
    public func check(_ layout: StyleSpaceLayout) throws {
        guard std.map(\.count) == layout.layers.map(\.dimension), mean.map(\.count) == std.map(\.count) else {
            throw EngineError("StyleSpace statistics for \(std.count) layers do not fit this network's \(layout.layers.count) style layers")
        }
    }
}
