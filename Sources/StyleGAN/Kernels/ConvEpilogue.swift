/// Noise maps for one layer, already scaled by the layer's noise strength.
struct NoiseInput {
    let values: [Float]
    /// 0 when one map serves every sample (`const`), R·R when each sample has its own.
    let sampleStride: Int
}

/// The output pass of a synthesis conv, applied right after its GEMM while the tile is hot:
/// v = y · d[n, o] + noise[n, p];  v = lrelu(v + bias[o]) · gain;  v = clamp(v, ±clamp).
struct ConvEpilogue {
    let outChannels: Int, batch: Int, resolution: Int
    /// [N, O]
    let demod: [Float]
    let noise: NoiseInput?
    let bias: [Float]
    let gain: Float
    let clamp: Float?

    @inline(__always) func finish(_ raw: Float, o: Int, n: Int, p: Int, noisePtr: UnsafePointer<Float>?, stride: Int) -> Float {
        var v = raw * demod[n * outChannels + o]
        if let noisePtr { v += noisePtr[n * stride + p] }
        v += bias[o]
        v = (v >= 0 ? v : 0.2 * v) * gain
        if let clamp { v = min(max(v, -clamp), clamp) }
        return v
    }

    /// y: [O, N·R·R], finished in place for the columns j in `range` (j = n·R·R + p).
    func applyInPlace(_ y: UnsafeMutablePointer<Float>, range: Range<Int>) {
        let plane = resolution * resolution, total = batch * plane
        withNoise { np, stride in
            parallelChunks(outChannels) { chans in
                for o in chans {
                    let row = y + o * total
                    for j in range {
                        row[j] = finish(row[j], o: o, n: j / plane, p: j % plane, noisePtr: np, stride: stride)
                    }
                }
            }
        }
    }

    /// phases: [4, O, tile] from the sub-pixel GEMM over low-resolution columns `range`
    /// (j = n·h·h + q·h + r, h = R/2) -> y: [O, N, R, R], pixel (2q+py, 2r+px) of phase (py, px).
    func scatterPhases(_ phases: UnsafePointer<Float>, lowRes h: Int, range: Range<Int>,
                       into y: UnsafeMutablePointer<Float>) {
        let plane = resolution * resolution, total = batch * plane, lowPlane = h * h, tile = range.count
        withNoise { np, stride in
            parallelChunks(outChannels) { chans in
                for o in chans {
                    for ph in 0..<4 {
                        let py = ph >> 1, px = ph & 1
                        let src = phases + (ph * outChannels + o) * tile
                        for j in range {
                            let n = j / lowPlane, q = (j % lowPlane) / h, r = j % h
                            let p = (2 * q + py) * resolution + 2 * r + px
                            y[o * total + n * plane + p] = finish(src[j - range.lowerBound], o: o, n: n, p: p,
                                                                  noisePtr: np, stride: stride)
                        }
                    }
                }
            }
        }
    }

    private func withNoise(_ body: (UnsafePointer<Float>?, Int) -> Void) {
        guard let noise else { body(nil, 0); return }
        noise.values.withUnsafeBufferPointer { body($0.baseAddress!, noise.sampleStride) }
    }
}
