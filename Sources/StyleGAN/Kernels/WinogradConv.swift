/// A stride-1 3x3 modulated conv (pad 1) by Winograd's minimal filtering F(2x2, 3x3): every 2x2
/// output tile costs 16 multiplies per (o, i) instead of 36, i.e. 2.25x fewer than im2col + GEMM.
///
/// With the 4x4 input patch d of a tile (rows 2ty-1 ... 2ty+2, columns 2tx-1 ... 2tx+2, zero
/// outside, scaled by the style), V = Bᵀ d B, the weight transform U = G g Gᵀ (done once) and
/// M[ξ] = Σ_i U[ξ][o, i] · V[ξ][i] (16 GEMMs, one per transform position ξ), the output tile is
/// Aᵀ M A. Per axis: Bᵀ d = (d0 - d2, d1 + d2, d2 - d1, d1 - d3), G g = (g0, (g0+g1+g2)/2,
/// (g0-g1+g2)/2, g2), Aᵀ m = (m0 + m1 + m2, m1 - m2 - m3). This computes a correlation, as
/// conv2d does.
///
/// The layer is processed in bands of tile rows; each band's V and M stay in cache, and the
/// output transform is fused with the epilogue.
struct WinogradWeights {
    let outChannels: Int, inChannels: Int
    /// [16, O, I]: U[ξ] for ξ = 4·u + v.
    let u: [Float]

    /// weight: [O, I, 3, 3] (a correlation kernel as stored).
    init(_ w: Tensor) {
        outChannels = w.shape[0]; inChannels = w.shape[1]
        let oi = outChannels * inChannels
        var u = [Float](repeating: 0, count: 16 * oi)
        // Per axis G g = (g0, (g0 + g1 + g2)/2, (g0 - g1 + g2)/2, g2).
        @inline(always) func transform(_ g0: Float, _ g1: Float, _ g2: Float) -> SIMD4<Float> {
            SIMD4(g0, (g0 + g1 + g2) * 0.5, (g0 - g1 + g2) * 0.5, g2)
        }
        w.data.withUnsafeBufferPointer { wp in u.withUnsafeMutableBufferPointer { up in
            for k in 0..<oi {
                let g = wp.baseAddress! + k * 9
                // Columns of G g (one per kernel column), then G applied along each row of that.
                let c0 = transform(g[0], g[3], g[6]), c1 = transform(g[1], g[4], g[7]), c2 = transform(g[2], g[5], g[8])
                for r in 0..<4 {
                    let row = transform(c0[r], c1[r], c2[r])
                    for c in 0..<4 { up[(r * 4 + c) * oi + k] = row[c] }
                }
            }
        } }
        self.u = u
    }

    /// Winograd applies when the map splits into 2x2 tiles, eight tiles per vector across a row.
    static func applies(height h: Int, width w: Int) -> Bool { h % 2 == 0 && w % 16 == 0 }
}

/// u: [16, O, I] (`WinogradWeights.u`); H even, W a multiple of 16. `bandColumns` overrides the
/// band size in tiles (tests).
func winogradConv3x3(_ op: ConvOperands, u: UnsafePointer<Float>, workspace: ConvWorkspace, bandColumns: Int? = nil) {
    let (x, inChannels, batch, h, w) = (op.x, op.inChannels, op.batch, op.height, op.width)
    let (y, outChannels, epilogue, styles) = (op.y, op.outChannels, op.epilogue, op.styles)
    let tilesPerRow = w / 2, tileRows = batch * h / 2
    let totalIn = op.inputColumns, plane = h * w
    // Up to 128 input channels the 16 products are thin (K = I) and the whole pipeline runs on
    // strips of a tile row: input transform, micro-kernel products, output transform, with the
    // strip's V in L2 and its products in L1 (needs 16-tile strips: W a multiple of 32).
    if inChannels <= WinogradFused.maxInChannels && w % 32 == 0 && MicroKernels.enabled {
        winogradFusedConv3x3(op, u: u, workspace: workspace, bandColumns: bandColumns)
        return
    }
    let plan = ConvPlan(totalRows: tileRows, rowWidth: tilesPerRow, outChannels: outChannels,
                        bandColumns: bandColumns ?? max(128, (1 << 16) / (inChannels + min(outChannels, 128))),
                        workers: workspace.workers)
    parallelTasks(plan.items, in: workspace) { t, worker in
        let (rows, channels) = plan.item(t)
        let capCols = plan.bandRows * tilesPerRow
        // The 16 planes of V and M sit one cache line off a power-of-two stride, so the 16 streams
        // of a transform do not all map to the same L1 set.
        let vStride = inChannels * capCols + 16, mStride = channels.count * capCols + 16
        let v = workspace.buffer(.input, worker: worker).reserve(16 * vStride)
        let m = workspace.buffer(.product, worker: worker).reserve(16 * mStride)
        let scratch = workspace.buffer(.rows, worker: worker).reserve(w + 32 + 4 * 24)
        let zeros = UnsafePointer(scratch), edges = scratch + w + 32
        scratch.update(repeating: 0, count: w + 32)
        var t0 = rows.lowerBound
        while t0 < rows.upperBound {
            let band = t0..<min(rows.upperBound, t0 + plan.bandRows)
            let cols = band.count * tilesPerRow
            for i in 0..<inChannels {
                for gt in band {
                    let n = gt / (h / 2), ty = gt - n * (h / 2)
                    let r = tileInputRows(x + i * totalIn + n * plane, tileRow: ty, height: h, width: w, zeros: zeros)
                    winogradInputRow(r.0, r.1, r.2, r.3, width: w, tiles: 0..<tilesPerRow, scale: styles[n * inChannels + i],
                                     edges: edges, out: v + i * cols + (gt - band.lowerBound) * tilesPerRow,
                                     planeStride: vStride)
                }
            }
            for xi in 0..<16 {
                sgemm(m: channels.count, n: cols, k: inChannels,
                      a: u + (xi * outChannels + channels.lowerBound) * inChannels, lda: inChannels,
                      b: v + xi * vStride, ldb: cols, c: m + xi * mStride, ldc: cols)
            }
            for o in channels {
                let mo = m + (o - channels.lowerBound) * cols
                for gt in band {
                    let n = gt / (h / 2), ty = gt - n * (h / 2)
                    winogradOutputRow(mo + (gt - band.lowerBound) * tilesPerRow, planeStride: mStride,
                                      tiles: tilesPerRow, out: y + o * totalIn + n * plane + 2 * ty * w, width: w,
                                      epilogue: epilogue, o: o, n: n, pixel: 2 * ty * w)
                }
            }
            t0 = band.upperBound
        }
    }
}

/// The four input rows of tile row ty (2ty-1 ... 2ty+2) of one channel plane, `zeros` outside.
@inline(always)
func tileInputRows(_ plane: UnsafePointer<Float>, tileRow ty: Int, height h: Int, width w: Int,
                   zeros: UnsafePointer<Float>) -> (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>,
                                                    UnsafePointer<Float>) {
    func row(_ r: Int) -> UnsafePointer<Float> {
        let sy = 2 * ty - 1 + r
        return sy >= 0 && sy < h ? plane + sy * w : zeros
    }
    return (row(0), row(1), row(2), row(3))
}

/// Input transform of tiles `tiles` (multiples of 8) of one tile row, V = s · Bᵀ d B, written to
/// out + ξ·planeStride + (tile - tiles.lowerBound). r0 ... r3 are the four input rows (2ty-1 ...
/// 2ty+2; zeros outside the image). Eight tiles at a time read columns 2tx-1 ... 2tx+16; the
/// first and last groups of the row go through `edges` (4 x 24 floats), where the zero columns
/// -1 and W are filled in.
@inline(never)
func winogradInputRow(_ r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, _ r2: UnsafePointer<Float>,
                      _ r3: UnsafePointer<Float>, width w: Int, tiles: Range<Int>, scale: Float,
                      edges: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>, planeStride: Int) {
    let s = Vec8(repeating: scale)
    let rowTiles = w / 2
    var tx = tiles.lowerBound
    while tx < tiles.upperBound {
        let first = 2 * tx - 1, dst = out + (tx - tiles.lowerBound)
        if tx == 0 || tx + 8 == rowTiles {
            @inline(always) func fill(_ e: UnsafeMutablePointer<Float>, _ r: UnsafePointer<Float>) {
                for c in 0..<18 {
                    let col = first + c
                    e[c] = col >= 0 && col < w ? r[col] : 0
                }
            }
            fill(edges, r0); fill(edges + 24, r1); fill(edges + 48, r2); fill(edges + 72, r3)
            inputTiles8(edges, edges + 24, edges + 48, edges + 72, scale: s, out: dst, planeStride: planeStride)
        } else {
            inputTiles8(r0 + first, r1 + first, r2 + first, r3 + first, scale: s, out: dst, planeStride: planeStride)
        }
        tx += 8
    }
}

/// Eight tiles whose 4x4 patches start at p0 ... p3 (one pointer per patch row, 18 columns read).
@inline(always)
private func inputTiles8(_ p0: UnsafePointer<Float>, _ p1: UnsafePointer<Float>, _ p2: UnsafePointer<Float>,
                         _ p3: UnsafePointer<Float>, scale s: Vec8, out: UnsafeMutablePointer<Float>, planeStride: Int) {
    // Bᵀ along a patch row: columns (d0 - d2, d1 + d2, d2 - d1, d1 - d3), tile j's d_v at column 2j + v.
    @inline(always) func rowTransform(_ p: UnsafePointer<Float>) -> (Vec8, Vec8, Vec8, Vec8) {
        let a = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
        let b = UnsafeRawPointer(p + 2).loadUnaligned(as: SIMD16<Float>.self)
        let d0 = a.evenHalf, d1 = a.oddHalf, d2 = b.evenHalf, d3 = b.oddHalf
        return (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
    }
    let a = rowTransform(p0), b = rowTransform(p1), c = rowTransform(p2), d = rowTransform(p3)
    // Bᵀ down the columns; ξ = 4·u + v.
    @inline(always) func column(_ v: Int, _ x0: Vec8, _ x1: Vec8, _ x2: Vec8, _ x3: Vec8) {
        store8((x0 - x2) * s, out + v * planeStride)
        store8((x1 + x2) * s, out + (4 + v) * planeStride)
        store8((x2 - x1) * s, out + (8 + v) * planeStride)
        store8((x1 - x3) * s, out + (12 + v) * planeStride)
    }
    column(0, a.0, b.0, c.0, d.0)
    column(1, a.1, b.1, c.1, d.1)
    column(2, a.2, b.2, c.2, d.2)
    column(3, a.3, b.3, c.3, d.3)
}

/// Output transform of one row of tiles of channel o fused with the epilogue: M[ξ] of tile tx at
/// mo + ξ·planeStride + tx -> output rows 2ty and 2ty+1 (out, out + width).
@inline(never)
private func winogradOutputRow(_ mo: UnsafeMutablePointer<Float>, planeStride: Int, tiles: Int,
                               out: UnsafeMutablePointer<Float>, width w: Int,
                               epilogue e: ConvEpilogue, o: Int, n: Int, pixel: Int) {
    let noise = e.noiseRow(n: n, pixel: pixel)
    var tx = 0
    while tx < tiles {
        outputTiles8(mo + tx, planeStride: planeStride, out: out + 2 * tx, width: w, noise: noise.map { $0 + 2 * tx },
                     epilogue: e, o: o, n: n)
        tx += 8
    }
}

/// Output transform and epilogue of eight tiles of channel o: M[ξ] of tile j at m + ξ·planeStride + j
/// -> 16 pixels of output row `out` and 16 of the row below (out + width); `noise` at the first.
@inline(always)
func outputTiles8(_ m: UnsafePointer<Float>, planeStride: Int, out: UnsafeMutablePointer<Float>, width w: Int,
                  noise: UnsafePointer<Float>?, epilogue e: ConvEpilogue, o: Int, n: Int) {
    let d8 = Vec8(repeating: e.d(o: o, n: n)), b = e.bias[o]
    @inline(always) func p(_ xi: Int) -> Vec8 { load8(m + xi * planeStride) }
    // Rows: s0 = m0 + m1 + m2, s1 = m1 - m2 - m3 (over u), for each column v.
    let a0 = p(0) + p(4) + p(8), a1 = p(1) + p(5) + p(9), a2 = p(2) + p(6) + p(10), a3 = p(3) + p(7) + p(11)
    let b0 = p(4) - p(8) - p(12), b1 = p(5) - p(9) - p(13), b2 = p(6) - p(10) - p(14), b3 = p(7) - p(11) - p(15)
    var y00 = (a0 + a1 + a2) * d8, y01 = (a1 - a2 - a3) * d8
    var y10 = (b0 + b1 + b2) * d8, y11 = (b1 - b2 - b3) * d8
    if let noise {
        let s8 = Vec8(repeating: e.noiseStrength)
        let top = UnsafeRawPointer(noise).loadUnaligned(as: SIMD16<Float>.self)
        let bottom = UnsafeRawPointer(noise + w).loadUnaligned(as: SIMD16<Float>.self)
        y00 += top.evenHalf * s8; y01 += top.oddHalf * s8
        y10 += bottom.evenHalf * s8; y11 += bottom.oddHalf * s8
    }
    storeInterleaved(e.activate(y00, bias: b), e.activate(y01, bias: b), out)
    storeInterleaved(e.activate(y10, bias: b), e.activate(y11, bias: b), out + w)
}
