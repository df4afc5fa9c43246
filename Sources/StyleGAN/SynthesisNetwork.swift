import Foundation

/// The synthesis network as a sequence of style layers (conv0, conv1, torgb of every block, in
/// forward order). Running it layer by layer over a `SynthesisState` is what lets analyses stop
/// at a resolution (the skip image after that block) or resume after an edit at layer l without
/// recomputing layers before l.
struct SynthesisNetwork {
    enum Step {
        case conv(SynthesisLayer, blockStart: Bool, resnetShortcut: ResnetShortcut?)
        case torgb(ToRGBLayer, upsampleImage: Bool)

    }

    let config: GeneratorConfig
    let layout: StyleSpaceLayout
    let constInput: [Float]        // synthesis.b4.const [C, 4, 4]
    let steps: [Step]              // one per style layer, parallel to layout.layers
    /// Scratch buffers kept between calls.
    let workspaces = WorkspacePool()

    init(config: GeneratorConfig, parameters p: [String: Tensor]) {
        self.config = config
        layout = StyleSpaceLayout(config: config)
        constInput = p["synthesis.b4.const"]!.data
        var steps: [Step] = []
        for layer in layout.layers {
            let r = layer.resolution
            switch layer.kind {
            case .torgb:
                steps.append(.torgb(ToRGBLayer(name: layer.name, parameters: p, clamp: config.convClamp),
                                    upsampleImage: config.architecture == .skip && r > 4))
            case .conv:
                let isConv0 = layer.name.hasSuffix(".conv0")
                let resnet = config.architecture == .resnet && r > 4
                let gain: Float = resnet && !isConv0 ? Float(0.5).squareRoot() : 1
                steps.append(.conv(SynthesisLayer(name: layer.name, parameters: p, resolution: r, up: isConv0,
                                                  gain: gain, clamp: config.convClamp),
                                   blockStart: isConv0,
                                   resnetShortcut: resnet && !isConv0
                                       ? ResnetShortcut(weight: p["synthesis.b\(r).skip.weight"]!) : nil))
            }
        }
        self.steps = steps
    }

    /// Runs style layers `layers` (a range of layout indices) on `state`.
    /// `timed`, when given, receives every layer's wall time and the process's CPU time in seconds.
    func run(_ state: inout SynthesisState, styles: StyleCodes, layers: Range<Int>, noise: NoiseMode,
             noiseSeed: UInt32, timed: ((_ layer: Int, _ wall: Double, _ cpu: Double) -> Void)? = nil) {
        BLASThreads.singleThreaded { workspaces.withWorkspace { workspace in
            for l in layers {
                let wall = Self.seconds(CLOCK_MONOTONIC), cpu = Self.seconds(CLOCK_PROCESS_CPUTIME_ID)
                run(&state, layer: l, styles: styles, noise: noise, noiseSeed: noiseSeed, workspace: workspace)
                timed?(l, Self.seconds(CLOCK_MONOTONIC) - wall, Self.seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu)
            }
        } }
    }

    static func seconds(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    private func run(_ state: inout SynthesisState, layer l: Int, styles: StyleCodes, noise: NoiseMode,
                     noiseSeed: UInt32, workspace: ConvWorkspace) {
        let s = styles.layers[l].data
        let pool = workspace.activations
        switch steps[l] {
        case let .conv(layer, blockStart, shortcut):
            let x = state.x ?? constActivation(batch: styles.batch)
            // Only the resnet shortcut needs the block's input once conv0 has run.
            if blockStart, config.architecture == .resnet { state.blockInput = x }
            var y = layer(x, styles: s, noise: noise, noiseSeed: noiseSeed &+ UInt32(l) &* 7919, workspace: workspace)
            if let shortcut, let input = state.blockInput {
                let skip = shortcut(input)
                for i in 0..<y.data.count { y.data[i] += skip.data[i] }
            }
            if let old = state.x { state.x = nil; pool.recycle(old.data) }
            state.x = y
        case let .torgb(layer, upsampleImage):
            guard let x = state.x else { break }
            let image = layer(x, styles: s, adding: state.image, upsample: upsampleImage, workspace: workspace)
            if let old = state.image { state.image = nil; pool.recycle(old.data) }
            state.image = image
        }
        state.nextLayer = l + 1
    }

    /// Gives the maps of a finished pass back to the pool for the next call.
    func recycle(_ state: inout SynthesisState) {
        for a in [state.x, state.image, state.blockInput].compactMap({ $0 }) { ActivationPool.shared.recycle(a.data) }
        state = SynthesisState()
    }

    func constActivation(batch n: Int) -> Activation {
        let c = config.channels(at: 4)
        var a = Activation(channels: c, batch: n, height: 4, width: 4)
        for ch in 0..<c {
            for s in 0..<n {
                a.data.replaceSubrange(((ch * n + s) * 16)..<((ch * n + s + 1) * 16),
                                       with: constInput[(ch * 16)..<((ch + 1) * 16)])
            }
        }
        return a
    }
}

/// The resnet architecture's shortcut: 1x1 conv (gain 1/√I, no bias) then 2x up-sampling, times √0.5.
struct ResnetShortcut {
    let inChannels: Int, outChannels: Int
    /// [O, I], pre-multiplied by 1/√I · √0.5 (both linear, so the order does not matter).
    let weight: [Float]

    init(weight w: Tensor) {
        outChannels = w.shape[0]; inChannels = w.shape[1]
        let g = Float(1 / Double(inChannels).squareRoot()) * Float(0.5).squareRoot()
        weight = w.data.map { $0 * g }
    }

    /// x: [I, N, H, W] -> [O, N, 2H, 2W]
    func callAsFunction(_ x: Activation) -> Activation {
        var y = Activation(channels: outChannels, batch: x.batch, height: x.height, width: x.width)
        weight.withUnsafeBufferPointer { wp in x.data.withUnsafeBufferPointer { xp in y.data.withUnsafeMutableBufferPointer { yp in
            sgemm(m: outChannels, n: x.columns, k: inChannels, a: wp.baseAddress!, lda: inChannels,
                  b: xp.baseAddress!, ldb: x.columns, c: yp.baseAddress!, ldc: x.columns)
        } } }
        y.data = upsample2x(y.data, planes: outChannels * x.batch, height: x.height, width: x.width)
        y.height *= 2; y.width *= 2
        return y
    }
}

/// Where a synthesis pass stands: after style layer `nextLayer - 1`.
public struct SynthesisState: Sendable {
    /// Feature maps [C, N, H, W] of the last conv, nil before the first.
    var x: Activation?
    /// The skip image so far [imgChannels, N, H, W].
    var image: Activation?
    /// Input of the current block (resnet shortcut).
    var blockInput: Activation?
    /// The next style layer to run.
    public internal(set) var nextLayer = 0
}
