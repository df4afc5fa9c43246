import StyleGAN

/// GANSpace's unsupervised W directions: principal components of sampled w vectors.
///
/// With x_i the sampled w (ws row 0; sampled without truncation by default, so every row is the
/// same w) and m their mean, C = Σ (x_i − m)(x_i − m)ᵀ / (N − 1). Its eigenvectors u_k, in order
/// of decreasing eigenvalue λ_k, are the principal directions; λ_k / trace(C) is the fraction of
/// W's variance along u_k. An edit along component k moves w by alpha · √λ_k · u_k, so alpha
/// counts standard deviations of W along u_k. The sign of each u_k is fixed so that its largest
/// coordinate (in absolute value) is positive.
public struct PrincipalDirections: Codable, Equatable, Sendable {
    public var sampling: LatentSampling
    public var mean: [Float]
    /// All eigenvalues λ_k of C, decreasing.
    public var variances: [Double]
    /// The first `components.count` unit eigenvectors u_k, each wDim long.
    public var components: [[Float]]

    public init(sampling: LatentSampling, mean: [Float], variances: [Double], components: [[Float]]) {
        self.sampling = sampling
        self.mean = mean
        self.variances = variances
        self.components = components
    }

    /// Samples W through `g`'s mapping and keeps the first `keep` components.
    public init(generator g: Generator, sampling: LatentSampling, keep: Int) throws {
        let d = g.config.wDim, numWs = g.config.numWs
        guard keep >= 1, keep <= d else { throw EngineError("can keep 1-\(d) principal components, not \(keep)") }
        var sum = [Double](repeating: 0, count: d)
        var rows: [Float] = []
        rows.reserveCapacity(sampling.samples * d)
        try sampling.forEachBatch(g) { ws in
            for s in 0..<ws.shape[0] {
                let row = ws.data[(s * numWs * d)..<(s * numWs * d + d)]
                rows += row
                for (i, v) in row.enumerated() { sum[i] += Double(v) }
            }
        }
        let n = sampling.samples
        let mean = sum.map { $0 / Double(n) }
        // Upper triangle of Σ (x − m)(x − m)ᵀ, one sample at a time (contiguous inner loop).
        var cov = [Double](repeating: 0, count: d * d)
        var x = [Double](repeating: 0, count: d)
        for s in 0..<n {
            for i in 0..<d { x[i] = Double(rows[s * d + i]) - mean[i] }
            cov.withUnsafeMutableBufferPointer { cp in x.withUnsafeBufferPointer { xp in
                for i in 0..<d {
                    let xi = xp[i], row = i * d
                    for j in i..<d { cp[row + j] += xi * xp[j] }
                }
            } }
        }
        for i in 0..<d {
            for j in i..<d {
                let c = cov[i * d + j] / Double(n - 1)
                cov[i * d + j] = c; cov[j * d + i] = c
            }
        }
        let eigen = try SymmetricEigen(matrix: cov, size: d)
        let components = eigen.vectors.prefix(keep).map { u -> [Float] in
            let largest = u.indices.max { abs(u[$0]) < abs(u[$1]) } ?? 0
            let sign: Double = u[largest] < 0 ? -1 : 1
            return u.map { Float($0 * sign) }
        }
        self.init(sampling: sampling, mean: mean.map { Float($0) }, variances: eigen.values.map { max($0, 0) },
                  components: Array(components))
    }

    /// λ_k / Σλ: the fraction of W's variance along component k.
    public func explainedVarianceRatio(_ k: Int) -> Double {
        let total = variances.reduce(0, +)
        return total > 0 && k < variances.count ? variances[k] / total : 0
    }

    /// The control that moves ws rows `rows` (all when nil) by alpha · √λ_k · u_k.
    public func control(_ k: Int, rows: Range<Int>? = nil) throws -> Control {
        guard k >= 0, k < components.count else {
            throw EngineError("principal component \(k) is not available (0-\(components.count - 1) were kept)")
        }
        let scale = Float(variances[k].squareRoot())
        return Control(name: "pc\(k)", kind: .direction(components[k].map { $0 * scale }, rows: rows))
    }
}
