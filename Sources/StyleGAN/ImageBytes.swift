/// 8-bit pixels of one image of an NCHW batch, as NVIDIA's generate.py makes them:
/// uint8(clamp(img · 127.5 + 128, 0, 255)), truncated toward zero. Interleaved [H, W, C].
extension Tensor {
    public func uint8Pixels(sample n: Int) -> [UInt8] {
        let c = shape[1], h = shape[2], w = shape[3], plane = h * w
        var out = [UInt8](repeating: 0, count: plane * c)
        let base = n * c * plane
        for ch in 0..<c {
            for p in 0..<plane {
                let v = data[base + ch * plane + p] * 127.5 + 128
                out[p * c + ch] = UInt8(min(max(v, 0), 255))
            }
        }
        return out
    }
}
