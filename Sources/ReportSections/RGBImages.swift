import Report
import StyleGAN

/// Network output as report images, with NVIDIA's 8-bit mapping (clamp(x · 127.5 + 128)).
enum RGBImages {
    /// images: [N, C, H, W] -> N images. One channel is shown as grey; a fourth (alpha) channel
    /// is dropped.
    static func of(_ images: Tensor) -> [RGBImage] {
        let n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3]
        return (0..<n).map { s in
            let bytes = images.uint8Pixels(sample: s)
            var rgb = [UInt8](repeating: 0, count: h * w * 3)
            for p in 0..<(h * w) {
                for k in 0..<3 { rgb[p * 3 + k] = bytes[p * c + (c >= 3 ? k : 0)] }
            }
            return RGBImage(width: w, height: h, pixels: rgb)
        }
    }
}
