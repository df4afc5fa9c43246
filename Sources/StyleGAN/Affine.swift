/// A fully connected layer with NVIDIA's equalised learning rate, weights pre-scaled once:
/// y = x · (weight · weightGain)ᵀ + bias · biasGain, optionally lrelu · √2.
struct DenseLayer {
    let inFeatures: Int, outFeatures: Int
    /// [out, in], already multiplied by weightGain (in float32, as torch does).
    let weight: [Float]
    /// [out], already multiplied by biasGain.
    let bias: [Float]
    let lrelu: Bool

    init(weight w: Tensor, bias b: Tensor, lrMultiplier: Float, lrelu: Bool) {
        outFeatures = w.shape[0]; inFeatures = w.shape[1]
        let gain = Float(Double(lrMultiplier) / Double(inFeatures).squareRoot())
        weight = w.data.map { $0 * gain }
        bias = lrMultiplier == 1 ? b.data : b.data.map { $0 * lrMultiplier }
        self.lrelu = lrelu
    }

    /// x: [N, in] -> [N, out]
    func callAsFunction(_ x: [Float], batch n: Int) -> [Float] {
        var y = [Float](repeating: 0, count: n * outFeatures)
        x.withUnsafeBufferPointer { xp in weight.withUnsafeBufferPointer { wp in y.withUnsafeMutableBufferPointer { yp in
            sgemm(transB: true, m: n, n: outFeatures, k: inFeatures, a: xp.baseAddress!, lda: inFeatures,
                  b: wp.baseAddress!, ldb: inFeatures, c: yp.baseAddress!, ldc: outFeatures)
        } } }
        let sqrt2 = Float(2).squareRoot()
        for s in 0..<n {
            for o in 0..<outFeatures {
                var v = y[s * outFeatures + o] + bias[o]
                if lrelu { v = (v >= 0 ? v : 0.2 * v) * sqrt2 }
                y[s * outFeatures + o] = v
            }
        }
        return y
    }
}
