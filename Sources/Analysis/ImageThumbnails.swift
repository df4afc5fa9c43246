import StyleGAN

/// The images an analysis keeps for its figures, shrunk so that eleven resets of a 1024 px model
/// do not hold gigabytes: box down-sampling by a power of two until the side is at most `maxSide`
/// (figures show each image a few centimetres wide). Distances are computed before this, on the
/// images as rendered.
public enum ImageThumbnails {
    /// images: [N, C, R, R] -> [N, C, R / f, R / f], f the smallest power of two with R / f ≤ maxSide.
    public static func shrink(_ images: Tensor, maxSide: Int) -> Tensor {
        let n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3]
        var factor = 1
        while max(h, w) / factor > max(1, maxSide), h % (factor * 2) == 0, w % (factor * 2) == 0 { factor *= 2 }
        guard factor > 1 else { return images }
        let oh = h / factor, ow = w / factor
        var out = [Float](repeating: 0, count: n * c * oh * ow)
        let scale = 1 / Float(factor * factor)
        for plane in 0..<(n * c) {
            let base = plane * h * w
            for y in 0..<oh {
                for x in 0..<ow {
                    var sum: Float = 0
                    for dy in 0..<factor {
                        let row = base + (y * factor + dy) * w + x * factor
                        for dx in 0..<factor { sum += images.data[row + dx] }
                    }
                    out[(plane * oh + y) * ow + x] = sum * scale
                }
            }
        }
        return Tensor(shape: [n, c, oh, ow], data: out)
    }
}
