/// One style ("A") layer of the synthesis network: a conv or torgb layer whose affine output is
/// its StyleSpace code.
public struct StyleLayer: Equatable, Sendable {
    public enum Kind: String, Sendable { case conv, torgb }
    /// Position in the papers' numbering (counts torgb layers): the `6` of `6_501`.
    public let index: Int
    /// NVIDIA module name, e.g. `synthesis.b16.conv1`.
    public let name: String
    public let kind: Kind
    /// Block resolution.
    public let resolution: Int
    /// Which row of ws feeds this layer's affine.
    public let wIndex: Int
    /// Number of channels (the layer's input channel count).
    public let dimension: Int
    /// Start of this layer in the flat S vector (all layers concatenated).
    public let offset: Int
}

/// The StyleSpace of an architecture: every style layer in forward order (reference §2.2).
public struct StyleSpaceLayout: Equatable, Sendable {
    public let layers: [StyleLayer]

    public init(config: GeneratorConfig) {
        var layers: [StyleLayer] = []
        var wIndex = 0, offset = 0
        func add(_ name: String, _ kind: StyleLayer.Kind, _ r: Int, _ w: Int, _ dim: Int) {
            layers.append(StyleLayer(index: layers.count, name: name, kind: kind, resolution: r,
                                     wIndex: w, dimension: dim, offset: offset))
            offset += dim
        }
        for r in config.blockResolutions {
            let b = "synthesis.b\(r)"
            if r == 4 {
                add("\(b).conv1", .conv, r, wIndex, config.channels(at: 4))
            } else {
                add("\(b).conv0", .conv, r, wIndex, config.channels(at: r / 2))
                add("\(b).conv1", .conv, r, wIndex + 1, config.channels(at: r))
            }
            let numConv = config.numConv(block: r)
            if config.numToRGB(block: r) == 1 {
                add("\(b).torgb", .torgb, r, wIndex + numConv, config.channels(at: r))
            }
            wIndex += numConv
        }
        self.layers = layers
    }

    /// Total number of style channels (9088 for the 1024 config-f generator).
    public var totalDimension: Int { layers.reduce(0) { $0 + $1.dimension } }
    public var convLayers: [StyleLayer] { layers.filter { $0.kind == .conv } }

    /// The layer holding a channel named in the papers' `layer_channel` notation.
    public func layer(for channel: StyleChannel) throws -> StyleLayer {
        guard channel.layer >= 0, channel.layer < layers.count else {
            throw EngineError("style layer \(channel.layer) does not exist: this network has layers 0-\(layers.count - 1)")
        }
        let layer = layers[channel.layer]
        guard channel.channel >= 0, channel.channel < layer.dimension else {
            throw EngineError("style layer \(channel.layer) (\(layer.name)) has channels 0-\(layer.dimension - 1), not \(channel.channel)")
        }
        return layer
    }
}

/// A StyleSpace channel in the papers' numbering, written `layer_channel` (e.g. `6_501`).
public struct StyleChannel: Hashable, Sendable, CustomStringConvertible {
    public let layer: Int
    public let channel: Int
    public init(layer: Int, channel: Int) { self.layer = layer; self.channel = channel }

    public init?(_ text: String) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let l = Int(parts[0]), let c = Int(parts[1]), l >= 0, c >= 0 else { return nil }
        self.init(layer: l, channel: c)
    }

    public var description: String { "\(layer)_\(channel)" }
}

/// StyleSpace codes of a batch: one [N, dimension] tensor per style layer, in layout order.
public struct StyleCodes: Equatable, Sendable {
    public var layers: [Tensor]
    public init(layers: [Tensor]) { self.layers = layers }
    public var batch: Int { layers.first?.shape[0] ?? 0 }

    /// All layers concatenated: [N, totalDimension] (the flat S vector).
    public var flattened: Tensor {
        let n = batch
        let dims = layers.map { $0.shape[1] }
        let total = dims.reduce(0, +)
        var out = Tensor(zeros: [n, total])
        var offset = 0
        for (layer, d) in zip(layers, dims) {
            for s in 0..<n {
                for c in 0..<d { out.data[s * total + offset + c] = layer.data[s * d + c] }
            }
            offset += d
        }
        return out
    }
}
