/// Style-scaled im2col for a 3x3, stride-1, pad-1 correlation over a batch in CNHW layout.
///
/// x: [I, N, H, W] (channel-major activations), scale: [N, I] (the style of each sample's input
/// channel, or nil for 1), columns j in `cols` = n·H·W + p (p = y·W + x) for j in `range`.
/// out: [I·9, range.count], row i·9 + a·3 + b holds scale[n,i] · x[i, n, y+a-1, x+b-1] (0 outside).
func im2col3x3(x: UnsafePointer<Float>, channels: Int, batch: Int, height h: Int, width w: Int,
               scale: UnsafePointer<Float>?, range: Range<Int>, out: UnsafeMutablePointer<Float>) {
    let plane = h * w, total = batch * plane, tile = range.count
    parallelChunks(channels) { chans in
        for i in chans {
            // Walk the tile one image row segment at a time: within a segment, the source row
            // and the per-sample style are fixed, so the inner loop is a scaled, shifted copy.
            var j = range.lowerBound
            while j < range.upperBound {
                let n = j / plane, p = j % plane, y = p / w, x0 = p % w
                let len = min(w - x0, range.upperBound - j)
                let s = scale.map { $0[n * channels + i] } ?? 1
                let col = j - range.lowerBound
                for a in 0..<3 {
                    let sy = y + a - 1
                    for b in 0..<3 {
                        let dst = out + (i * 9 + a * 3 + b) * tile + col
                        if sy < 0 || sy >= h {
                            dst.update(repeating: 0, count: len)
                            continue
                        }
                        let src = x + i * total + n * plane + sy * w
                        for k in 0..<len {
                            let sx = x0 + k + b - 1
                            dst[k] = (sx >= 0 && sx < w) ? src[sx] * s : 0
                        }
                    }
                }
                j += len
            }
        }
    }
}
