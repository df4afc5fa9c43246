import Foundation

/// The whole generator written with `ReferenceOps` in NCHW, following reference §1.11 step by
/// step (fused modulated convs, explicit FIR up-sampling). The parity baseline for `Generator`.
public struct ReferenceGenerator {
    public let config: GeneratorConfig
    let p: [String: Tensor]
    /// F = outer([1,3,3,1], [1,3,3,1]) / 64
    static let filter: Tensor = {
        let k: [Float] = [1, 3, 3, 1]
        return Tensor(shape: [4, 4], data: k.flatMap { a in k.map { a * $0 / 64 } })
    }()

    public init(config: GeneratorConfig, parameters: [String: Tensor]) throws {
        try config.validate()
        try config.check(parameters: parameters)
        self.config = config
        self.p = parameters
    }

    /// z: [N, zDim], c: [N, cDim] -> ws [N, numWs, wDim]
    public func mapping(z: Tensor, c: Tensor? = nil, truncation: Truncation = .none) -> Tensor {
        let lr = config.mappingLrMultiplier
        var x = ReferenceOps.normalize2ndMoment(z)
        if config.cDim > 0, let c {
            let wt = p["mapping.embed.weight"]!
            var y = ReferenceOps.fullyConnected(c, weight: wt, bias: p["mapping.embed.bias"]!,
                                                weightGain: 1 / Float(wt.shape[1]).squareRoot(), biasGain: 1, lrelu: false)
            y = ReferenceOps.normalize2ndMoment(y)
            let n = x.shape[0], a = x.shape[1], b = y.shape[1]
            var cat = Tensor(zeros: [n, a + b])
            for s in 0..<n {
                for i in 0..<a { cat.data[s * (a + b) + i] = x.data[s * a + i] }
                for i in 0..<b { cat.data[s * (a + b) + a + i] = y.data[s * b + i] }
            }
            x = cat
        }
        for i in 0..<config.mappingLayers {
            let wt = p["mapping.fc\(i).weight"]!
            x = ReferenceOps.fullyConnected(x, weight: wt, bias: p["mapping.fc\(i).bias"]!,
                                            weightGain: lr / Float(wt.shape[1]).squareRoot(), biasGain: lr, lrelu: true)
        }
        let n = x.shape[0], wd = config.wDim, numWs = config.numWs
        var ws = Tensor(zeros: [n, numWs, wd])
        let avg = p["mapping.w_avg"]!
        let cutoff = truncation.cutoff ?? numWs
        for s in 0..<n {
            for k in 0..<numWs {
                for i in 0..<wd {
                    var v = x.data[s * wd + i]
                    if truncation.psi != 1, k < cutoff { v = avg.data[i] + truncation.psi * (v - avg.data[i]) }
                    ws.data[(s * numWs + k) * wd + i] = v
                }
            }
        }
        return ws
    }

    func w(_ ws: Tensor, _ index: Int) -> Tensor {
        let n = ws.shape[0], numWs = ws.shape[1], wd = ws.shape[2]
        var out = Tensor(zeros: [n, wd])
        for s in 0..<n { for i in 0..<wd { out.data[s * wd + i] = ws.data[(s * numWs + index) * wd + i] } }
        return out
    }

    func affine(_ name: String, _ w: Tensor) -> Tensor {
        let wt = p["\(name).affine.weight"]!
        return ReferenceOps.fullyConnected(w, weight: wt, bias: p["\(name).affine.bias"]!,
                                           weightGain: 1 / Float(wt.shape[1]).squareRoot(), biasGain: 1, lrelu: false)
    }

    func layer(_ name: String, _ x: Tensor, _ s: Tensor, up: Int, noise: NoiseMode, gain: Float = 1) -> Tensor {
        var y = ReferenceOps.modulatedConv2d(x, weight: p["\(name).weight"]!, styles: s, demodulate: true,
                                             up: up, filter: Self.filter)
        if noise == .const {
            let nc = p["\(name).noise_const"]!, strength = p["\(name).noise_strength"]!.data[0]
            let plane = nc.count
            for idx in 0..<y.count { y.data[idx] += nc.data[idx % plane] * strength }
        }
        return ReferenceOps.biasAct(y, bias: p["\(name).bias"]!, lrelu: true, gain: Float(2).squareRoot() * gain,
                                    clamp: config.convClamp.map { $0 * gain })
    }

    func torgb(_ name: String, _ x: Tensor, _ s: Tensor) -> Tensor {
        let inC = x.shape[1]
        var st = s
        for i in 0..<st.count { st.data[i] *= 1 / Float(inC).squareRoot() }
        let y = ReferenceOps.modulatedConv2d(x, weight: p["\(name).weight"]!, styles: st, demodulate: false,
                                             up: 1, filter: Self.filter)
        return ReferenceOps.biasAct(y, bias: p["\(name).bias"]!, lrelu: false, gain: 1, clamp: config.convClamp)
    }

    /// StyleSpace codes, one [N, dim] per style layer in forward order.
    public func styles(ws: Tensor) -> [Tensor] {
        StyleSpaceLayout(config: config).layers.map { affine($0.name, w(ws, $0.wIndex)) }
    }

    /// ws: [N, numWs, wDim] -> image [N, imgChannels, R, R]. Noise modes `const` and `none`.
    public func synthesis(ws: Tensor, noise: NoiseMode) -> Tensor {
        synthesis(styles: styles(ws: ws), noise: noise)
    }

    /// Synthesis with every affine output replaced by the given StyleSpace codes.
    public func synthesis(styles: [Tensor], noise: NoiseMode) -> Tensor {
        precondition(noise != .random, "the reference generator has no random noise")
        let layout = StyleSpaceLayout(config: config)
        var next = 0
        func s() -> Tensor { defer { next += 1 }; return styles[next] }
        let n = styles[0].shape[0]
        var x = Tensor(zeros: [0]), img: Tensor? = nil
        for r in config.blockResolutions {
            let b = "synthesis.b\(r)"
            if r == 4 {
                let c = p["\(b).const"]!
                x = Tensor.concatenate(Array(repeating: c.reshaped([1] + c.shape), count: n))
                x = layer("\(b).conv1", x, s(), up: 1, noise: noise)
            } else if config.architecture == .resnet {
                var skip = ReferenceOps.correlate(x, weight: scaled(p["\(b).skip.weight"]!, by: 1 / Float(x.shape[1]).squareRoot()), padding: 0)
                skip = ReferenceOps.upfirdn2d(skip, filter: Self.filter, up: 2, pad: (2, 1, 2, 1), gain: 4)
                skip = ReferenceOps.biasAct(skip, bias: nil, lrelu: false, gain: Float(0.5).squareRoot(), clamp: nil)
                x = layer("\(b).conv0", x, s(), up: 2, noise: noise)
                x = layer("\(b).conv1", x, s(), up: 1, noise: noise, gain: Float(0.5).squareRoot())
                for i in 0..<x.count { x.data[i] += skip.data[i] }
            } else {
                x = layer("\(b).conv0", x, s(), up: 2, noise: noise)
                x = layer("\(b).conv1", x, s(), up: 1, noise: noise)
            }
            if config.numToRGB(block: r) == 1 {
                if let prev = img, config.architecture == .skip {
                    img = ReferenceOps.upfirdn2d(prev, filter: Self.filter, up: 2, pad: (2, 1, 2, 1), gain: 4)
                }
                let y = torgb("\(b).torgb", x, s())
                if var acc = img {
                    for i in 0..<acc.count { acc.data[i] += y.data[i] }
                    img = acc
                } else {
                    img = y
                }
            }
        }
        precondition(next == layout.layers.count)
        return img!
    }

    func scaled(_ t: Tensor, by g: Float) -> Tensor { Tensor(shape: t.shape, data: t.data.map { $0 * g }) }
}
