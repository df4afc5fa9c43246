import StyleGAN

/// A latent edit whose strength is set by a scalar alpha, applied identically to every model.
public struct Control: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// StyleSpace channel: s[l][c] += alpha · sigma[l][c], sigma = the channel's std over
        /// sampled ws (`StyleStatistics`). Only style layer l changes.
        case channel(StyleChannel)
        /// W direction d (wDim values): ws[:, r] += alpha · d for the ws rows r in `rows` (all
        /// rows when nil). Every style layer fed by one of these rows changes.
        case direction([Float], rows: Range<Int>?)
    }

    /// What the user and the report call it: `6_501`, `pc0`, `smile`, a file name.
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    public var channel: StyleChannel? {
        if case let .channel(c) = kind { return c }
        return nil
    }

    /// Throws unless this control can be applied to networks of `config`.
    public func check(_ config: GeneratorConfig) throws {
        switch kind {
        case let .channel(c):
            _ = try StyleSpaceLayout(config: config).layer(for: c)
        case let .direction(d, rows):
            guard d.count == config.wDim else {
                throw EngineError("direction \(name) has \(d.count) values, this network's w has \(config.wDim)")
            }
            guard d.allSatisfy(\.isFinite) else { throw EngineError("direction \(name) holds NaN or infinite values") }
            if let rows, rows.isEmpty || rows.lowerBound < 0 || rows.upperBound > config.numWs {
                throw EngineError("ws rows \(rows.lowerBound)-\(rows.upperBound - 1) are outside this network's 0-\(config.numWs - 1)")
            }
        }
    }

    /// The first style layer the control changes: synthesis before it is the same with and
    /// without the edit, so an edited pass can resume there.
    public func firstLayer(in layout: StyleSpaceLayout) -> Int {
        switch kind {
        case let .channel(c): return c.layer
        case let .direction(_, rows):
            guard let rows else { return 0 }
            return layout.layers.firstIndex { rows.contains($0.wIndex) } ?? layout.layers.count
        }
    }
}
