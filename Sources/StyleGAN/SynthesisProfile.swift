/// Time of one style layer in a synthesis pass. A conv layer's time includes its epilogue; a
/// torgb layer's includes the up-sampling of the skip image and the sum.
public struct LayerTiming: Sendable {
    public let layer: StyleLayer
    /// conv0 of a block (the up-sampling conv), as opposed to conv1 or torgb.
    public let upsampling: Bool
    /// Wall time.
    public let seconds: Double
    /// CPU time of the whole process over the same span, all threads: on a machine shared with
    /// other work, this says what the layer costs better than the wall time does.
    public let cpuSeconds: Double
}

extension Generator {
    /// Synthesis as `synthesis(ws:noise:noiseSeed:)`, timing every style layer: where the time goes.
    public func profiledSynthesis(ws: Tensor, noise: NoiseMode = .const,
                                  noiseSeed: UInt32 = 0) throws -> (image: Tensor, timings: [LayerTiming]) {
        let styles = try styles(ws: ws)
        var state = SynthesisState()
        var timings: [LayerTiming] = []
        synthesisNetwork.run(&state, styles: styles, layers: 0..<layout.layers.count, noise: noise,
                             noiseSeed: noiseSeed) { l, wall, cpu in
            let layer = self.layout.layers[l]
            timings.append(LayerTiming(layer: layer, upsampling: layer.name.hasSuffix(".conv0"), seconds: wall,
                                       cpuSeconds: cpu))
        }
        guard let image = state.image else { throw EngineError("synthesis produced no image") }
        defer { synthesisNetwork.recycle(&state) }
        return (image.nchw, timings)
    }
}
