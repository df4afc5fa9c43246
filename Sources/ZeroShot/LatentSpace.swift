import StyleGAN

/// Where a latent model lives, written `w`, `wplus:A-B` or `s`.
///
/// * `w`: the mapping output, row 0 of ws ([w_dim] features).
/// * `wplus:A-B`: rows A…B of ws. A classifier sees them concatenated ((B−A+1)·w_dim features);
///   the paper's regressor uses one W hyperplane and averages the signed distance over the
///   rows, which (the distance being affine) is the distance of the rows' mean.
/// * `s`: the flat StyleSpace vector, every style layer (torgb included) in layout order.
///
/// Features are always computed by the network being scored: W and W+ are the ws themselves,
/// S is that network's affine layers applied to them.
public enum LatentSpace: Hashable, Sendable, CustomStringConvertible, Codable {
    case w
    case wPlus(ClosedRange<Int>)
    case s

    public init(parsing text: String) throws {
        let t = text.lowercased()
        if t == "w" { self = .w; return }
        if t == "s" { self = .s; return }
        if t.hasPrefix("wplus:") {
            let bounds = t.dropFirst("wplus:".count).split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 2, let a = Int(bounds[0]), let b = Int(bounds[1]), a >= 0, a <= b {
                self = .wPlus(a...b); return
            }
            if bounds.count == 1, let a = Int(bounds[0]), a >= 0 { self = .wPlus(a...a); return }
        }
        throw ZeroShotError("unknown latent space '\(text)': use w, wplus:A-B (rows of ws, e.g. wplus:0-3) or s")
    }

    public var description: String {
        switch self {
        case .w: "w"
        case .wPlus(let rows): "wplus:\(rows.lowerBound)-\(rows.upperBound)"
        case .s: "s"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LatentSpace(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Throws when the network has too few ws rows for this space.
    public func check(_ config: GeneratorConfig) throws {
        if case .wPlus(let rows) = self, rows.upperBound >= config.numWs {
            throw ZeroShotError("\(self) needs ws rows up to \(rows.upperBound), this network has rows 0-\(config.numWs - 1)")
        }
    }

    /// Number of features for `task` on a network with this layout.
    public func dimension(_ g: Generator, task: LatentTask) -> Int {
        switch self {
        case .w: g.config.wDim
        case .wPlus(let rows): task == .regress ? g.config.wDim : rows.count * g.config.wDim
        case .s: g.layout.totalDimension
        }
    }

    /// ws: [N, numWs, wDim] -> the features of `task` in this space, as computed by `g`.
    public func features(ws: Tensor, generator g: Generator, task: LatentTask) throws -> FeatureMatrix {
        try g.checkWs(ws)
        try check(g.config)
        let n = ws.shape[0], numWs = g.config.numWs, wd = g.config.wDim
        switch self {
        case .w:
            return try rows(ws, n: n, numWs: numWs, wd: wd, 0...0)
        case .wPlus(let range) where task == .regress:
            let stacked = try rows(ws, n: n, numWs: numWs, wd: wd, range)
            var mean = [Float](repeating: 0, count: n * wd)
            for s in 0..<n {
                for k in 0..<range.count {
                    for i in 0..<wd { mean[s * wd + i] += stacked.values[(s * range.count + k) * wd + i] }
                }
                for i in 0..<wd { mean[s * wd + i] /= Float(range.count) }
            }
            return try FeatureMatrix(rows: n, columns: wd, values: mean)
        case .wPlus(let range):
            return try rows(ws, n: n, numWs: numWs, wd: wd, range)
        case .s:
            let flat = try g.styles(ws: ws).flattened
            return try FeatureMatrix(rows: n, columns: flat.shape[1], values: flat.data)
        }
    }

    private func rows(_ ws: Tensor, n: Int, numWs: Int, wd: Int, _ range: ClosedRange<Int>) throws -> FeatureMatrix {
        var out = [Float]()
        out.reserveCapacity(n * range.count * wd)
        for s in 0..<n {
            out += ws.data[((s * numWs + range.lowerBound) * wd)..<((s * numWs + range.upperBound + 1) * wd)]
        }
        return try FeatureMatrix(rows: n, columns: range.count * wd, values: out)
    }
}

/// What a latent model predicts.
public enum LatentTask: String, Codable, Sendable, CaseIterable {
    /// A binary attribute: logistic regression, decision threshold 0.
    case classify
    /// A continuous attribute: y ≈ a · (signed distance to the attribute hyperplane) + c.
    case regress
}
