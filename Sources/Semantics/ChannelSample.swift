import StyleGAN

/// Which StyleSpace channels an alignment analysis measures: up to `perLayer` channels of every
/// chosen style layer, all of them when the layer has no more, otherwise a seeded random subset
/// (the same for every run with the same seed), in increasing channel order.
public struct ChannelSample: Equatable, Sendable {
    public var perLayer: Int
    /// Also measure torgb layers (colour-only channels; StyleSpace's analyses skip them).
    public var includeToRGB: Bool
    public var seed: UInt64

    public init(perLayer: Int, includeToRGB: Bool = false, seed: UInt64 = 0) {
        self.perLayer = perLayer
        self.includeToRGB = includeToRGB
        self.seed = seed
    }

    public func layers(of layout: StyleSpaceLayout) -> [StyleLayer] {
        layout.layers.filter { includeToRGB || $0.kind == .conv }
    }

    public func channels(of layout: StyleSpaceLayout) -> [StyleChannel] {
        var rng = SplitMix64(seed: seed)
        var out: [StyleChannel] = []
        for layer in layers(of: layout) {
            var order = Array(0..<layer.dimension)
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            out += order.prefix(perLayer).sorted().map { StyleChannel(layer: layer.index, channel: $0) }
        }
        return out
    }
}
