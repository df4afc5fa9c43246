import StyleGAN

/// One line of the side-by-side architecture table: a property and its value in each network.
public struct ArchitectureRow: Equatable, Sendable {
    public let property: String
    public let parent: String
    public let child: String
    public var differs: Bool { parent != child }

    public init(property: String, parent: String, child: String) {
        self.property = property
        self.parent = parent
        self.child = child
    }

    /// The properties of a generator that the report lists, in display order.
    static func describe(_ g: Generator) -> [(String, String)] {
        let c = g.config
        let specs = c.parameterSpecs
        let values = specs.reduce(0) { $0 + $1.shape.reduce(1, *) }
        return [
            ("resolution", "\(c.resolution) × \(c.resolution), \(c.imgChannels) channels"),
            ("synthesis architecture", c.architecture.rawValue),
            ("channels per block", c.blockResolutions.map { "\($0): \(c.channels(at: $0))" }.joined(separator: ", ")),
            ("channel_base / channel_max", "\(c.channelBase) / \(c.channelMax)"),
            ("z_dim / w_dim / c_dim", "\(c.zDim) / \(c.wDim) / \(c.cDim)"),
            ("mapping layers", "\(c.mappingLayers) (lr multiplier \(c.mappingLrMultiplier))"),
            ("ws (num_ws)", "\(c.numWs)"),
            ("style layers", "\(g.layout.layers.count) (\(g.layout.convLayers.count) conv + \(g.layout.layers.count - g.layout.convLayers.count) torgb)"),
            ("StyleSpace channels", "\(g.layout.totalDimension)"),
            ("conv_clamp", c.convClamp.map { "\($0)" } ?? "none"),
            ("fp16 blocks (recorded; computed in fp32)", "\(c.numFP16Res)"),
            ("tensors / values", "\(specs.count) / \(values)"),
        ]
    }
}
