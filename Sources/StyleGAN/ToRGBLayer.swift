/// torgb of a synthesis block: a modulated 1x1 conv without demodulation, bias, clamp.
/// Its style is the affine output times 1/√I (NVIDIA's weight_gain); StyleSpace holds the
/// affine output before that factor.
struct ToRGBLayer {
    let inChannels: Int, outChannels: Int
    /// [O, I]
    let weight: [Float]
    let bias: [Float]
    let clamp: Float?

    init(name: String, parameters p: [String: Tensor], clamp: Float?) {
        let w = p["\(name).weight"]!
        outChannels = w.shape[0]; inChannels = w.shape[1]
        weight = w.data
        bias = p["\(name).bias"]!.data
        self.clamp = clamp
    }

    /// x: [I, N, H, W], styles: [N, I] -> [O, N, H, W]
    func callAsFunction(_ x: Activation, styles: [Float]) -> Activation {
        let n = x.batch, plane = x.plane, total = x.columns
        let gain = Float(1 / Double(inChannels).squareRoot())
        var y = Activation(channels: outChannels, batch: n, height: x.height, width: x.width)
        // One small GEMM per sample with that sample's modulated weight W[o,i]·s[n,i]·gain.
        var modulated = [Float](repeating: 0, count: outChannels * inChannels)
        for s in 0..<n {
            for o in 0..<outChannels {
                for i in 0..<inChannels {
                    modulated[o * inChannels + i] = weight[o * inChannels + i] * (styles[s * inChannels + i] * gain)
                }
            }
            modulated.withUnsafeBufferPointer { mp in x.data.withUnsafeBufferPointer { xp in
                y.data.withUnsafeMutableBufferPointer { yp in
                    sgemm(m: outChannels, n: plane, k: inChannels, a: mp.baseAddress!, lda: inChannels,
                          b: xp.baseAddress! + s * plane, ldb: total, c: yp.baseAddress! + s * plane, ldc: total)
                }
            } }
        }
        for o in 0..<outChannels {
            for j in 0..<total {
                var v = y.data[o * total + j] + bias[o]
                if let clamp { v = min(max(v, -clamp), clamp) }
                y.data[o * total + j] = v
            }
        }
        return y
    }
}
