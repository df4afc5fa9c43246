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

    /// x: [I, N, H, W], styles: [N, I], previous: the skip image so far ([O, N, H/2, W/2] when
    /// `upsample`, else [O, N, H, W]) or nil -> up(previous) + clamp(torgb(x) + bias): [O, N, H, W].
    /// One pass over x per row, with the skip image's up-sampling and sum fused in.
    func callAsFunction(_ x: Activation, styles: [Float], adding previous: Activation?, upsample: Bool,
                        workspace: ConvWorkspace) -> Activation {
        let n = x.batch, h = x.height, w = x.width, total = x.columns
        let gain = Float(1 / Double(inChannels).squareRoot())
        // [N, 4, I]: each sample's modulated weight W[o,i]·(s[n,i]·gain); rows from O to 3 stay zero
        // (images have at most 4 channels), so the kernel always accumulates four channels.
        var modulated = [Float](repeating: 0, count: n * 4 * inChannels)
        for s in 0..<n {
            for o in 0..<outChannels {
                for i in 0..<inChannels {
                    modulated[(s * 4 + o) * inChannels + i] = weight[o * inChannels + i] * (styles[s * inChannels + i] * gain)
                }
            }
        }
        var out = Activation(uninitializedChannels: outChannels, batch: n, height: h, width: w, pool: workspace.activations)
        let clampValue = clamp ?? .infinity
        let rowsPerTask = max(1, 8192 / w)
        let tasks = (n * h + rowsPerTask - 1) / rowsPerTask
        func run(_ prev: UnsafePointer<Float>?) {
            modulated.withUnsafeBufferPointer { mp in bias.withUnsafeBufferPointer { bp in
            x.data.withUnsafeBufferPointer { xp in out.data.withUnsafeMutableBufferPointer { op in
                parallelTasks(tasks, in: workspace) { t, worker in
                    let scratch = workspace.buffer(.rows, worker: worker).reserve(2 * w + 2)
                    for g in (t * rowsPerTask)..<min(n * h, (t + 1) * rowsPerTask) {
                        let s = g / h, y = g - s * h
                        let row = op.baseAddress! + s * h * w + y * w
                        torgbRow(xp.baseAddress! + s * h * w + y * w, channelStride: total, inChannels: inChannels,
                                 weights: mp.baseAddress! + s * 4 * inChannels, bias: bp.baseAddress!, clamp: clampValue,
                                 outChannels: outChannels, out: row, outStride: total, width: w)
                        guard let prev else { continue }
                        for c in 0..<outChannels {
                            let dst = row + c * total
                            let addend: UnsafePointer<Float>
                            if upsample {
                                upsampleRow2x(prev + (c * n + s) * (h / 2) * (w / 2), height: h / 2, width: w / 2,
                                              outRow: y, scratch: scratch + w, out: scratch)
                                addend = UnsafePointer(scratch)
                            } else {
                                addend = prev + (c * n + s) * h * w + y * w
                            }
                            var k = 0
                            while k + 8 <= w { store8(load8(dst + k) + load8(addend + k), dst + k); k += 8 }
                            while k < w { dst[k] += addend[k]; k += 1 }
                        }
                    }
                }
            } } } }
        }
        if let previous {
            previous.data.withUnsafeBufferPointer { run($0.baseAddress!) }
        } else {
            run(nil)
        }
        return out
    }
}

/// One row of torgb: out[c·outStride + k] = clamp(Σ_i weights[c·I + i] · x[i·channelStride + k] + bias[c])
/// for c < outChannels (weights has four rows), k < width.
@inline(never)
private func torgbRow(_ x: UnsafePointer<Float>, channelStride: Int, inChannels: Int, weights: UnsafePointer<Float>,
                      bias: UnsafePointer<Float>, clamp: Float, outChannels: Int,
                      out: UnsafeMutablePointer<Float>, outStride: Int, width w: Int) {
    let w0 = weights, w1 = weights + inChannels, w2 = weights + 2 * inChannels, w3 = weights + 3 * inChannels
    let hi = Vec8(repeating: clamp), lo = Vec8(repeating: -clamp)
    @inline(always) func emit(_ c: Int, _ a: Vec8, _ k: Int) {
        guard c < outChannels else { return }
        let r = a + bias[c]
        store8(r.replacing(with: hi, where: r .> hi).replacing(with: lo, where: r .< lo), out + c * outStride + k)
    }
    var k = 0
    while k + 8 <= w {
        var a0 = Vec8(), a1 = Vec8(), a2 = Vec8(), a3 = Vec8()
        for i in 0..<inChannels {
            let v = load8(x + i * channelStride + k)
            a0 += v * w0[i]; a1 += v * w1[i]; a2 += v * w2[i]; a3 += v * w3[i]
        }
        emit(0, a0, k); emit(1, a1, k); emit(2, a2, k); emit(3, a3, k)
        k += 8
    }
    while k < w {        // rows narrower than a vector (the 4x4 block)
        for c in 0..<outChannels {
            var a: Float = 0
            for i in 0..<inChannels { a += x[i * channelStride + k] * weights[c * inChannels + i] }
            out[c * outStride + k] = min(max(a + bias[c], -clamp), clamp)
        }
        k += 1
    }
}
