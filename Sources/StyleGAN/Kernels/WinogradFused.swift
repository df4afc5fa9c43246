/// The product and output stages of Winograd F(2x2, 3x3) for thin layers (I ≤ 128: the 128 to
/// 1024 px blocks): per block of up to six output channels and a strip of tiles, the 16 products
/// M[ξ] = U[ξ] · V[ξ] are accumulated by the micro-kernel into an L1 buffer and go straight into
/// the output transform and epilogue. Nothing band-sized is written, and nothing is zeroed or
/// packed first, as OpenBLAS does.
enum WinogradFused {
    static let maxInChannels = 128
    static let maxStripTiles = 64
    /// The product buffer: 16 ξ planes of six rows of a strip.
    static let planeFloats = 6 * maxStripTiles
    static let productFloats = 16 * planeFloats
}

/// v: [16, I, cols] (ξ stride vStride), u: [16, O, I] -> y: [O, N, H, W] for `channels`.
/// Tile j of the band is tile column j % tilesPerRow of global tile row firstTileRow + j / tilesPerRow;
/// cols and tilesPerRow are multiples of 16.
@inline(never)
func winogradFusedBand(v: UnsafePointer<Float>, vStride: Int, cols: Int, u: UnsafePointer<Float>, inChannels: Int,
                       outChannels: Int, channels: Range<Int>, products: UnsafeMutablePointer<Float>,
                       firstTileRow: Int, tilesPerRow: Int, batch: Int, height h: Int, width w: Int,
                       y: UnsafeMutablePointer<Float>, epilogue: ConvEpilogue) {
    let plane = h * w
    // Strips wide enough that U's rows are reused from L1 several times, narrow enough that the
    // strip of V (16 x I x tiles floats) stays in L2: 64 tiles up to 32 channels, 16 at 128.
    let stripTiles = max(16, min(WinogradFused.maxStripTiles, 2048 / inChannels))
    var j0 = 0
    while j0 < cols {
        let tiles = min(stripTiles, cols - j0)
        var o = channels.lowerBound
        while o < channels.upperBound {
            let rows = microBlockRows(remaining: channels.upperBound - o)
            for xi in 0..<16 {
                var s = 0
                while s < tiles {
                    microBlock(rows: rows, a: u + (xi * outChannels + o) * inChannels, lda: inChannels,
                               b: v + xi * vStride + j0 + s, ldb: cols, k: inChannels,
                               c: products + xi * WinogradFused.planeFloats + s, ldc: tiles)
                    s += 16
                }
            }
            for r in 0..<rows {
                var g = 0
                while g < tiles {
                    let j = j0 + g
                    let gt = firstTileRow + j / tilesPerRow, tx = j - (j / tilesPerRow) * tilesPerRow
                    let n = gt / (h / 2), ty = gt - n * (h / 2)
                    let pixel = 2 * ty * w + 2 * tx
                    outputTiles8(products + r * tiles + g, planeStride: WinogradFused.planeFloats,
                                 out: y + ((o + r) * batch + n) * plane + pixel, width: w,
                                 noise: epilogue.noiseRow(n: n, pixel: pixel), epilogue: epilogue, o: o + r, n: n)
                    g += 8
                }
            }
            o += rows
        }
        j0 += tiles
    }
}
