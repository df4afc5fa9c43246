import Foundation

/// conv0 / conv1 of a synthesis block: modulated 3x3 conv (optionally up-sampling 2x with the
/// [1,3,3,1] filter), demodulation, noise, bias, leaky ReLU with gain, clamp.
///
/// Computed in NVIDIA's non-fused form, which is the same linear map as the fused one: scale the
/// input channels by the style, convolve with the shared unmodulated weight (one GEMM for the
/// whole batch), scale each output channel by its demodulation coefficient.
struct SynthesisLayer {
    let name: String
    let inChannels: Int, outChannels: Int
    /// Output resolution.
    let resolution: Int
    let up: Bool
    /// up == false: [O, I·9], the weight as stored (a correlation kernel).
    /// up == true:  [4·O, I·9], four sub-pixel kernels, phase (py, px) at rows (py·2+px)·O.
    let gemmWeight: [Float]
    /// [I, O]: Σ_ab weight[o,i,a,b]², for the demodulation coefficients.
    let weightSquares: [Float]
    let bias: [Float]
    let noiseStrength: Float
    /// [R, R]
    let noiseConst: [Float]
    /// Extra gain of this layer (√0.5 for conv1 of resnet blocks, else 1).
    let gain: Float
    let clamp: Float?

    init(name: String, parameters p: [String: Tensor], resolution: Int, up: Bool, gain: Float, clamp: Float?) {
        let w = p["\(name).weight"]!
        self.name = name
        outChannels = w.shape[0]; inChannels = w.shape[1]
        self.resolution = resolution; self.up = up; self.gain = gain
        self.clamp = clamp.map { $0 * gain }
        gemmWeight = up ? Self.subPixelKernels(w) : w.data
        var squares = [Float](repeating: 0, count: inChannels * outChannels)
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                var acc: Float = 0
                for t in 0..<9 { let v = w.data[(o * inChannels + i) * 9 + t]; acc += v * v }
                squares[i * outChannels + o] = acc
            }
        }
        weightSquares = squares
        bias = p["\(name).bias"]!.data
        noiseStrength = p["\(name).noise_strength"]!.data[0]
        noiseConst = p["\(name).noise_const"]!.data
    }

    /// weight: [O, I, 3, 3] -> [4, O, I, 3, 3] flattened.
    /// Zero-stuffing, the [1,3,3,1]/4-per-axis FIR (gain 4) and the true 3x3 convolution combine
    /// into one 6x6 kernel c[d] = Σ_{t+k=d} w[2-t]·f[k] on the stuffed grid. An output pixel of
    /// phase φ only meets the non-zero (even) samples, i.e. taps d = 2a+1-φ for a = 0, 1, 2: a 3x3
    /// correlation with pad 1 on the low-resolution input. No zero-stuffed tensor, no blur pass.
    static func subPixelKernels(_ w: Tensor) -> [Float] {
        let o = w.shape[0], i = w.shape[1]
        let f: [Float] = [0.25, 0.75, 0.75, 0.25]
        var out = [Float](repeating: 0, count: 4 * o * i * 9)
        for oi in 0..<(o * i) {
            let k = oi * 9
            var c = [Float](repeating: 0, count: 36)      // 6x6 combined kernel
            for ty in 0..<3 { for tx in 0..<3 {
                let wv = w.data[k + (2 - ty) * 3 + (2 - tx)]
                for ky in 0..<4 { for kx in 0..<4 { c[(ty + ky) * 6 + tx + kx] += wv * f[ky] * f[kx] } }
            } }
            for py in 0..<2 { for px in 0..<2 {
                let dst = ((py * 2 + px) * o * i + oi) * 9
                for a in 0..<3 { for b in 0..<3 { out[dst + a * 3 + b] = c[(2 * a + 1 - py) * 6 + 2 * b + 1 - px] } }
            } }
        }
        return out
    }

    /// styles: [N, I] -> d: [N, O] = 1/sqrt(Σ_i s² · Σ_ab w² + 1e-8)
    func demodulation(_ styles: [Float], batch n: Int) -> [Float] {
        let sq = styles.map { $0 * $0 }
        var d = [Float](repeating: 0, count: n * outChannels)
        sq.withUnsafeBufferPointer { sp in weightSquares.withUnsafeBufferPointer { wp in d.withUnsafeMutableBufferPointer { dp in
            sgemm(m: n, n: outChannels, k: inChannels, a: sp.baseAddress!, lda: inChannels,
                  b: wp.baseAddress!, ldb: outChannels, c: dp.baseAddress!, ldc: outChannels)
        } } }
        return d.map { 1 / ($0 + 1e-8).squareRoot() }
    }

    /// The noise added to the output maps (already times noise_strength): one [R·R] map shared by
    /// the batch for `const`, [N, R·R] for `random`, nil for `none`.
    func noiseMaps(_ mode: NoiseMode, batch n: Int, seed: UInt32) -> NoiseInput? {
        switch mode {
        case .none: return nil
        case .const: return NoiseInput(values: noiseConst.map { $0 * noiseStrength }, sampleStride: 0)
        case .random:
            var rng = NumpyRandomState(seed: seed)
            let plane = resolution * resolution
            return NoiseInput(values: rng.randn(n * plane).map { Float($0) * noiseStrength }, sampleStride: plane)
        }
    }

    /// x: [I, N, H, W], styles: [N, I] -> [O, N, R, R] with R = H (or 2H when up-sampling).
    func callAsFunction(_ x: Activation, styles: [Float], noise: NoiseMode, noiseSeed: UInt32,
                        workspace: inout [Float]) -> Activation {
        let n = x.batch
        let d = demodulation(styles, batch: n)
        let noiseMap = noiseMaps(noise, batch: n, seed: noiseSeed)
        var y = Activation(channels: outChannels, batch: n, height: resolution, width: resolution)
        let k = inChannels * 9, rows = up ? 4 * outChannels : outChannels
        let total = x.columns
        let tile = ConvTiling.columns(k: k, rows: rows, total: total)
        let needed = k * tile + (up ? rows * tile : 0)
        if workspace.count < needed { workspace = [Float](repeating: 0, count: needed) }
        let epilogue = ConvEpilogue(outChannels: outChannels, batch: n, resolution: resolution, demod: d,
                                    noise: noiseMap, bias: bias, gain: Float(2).squareRoot() * gain, clamp: clamp)
        x.data.withUnsafeBufferPointer { xp in styles.withUnsafeBufferPointer { sp in
        gemmWeight.withUnsafeBufferPointer { wp in workspace.withUnsafeMutableBufferPointer { ws in
        y.data.withUnsafeMutableBufferPointer { yp in
            let cols = ws.baseAddress!, phases = ws.baseAddress! + k * tile
            var j0 = 0
            while j0 < total {
                let range = j0..<min(total, j0 + tile)
                im2col3x3(x: xp.baseAddress!, channels: inChannels, batch: n, height: x.height, width: x.width,
                          scale: sp.baseAddress!, range: range, out: cols)
                if up {
                    // [4·O, I·9] x [I·9, tile] -> four phase images, scattered by the epilogue.
                    sgemm(m: rows, n: range.count, k: k, a: wp.baseAddress!, lda: k, b: cols, ldb: range.count,
                          c: phases, ldc: range.count)
                    epilogue.scatterPhases(phases, lowRes: x.height, range: range, into: yp.baseAddress!)
                } else {
                    sgemm(m: rows, n: range.count, k: k, a: wp.baseAddress!, lda: k, b: cols, ldb: range.count,
                          c: yp.baseAddress! + range.lowerBound, ldc: total)
                    epilogue.applyInPlace(yp.baseAddress!, range: range)
                }
                j0 = range.upperBound
            }
        } } } } }
        return y
    }
}

/// How many GEMM columns one im2col tile holds: large enough for an efficient GEMM, small
/// enough that the tile stays a few MB (a full 1024 px im2col would need over a GB).
enum ConvTiling {
    static let budgetFloats = 1 << 21   // 8 MiB of im2col (+ phase output) per tile
    static func columns(k: Int, rows: Int, total: Int) -> Int {
        min(total, max(64, budgetFloats / (k + rows)))
    }
}
