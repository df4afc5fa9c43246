/// z (and c) -> ws: normalisation, optional label embedding, `mappingLayers` lrelu dense layers,
/// broadcast to num_ws rows, truncation toward w_avg.
struct MappingNetwork {
    let config: GeneratorConfig
    let embed: DenseLayer?                 // mapping.embed
    let layers: [DenseLayer]               // mapping.fc{i}
    let wAvg: [Float]                      // mapping.w_avg

    init(config: GeneratorConfig, parameters p: [String: Tensor]) {
        self.config = config
        embed = config.cDim > 0
            ? DenseLayer(weight: p["mapping.embed.weight"]!, bias: p["mapping.embed.bias"]!, lrMultiplier: 1, lrelu: false)
            : nil
        layers = (0..<config.mappingLayers).map {
            DenseLayer(weight: p["mapping.fc\($0).weight"]!, bias: p["mapping.fc\($0).bias"]!,
                       lrMultiplier: config.mappingLrMultiplier, lrelu: true)
        }
        wAvg = p["mapping.w_avg"]!.data
    }

    /// x: [N, D] -> x · rsqrt(mean(x²) + 1e-8) per row.
    static func normalize2ndMoment(_ x: [Float], batch n: Int) -> [Float] {
        let d = x.count / max(1, n)
        var y = x
        for s in 0..<n {
            var sum: Float = 0
            for i in 0..<d { sum += x[s * d + i] * x[s * d + i] }
            let scale = 1 / (sum / Float(d) + 1e-8).squareRoot()
            for i in 0..<d { y[s * d + i] *= scale }
        }
        return y
    }

    /// z: [N, zDim], c: [N, cDim] -> [N, numWs, wDim]
    func callAsFunction(z: Tensor, c: Tensor?, truncation: Truncation) -> Tensor {
        let n = z.shape[0]
        var x = Self.normalize2ndMoment(z.data, batch: n)
        if let embed, let c {
            let y = Self.normalize2ndMoment(embed(c.data, batch: n), batch: n)
            var cat: [Float] = []
            cat.reserveCapacity(n * (config.zDim + embed.outFeatures))
            for s in 0..<n {
                cat += x[(s * config.zDim)..<((s + 1) * config.zDim)]
                cat += y[(s * embed.outFeatures)..<((s + 1) * embed.outFeatures)]
            }
            x = cat
        }
        for layer in layers { x = layer(x, batch: n) }
        let wd = config.wDim, numWs = config.numWs
        var ws = [Float](repeating: 0, count: n * numWs * wd)
        let cutoff = min(truncation.cutoff ?? numWs, numWs)
        for s in 0..<n {
            for k in 0..<numWs {
                for i in 0..<wd {
                    var v = x[s * wd + i]
                    if truncation.psi != 1, k < cutoff { v = wAvg[i] + truncation.psi * (v - wAvg[i]) }
                    ws[(s * numWs + k) * wd + i] = v
                }
            }
        }
        return Tensor(shape: [n, numWs, wd], data: ws)
    }
}
