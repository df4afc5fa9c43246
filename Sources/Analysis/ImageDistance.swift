import StyleGAN

/// How different two batches of images are, averaged over the batch.
///
/// Both measures first clamp values to [-1, 1], the range that is displayed (NVIDIA maps [-1, 1]
/// to 0-255 and clips the rest), so a difference the viewer cannot see does not count.
/// - `pixel`: mean |a − b| over every pixel, channel and image; 0 = identical, 2 = opposite.
/// - `structure`: the same after box down-sampling each image to 8 × 8 (the average over
///   equal square cells; the image itself when smaller). It keeps layout and colour masses and
///   ignores texture and fine detail, so it says whether a change moved the composition.
public struct ImageDistance: Equatable, Sendable {
    public let pixel: Double
    public let structure: Double

    public static let structureGrid = 8
    public static let zero = ImageDistance(pixel: 0, structure: 0)

    public init(pixel: Double, structure: Double) {
        self.pixel = pixel
        self.structure = structure
    }

    /// a, b: [N, C, H, W] of equal shape.
    public init(_ a: Tensor, _ b: Tensor) throws {
        guard a.shape == b.shape, a.rank == 4 else {
            throw EngineError("cannot compare images of shapes \(a.shape) and \(b.shape)")
        }
        pixel = Self.meanAbsDifference(a.data.map(Self.clamp), b.data.map(Self.clamp))
        structure = Self.meanAbsDifference(Self.boxDownsample(a), Self.boxDownsample(b))
    }

    static func clamp(_ v: Float) -> Float { min(max(v, -1), 1) }

    static func meanAbsDifference(_ a: [Float], _ b: [Float]) -> Double {
        guard !a.isEmpty else { return 0 }
        var sum: Double = 0
        for i in 0..<min(a.count, b.count) { sum += abs(Double(a[i]) - Double(b[i])) }
        return sum / Double(a.count)
    }

    /// x: [N, C, H, W] (H = W a power of two) -> clamped cell means [N, C, g, g], g = min(8, H).
    static func boxDownsample(_ x: Tensor) -> [Float] {
        let n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3]
        let gh = min(structureGrid, h), gw = min(structureGrid, w)
        let ch = h / gh, cw = w / gw
        var out = [Float](repeating: 0, count: n * c * gh * gw)
        for plane in 0..<(n * c) {
            let base = plane * h * w
            for gy in 0..<gh {
                for gx in 0..<gw {
                    var sum: Double = 0
                    for y in (gy * ch)..<((gy + 1) * ch) {
                        for xx in (gx * cw)..<((gx + 1) * cw) { sum += Double(clamp(x.data[base + y * w + xx])) }
                    }
                    out[(plane * gh + gy) * gw + gx] = Float(sum / Double(ch * cw))
                }
            }
        }
        return out
    }
}
