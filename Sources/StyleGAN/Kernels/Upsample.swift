/// NVIDIA's `upsample2d` (the [1,3,3,1] filter, gain 4, pad (2,1)) for the skip image and the
/// resnet shortcut. Separable; per axis out[2q] = 0.25·x[q-1] + 0.75·x[q] and
/// out[2q+1] = 0.75·x[q] + 0.25·x[q+1] (zero outside).

/// Row `outRow` (0 ..< 2h) of the up-sampled plane: `plane` is [h, w], `out` gets 2w values.
/// `scratch` holds w + 2 floats.
@inline(always)
func upsampleRow2x(_ plane: UnsafePointer<Float>, height h: Int, width w: Int, outRow: Int,
                   scratch: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
    let q = outRow >> 1
    // Vertical: the row between source rows q and q∓1, into scratch[1...w] with zeros around.
    let mid = plane + q * w
    let nearRow = outRow & 1 == 0 ? q - 1 : q + 1
    let v = scratch + 1
    v[-1] = 0; v[w] = 0
    if nearRow >= 0 && nearRow < h {
        let near = plane + nearRow * w
        var c = 0
        while c + 8 <= w { store8(load8(mid + c) * 0.75 + load8(near + c) * 0.25, v + c); c += 8 }
        while c < w { v[c] = mid[c] * 0.75 + near[c] * 0.25; c += 1 }
    } else {
        var c = 0
        while c + 8 <= w { store8(load8(mid + c) * 0.75, v + c); c += 8 }
        while c < w { v[c] = mid[c] * 0.75; c += 1 }
    }
    // Horizontal, interleaving the even and odd output columns.
    var c = 0
    while c + 8 <= w {
        let left = load8(v + c - 1), centre = load8(v + c), right = load8(v + c + 1)
        storeInterleaved(left * 0.25 + centre * 0.75, centre * 0.75 + right * 0.25, out + 2 * c)
        c += 8
    }
    while c < w {
        out[2 * c] = v[c - 1] * 0.25 + v[c] * 0.75
        out[2 * c + 1] = v[c] * 0.75 + v[c + 1] * 0.25
        c += 1
    }
}

/// x: [planes, H, W] -> [planes, 2H, 2W]
func upsample2x(_ x: [Float], planes: Int, height h: Int, width w: Int) -> [Float] {
    var out = [Float](repeating: 0, count: planes * 4 * h * w)
    x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in
        let src = xp.baseAddress!, dst = op.baseAddress!
        parallelChunks(planes) { range in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: w + 2)
            defer { scratch.deallocate() }
            for p in range {
                for r in 0..<(2 * h) {
                    upsampleRow2x(src + p * h * w, height: h, width: w, outRow: r, scratch: scratch,
                                  out: dst + p * 4 * h * w + r * 2 * w)
                }
            }
        }
    } }
    return out
}
