import StyleGAN

/// What one control does to one batch of images in one model, at the analysis resolution:
/// E = clamp(edited) − clamp(base), clamped to [-1, 1], the range that is displayed, so a
/// change the viewer cannot see does not count.
struct EffectImage {
    /// [N, C, R, R]
    let values: [Float]
    let batch: Int, channels: Int, resolution: Int

    /// base, edited: [N, C, R, R] of equal shape.
    init(base: Tensor, edited: Tensor) {
        batch = base.shape[0]; channels = base.shape[1]; resolution = base.shape[2]
        values = zip(edited.data, base.data).map { min(max($0, -1), 1) - min(max($1, -1), 1) }
    }

    var plane: Int { resolution * resolution }

    /// RMS of E over the channels and pixels of sample s: sqrt(mean_{c,p} E[c,p]²).
    func rootMeanSquare(_ s: Int) -> Double {
        let start = s * channels * plane, count = channels * plane
        var sum = 0.0
        for i in start..<(start + count) { sum += Double(values[i]) * Double(values[i]) }
        return (sum / Double(count)).squareRoot()
    }

    /// The per-pixel magnitude map of sample s: M[p] = sqrt(Σ_c E[c,p]²), R·R values.
    func magnitudeMap(_ s: Int) -> [Double] {
        var m = [Double](repeating: 0, count: plane)
        for c in 0..<channels {
            let base = (s * channels + c) * plane
            for p in 0..<plane { m[p] += Double(values[base + p]) * Double(values[base + p]) }
        }
        return m.map { $0.squareRoot() }
    }

    /// The values of sample s, C·R·R of them.
    func sample(_ s: Int) -> ArraySlice<Float> {
        values[(s * channels * plane)..<((s + 1) * channels * plane)]
    }
}

/// The statistics that compare two effects.
enum EffectComparison {
    /// Pearson correlation of a and b; nil when either is constant (no spatial pattern to compare).
    static func correlation(_ a: [Double], _ b: [Double]) -> Double? {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var ab = 0.0, aa = 0.0, bb = 0.0
        for i in 0..<a.count {
            let x = a[i] - ma, y = b[i] - mb
            ab += x * y; aa += x * x; bb += y * y
        }
        guard aa > 0, bb > 0 else { return nil }
        return ab / (aa * bb).squareRoot()
    }

    /// ⟨a, b⟩ / (‖a‖ ‖b‖); nil when either is zero.
    static func cosine(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Double? {
        var ab = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) {
            ab += Double(x) * Double(y); aa += Double(x) * Double(x); bb += Double(y) * Double(y)
        }
        guard aa > 0, bb > 0 else { return nil }
        return ab / (aa * bb).squareRoot()
    }
}
