/// Winograd F(2x2, 3x3) for thin layers (I ≤ 128: the 128 to 1024 px blocks), fused per strip
/// of a tile row: the input transform of the strip (16 x I x tiles floats, in L2), then per
/// block of up to six output channels the 16 products M[ξ] = U[ξ] · V[ξ] by the micro-kernel
/// into an L1 buffer, then the output transform and epilogue. No band-sized buffer is written
/// or read back, and nothing is zeroed or packed first, as OpenBLAS does.
enum WinogradFused {
    static let maxInChannels = 128
    static let maxStripTiles = 64
    /// The product buffer: 16 ξ planes of six rows of a strip.
    static let planeFloats = 6 * maxStripTiles
    static let productFloats = 16 * planeFloats

    /// Tiles per strip: 64 up to 32 channels, 16 at 128 (V's strip stays near 128 KB).
    static func stripTiles(inChannels: Int) -> Int { max(16, min(maxStripTiles, 2048 / inChannels)) }
}

/// x: [I, N, H, W], u: [16, O, I] -> y: [O, N, H, W]; I ≤ 128, W a multiple of 32.
/// `bandColumns` (tests) caps the strip width in tiles (rounded down to 16).
func winogradFusedConv3x3(_ op: ConvOperands, u: UnsafePointer<Float>, workspace: ConvWorkspace, bandColumns: Int?) {
    let (x, inChannels, batch, h, w) = (op.x, op.inChannels, op.batch, op.height, op.width)
    let (y, outChannels, epilogue, styles) = (op.y, op.outChannels, op.epilogue, op.styles)
    let tilesPerRow = w / 2, tileRows = batch * h / 2, plane = h * w, totalIn = op.inputColumns
    var strip = min(tilesPerRow, WinogradFused.stripTiles(inChannels: inChannels))
    if let bandColumns { strip = max(16, min(strip, bandColumns / 16 * 16)) }
    let vStride = inChannels * strip + 16     // ξ planes off a power-of-two stride (L1 sets)
    // Items: whole tile rows (one row is already 16 to 512 tiles), channels split only when
    // there are too few rows to keep every worker busy.
    let plan = ConvPlan(totalRows: tileRows, rowWidth: 1, outChannels: outChannels, bandColumns: 1,
                        workers: workspace.workers)
    parallelTasks(plan.items, in: workspace) { t, worker in
        let (rows, channels) = plan.item(t)
        let v = workspace.buffer(.input, worker: worker).reserve(16 * vStride)
        let products = workspace.buffer(.product, worker: worker).reserve(WinogradFused.productFloats)
        let scratch = workspace.buffer(.rows, worker: worker).reserve(w + 32 + 4 * 24)
        let zeros = UnsafePointer(scratch), edges = scratch + w + 32
        scratch.update(repeating: 0, count: w + 32)
        for gt in rows {
            let n = gt / (h / 2), ty = gt - n * (h / 2)
            var tx0 = 0
            while tx0 < tilesPerRow {
                let tiles = tx0..<min(tilesPerRow, tx0 + strip)
                for i in 0..<inChannels {
                    let r = tileInputRows(x + i * totalIn + n * plane, tileRow: ty, height: h, width: w, zeros: zeros)
                    winogradInputRow(r.0, r.1, r.2, r.3, width: w, tiles: tiles, scale: styles[n * inChannels + i],
                                     edges: edges, out: v + i * tiles.count, planeStride: vStride)
                }
                winogradFusedStrip(v: v, vStride: vStride, tiles: tiles.count, u: u, inChannels: inChannels,
                                   outChannels: outChannels, channels: channels, products: products,
                                   out: y + n * plane + 2 * ty * w + 2 * tx0, channelStride: totalIn, width: w,
                                   noise: epilogue.noiseRow(n: n, pixel: 2 * ty * w + 2 * tx0), epilogue: epilogue, n: n)
                tx0 = tiles.upperBound
            }
        }
    }
}

/// Products and output of one strip: v: [16, I, tiles] (ξ stride vStride, rows of `tiles`),
/// tiles a multiple of 16. Channel o's output tiles go to out + o·channelStride (row 2ty) and the
/// row below; `noise` points at the strip's first pixel.
@inline(never)
func winogradFusedStrip(v: UnsafePointer<Float>, vStride: Int, tiles: Int, u: UnsafePointer<Float>, inChannels: Int,
                        outChannels: Int, channels: Range<Int>, products: UnsafeMutablePointer<Float>,
                        out: UnsafeMutablePointer<Float>, channelStride: Int, width w: Int,
                        noise: UnsafePointer<Float>?, epilogue: ConvEpilogue, n: Int) {
    var o = channels.lowerBound
    while o < channels.upperBound {
        let rows = microBlockRows(remaining: channels.upperBound - o)
        microBlocks(rows: rows, count: 16, strips: tiles / 16, a: u + o * inChannels, aStride: outChannels * inChannels,
                    lda: inChannels, b: v, bStride: vStride, ldb: tiles, k: inChannels,
                    c: products, cStride: WinogradFused.planeFloats, ldc: tiles)
        for r in 0..<rows {
            var g = 0
            while g < tiles {
                outputTiles8(products + r * tiles + g, planeStride: WinogradFused.planeFloats,
                             out: out + (o + r) * channelStride + 2 * g, width: w, noise: noise.map { $0 + 2 * g },
                             epilogue: epilogue, o: o + r, n: n)
                g += 8
            }
        }
        o += rows
    }
}
