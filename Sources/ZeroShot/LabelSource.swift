import StyleGAN

/// Where the labels of a network's samples come from.
public enum LabelSource: Sendable {
    /// A user's CSV (`LabelTable`) for this network's seeds; `file` names it in descriptions.
    case table(LabelTable, attribute: String, file: String)
    /// The value of one StyleSpace channel, s[layer][channel], as this network's affine gives it.
    case channel(StyleChannel)
    /// The projection ⟨w, d⟩ / ‖d‖ of the sample's w (ws row 0) on a W direction d. A property of
    /// the latent alone: every network gives the same labels.
    case direction([Float], name: String)
    /// A built-in measurement of this network's image.
    case measure(ImageMeasure)

    /// True when the labels can be computed for any network (everything but a user's table).
    public var isComputable: Bool {
        if case .table = self { return false }
        return true
    }

    var needsImages: Bool {
        if case .measure = self { return true }
        return false
    }

    var needsStyles: Bool {
        if case .channel = self { return true }
        return false
    }

    /// How the labels are described in a saved model and in reports.
    public var description: LabelDescription {
        switch self {
        case let .table(_, attribute, file): LabelDescription(source: "csv", detail: "\(file) [\(attribute)]")
        case .channel(let c): LabelDescription(source: "channel", detail: c.description)
        case let .direction(_, name): LabelDescription(source: "direction", detail: name)
        case .measure(let m): LabelDescription(source: "measure", detail: m.description)
        }
    }

    /// Checks that the source fits network `g` before anything is rendered.
    public func check(_ g: Generator) throws {
        switch self {
        case .channel(let c): _ = try g.layout.layer(for: c)
        case let .direction(d, name):
            guard d.count == g.config.wDim else {
                throw ZeroShotError("direction \(name) has \(d.count) values, this network's w has \(g.config.wDim)")
            }
            guard d.contains(where: { $0 != 0 }), d.allSatisfy(\.isFinite) else {
                throw ZeroShotError("direction \(name) is zero or not finite")
            }
        case .table, .measure: break
        }
    }

    /// The label values of one batch: `ws` [N, numWs, wDim] of `seeds`, with this network's
    /// StyleSpace codes and images where the source needs them.
    func values(seeds: [UInt32], ws: Tensor, styles: StyleCodes?, images: Tensor?, generator g: Generator) throws -> [Double] {
        switch self {
        case let .table(table, attribute, _):
            return try table.values(of: attribute, seeds: seeds)
        case .channel(let c):
            guard let styles else { throw ZeroShotError("channel labels need StyleSpace codes") }
            let layer = styles.layers[c.layer], dim = layer.shape[1]
            return (0..<seeds.count).map { Double(layer.data[$0 * dim + c.channel]) }
        case let .direction(d, _):
            let wd = g.config.wDim, numWs = g.config.numWs
            let norm = d.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            return (0..<seeds.count).map { s in
                var dot = 0.0
                for i in 0..<wd { dot += Double(ws.data[s * numWs * wd + i]) * Double(d[i]) }
                return dot / norm
            }
        case .measure(let m):
            guard let images else { throw ZeroShotError("measure labels need images") }
            return try m.values(images: images)
        }
    }
}

/// A label source as recorded in a saved model and shown in reports.
public struct LabelDescription: Codable, Equatable, Sendable, CustomStringConvertible {
    /// csv, channel, direction or measure.
    public var source: String
    /// The file and attribute, the channel (`12_479`), the direction's name or the measure (`brightness:whole`).
    public var detail: String

    public init(source: String, detail: String) {
        self.source = source
        self.detail = detail
    }

    public var description: String { "\(source) \(detail)" }
}
