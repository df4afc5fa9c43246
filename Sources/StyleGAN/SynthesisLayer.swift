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
    let kernel: ConvKernel
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
        kernel = up ? .transposedUp(Self.transposedConvOperand(w))
            : WinogradWeights.applies(height: resolution, width: resolution) && resolution >= ConvKernel.winogradFrom
                ? .winograd(WinogradWeights(w)) : .im2col(w.data)
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

    /// weight: [O, I, 3, 3] -> [O, 3, 3, I] flattened (rows o·9 + a·3 + b).
    static func transposedConvOperand(_ w: Tensor) -> [Float] {
        let o = w.shape[0], i = w.shape[1]
        var out = [Float](repeating: 0, count: o * 9 * i)
        for oc in 0..<o { for ic in 0..<i { for t in 0..<9 {
            out[(oc * 9 + t) * i + ic] = w.data[(oc * i + ic) * 9 + t]
        } } }
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

    /// The noise added to the output maps (before the noise strength): one [R·R] map shared by
    /// the batch for `const`, [N, R·R] for `random`, nil for `none`.
    func noiseMaps(_ mode: NoiseMode, batch n: Int, seed: UInt32) -> NoiseInput? {
        switch mode {
        case .none: return nil
        case .const: return NoiseInput(values: noiseConst, sampleStride: 0, strength: noiseStrength)
        case .random:
            var rng = NumpyRandomState(seed: seed)
            let plane = resolution * resolution
            return NoiseInput(values: rng.randn(n * plane).map { Float($0) }, sampleStride: plane, strength: noiseStrength)
        }
    }

    /// x: [I, N, H, W], styles: [N, I] -> [O, N, R, R] with R = H (or 2H when up-sampling).
    func callAsFunction(_ x: Activation, styles: [Float], noise: NoiseMode, noiseSeed: UInt32,
                        workspace: ConvWorkspace) -> Activation {
        let n = x.batch
        let d = demodulation(styles, batch: n)
        var y = Activation(uninitializedChannels: outChannels, batch: n, height: resolution, width: resolution,
                           pool: workspace.activations)
        ConvEpilogue.withEpilogue(outChannels: outChannels, demod: d, bias: bias, noise: noiseMaps(noise, batch: n, seed: noiseSeed),
                                  gain: Float(2).squareRoot() * gain, clamp: clamp) { epilogue in
            x.data.withUnsafeBufferPointer { xp in styles.withUnsafeBufferPointer { sp in
            y.data.withUnsafeMutableBufferPointer { yp in
                let op = ConvOperands(x: xp.baseAddress!, inChannels: inChannels, batch: n, height: x.height,
                                      width: x.width, styles: sp.baseAddress!, outChannels: outChannels,
                                      y: yp.baseAddress!, epilogue: epilogue)
                switch kernel {
                case let .transposedUp(weight):
                    weight.withUnsafeBufferPointer { transposedUpConv3x3(op, weight: $0.baseAddress!, workspace: workspace) }
                case let .winograd(weights):
                    weights.u.withUnsafeBufferPointer { winogradConv3x3(op, u: $0.baseAddress!, workspace: workspace) }
                case let .im2col(weight):
                    weight.withUnsafeBufferPointer { im2colConv3x3(op, weight: $0.baseAddress!, workspace: workspace) }
                }
            } } }
        }
        return y
    }
}

/// How a synthesis conv computes its 3x3 convolution, with the weight laid out for that method.
enum ConvKernel {
    /// conv0: stride-2 transposed conv + FIR. [O·9, I], row o·9 + a·3 + b holding weight[o, :, a, b]
    /// (NVIDIA convolves with the unflipped kernel when up-sampling).
    case transposedUp([Float])
    /// conv1 on maps of at least `winogradFrom` pixels: Winograd F(2x2, 3x3).
    case winograd(WinogradWeights)
    /// conv1 on small maps: im2col + GEMM. [O, I·9], the weight as stored (a correlation kernel).
    case im2col([Float])

    /// Winograd from 16 px: the smallest maps it applies to (rows of at least eight tiles), and
    /// already faster there (512-channel conv1 at 16 px, batch 1: 11 ms CPU against 15 ms for
    /// im2col; at 32 px 30 against 61).
    static let winogradFrom = 16
}
