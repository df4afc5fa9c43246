/// Noise maps for one layer, not yet scaled by the layer's noise strength.
struct NoiseInput {
    let values: [Float]
    /// 0 when one map serves every sample (`const`), R·R when each sample has its own.
    let sampleStride: Int
    let strength: Float
}

/// The output pass of a synthesis conv, applied to each output row while it is still in cache:
/// v = y · d[n, o] + strength · noise[n, p];  v = lrelu(v + bias[o]) · gain;  v = clamp(v, ±clamp).
/// Holds raw pointers: valid only inside the `withEpilogue` call that made it.
struct ConvEpilogue {
    let outChannels: Int
    /// [N, O] demodulation coefficients.
    let demod: UnsafePointer<Float>
    /// [O]
    let bias: UnsafePointer<Float>
    /// [R·R] (shared by the batch) or [N, R·R]; nil for no noise.
    let noise: UnsafePointer<Float>?
    let noiseSampleStride: Int
    let noiseStrength: Float
    let gain: Float
    /// +infinity when the layer has no clamp.
    let clamp: Float

    static func withEpilogue<T>(outChannels: Int, demod: [Float], bias: [Float], noise: NoiseInput?, gain: Float,
                                clamp: Float?, _ body: (ConvEpilogue) -> T) -> T {
        demod.withUnsafeBufferPointer { dp in bias.withUnsafeBufferPointer { bp in
            func make(_ np: UnsafePointer<Float>?) -> T {
                body(ConvEpilogue(outChannels: outChannels, demod: dp.baseAddress!, bias: bp.baseAddress!, noise: np,
                                  noiseSampleStride: noise?.sampleStride ?? 0, noiseStrength: noise?.strength ?? 0,
                                  gain: gain, clamp: clamp ?? .infinity))
            }
            guard let noise else { return make(nil) }
            return noise.values.withUnsafeBufferPointer { make($0.baseAddress!) }
        } }
    }

    /// Demodulation coefficient of channel o in sample n.
    @inline(always) func d(o: Int, n: Int) -> Float { demod[n * outChannels + o] }

    /// The noise map of sample n from pixel `pixel` on, or nil.
    @inline(always) func noiseRow(n: Int, pixel: Int) -> UnsafePointer<Float>? {
        noise.map { $0 + n * noiseSampleStride + pixel }
    }

    /// The part after the demodulation and noise: bias, lrelu · gain, clamp.
    @inline(always) func activate(_ v: Vec8, bias b: Float) -> Vec8 {
        biasLeakyReLUClamp(v, bias: Vec8(repeating: b), gain: Vec8(repeating: gain), clamp: Vec8(repeating: clamp))
    }

    @inline(always) func activate(_ v: Float, bias b: Float) -> Float {
        let u = v + b
        return min(max(max(u, u * 0.2) * gain, -clamp), clamp)
    }

    /// row[0..<count]: the raw conv output of channel o, sample n, starting at pixel `pixel` of
    /// the R×R plane; finished in place.
    func finishRow(_ row: UnsafeMutablePointer<Float>, count: Int, o: Int, n: Int, pixel: Int) {
        let dv = d(o: o, n: n), b = bias[o]
        let d8 = Vec8(repeating: dv)
        var k = 0
        if let nz = noiseRow(n: n, pixel: pixel) {
            let s8 = Vec8(repeating: noiseStrength)
            while k + 8 <= count {
                store8(activate(load8(row + k) * d8 + load8(nz + k) * s8, bias: b), row + k)
                k += 8
            }
            while k < count { row[k] = activate(row[k] * dv + nz[k] * noiseStrength, bias: b); k += 1 }
        } else {
            while k + 8 <= count { store8(activate(load8(row + k) * d8, bias: b), row + k); k += 8 }
            while k < count { row[k] = activate(row[k] * dv, bias: b); k += 1 }
        }
    }
}

/// lrelu(v + bias) · gain clamped to ±clamp, eight values at once.
@inline(always) func biasLeakyReLUClamp(_ v: Vec8, bias: Vec8, gain: Vec8, clamp: Vec8) -> Vec8 {
    // Masked selects rather than pointwiseMin/Max, which are not inlined either.
    let u = v + bias
    let a = u.replacing(with: u * 0.2, where: u .< 0) * gain
    return a.replacing(with: clamp, where: a .> clamp).replacing(with: -clamp, where: a .< -clamp)
}
