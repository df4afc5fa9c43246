/// Up-samples every plane 2x with the [1,3,3,1] filter (gain 4, pad (2,1)): NVIDIA's
/// `upsample2d`, used for the skip image and the resnet shortcut. Separable; per axis
/// out[2q] = 0.25·x[q-1] + 0.75·x[q] and out[2q+1] = 0.75·x[q] + 0.25·x[q+1] (zero outside).
///
/// x: [planes, H, W] -> [planes, 2H, 2W]
func upsample2x(_ x: [Float], planes: Int, height h: Int, width w: Int) -> [Float] {
    var out = [Float](repeating: 0, count: planes * 4 * h * w)
    x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in
        let src = xp.baseAddress!, dst = op.baseAddress!
        parallelChunks(planes) { range in
            var rows = [Float](repeating: 0, count: 2 * h * w)   // vertical pass: [2H, W]
            for plane in range {
                let s = src + plane * h * w
                for q in 0..<h {
                    for c in 0..<w {
                        let mid = s[q * w + c]
                        let above = q > 0 ? s[(q - 1) * w + c] : 0
                        let below = q + 1 < h ? s[(q + 1) * w + c] : 0
                        rows[(2 * q) * w + c] = 0.25 * above + 0.75 * mid
                        rows[(2 * q + 1) * w + c] = 0.75 * mid + 0.25 * below
                    }
                }
                let d = dst + plane * 4 * h * w
                for r in 0..<(2 * h) {
                    let row = r * w, outRow = d + r * 2 * w
                    for c in 0..<w {
                        let mid = rows[row + c]
                        let left = c > 0 ? rows[row + c - 1] : 0
                        let right = c + 1 < w ? rows[row + c + 1] : 0
                        outRow[2 * c] = 0.25 * left + 0.75 * mid
                        outRow[2 * c + 1] = 0.75 * mid + 0.25 * right
                    }
                }
            }
        }
    } }
    return out
}
