import StyleGAN

extension Tensor {
    /// images [N, C, H, W] (H = W = size · f for an integer f) -> [N, C, size, size], each output
    /// pixel the mean of its f × f cell. Returns self when already that size.
    public func boxDownsampled(to size: Int) -> Tensor {
        let n = shape[0], c = shape[1], h = shape[2]
        guard h != size else { return self }
        let f = h / size
        var out = Tensor(zeros: [n, c, size, size])
        let scale = 1 / Float(f * f)
        for plane in 0..<(n * c) {
            let src = plane * h * h, dst = plane * size * size
            for y in 0..<size {
                for x in 0..<size {
                    var sum: Float = 0
                    for dy in 0..<f {
                        let row = src + (y * f + dy) * h + x * f
                        for dx in 0..<f { sum += data[row + dx] }
                    }
                    out.data[dst + y * size + x] = sum * scale
                }
            }
        }
        return out
    }
}
