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
        @inline(__always) func transform(_ g0: Float, _ g1: Float, _ g2: Float) -> SIMD4<Float> {
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
    let plan = ConvPlan(totalRows: tileRows, rowWidth: tilesPerRow, outChannels: outChannels,
                        bandColumns: bandColumns ?? max(128, (1 << 16) / (inChannels + min(outChannels, 128))))
    let padded = w + 2 + 16     // a scaled input row with a zero column on each side
    parallelTasks(plan.items) { t, worker in
        let (rows, channels) = plan.item(t)
        let capCols = plan.bandRows * tilesPerRow
        let v = workspace.buffer(.input, worker: worker).reserve(16 * inChannels * capCols)
        let m = workspace.buffer(.product, worker: worker).reserve(16 * channels.count * capCols)
        let patch = workspace.buffer(.rows, worker: worker).reserve(4 * padded)
        var t0 = rows.lowerBound
        while t0 < rows.upperBound {
            let band = t0..<min(rows.upperBound, t0 + plan.bandRows)
            let cols = band.count * tilesPerRow
            for i in 0..<inChannels {
                for gt in band {
                    let n = gt / (h / 2), ty = gt - n * (h / 2)
                    let s = styles[n * inChannels + i]
                    for r in 0..<4 {
                        let row = patch + r * padded, sy = 2 * ty - 1 + r
                        if sy < 0 || sy >= h {
                            row.update(repeating: 0, count: w + 2)
                        } else {
                            row[0] = 0
                            scaledCopy(x + i * totalIn + n * plane + sy * w, row + 1, count: w, scale: s)
                            row[w + 1] = 0
                        }
                    }
                    winogradInputRow(patch, rowStride: padded, tiles: tilesPerRow,
                                     out: v + i * cols + (gt - band.lowerBound) * tilesPerRow, planeStride: inChannels * cols)
                }
            }
            for xi in 0..<16 {
                sgemm(m: channels.count, n: cols, k: inChannels,
                      a: u + (xi * outChannels + channels.lowerBound) * inChannels, lda: inChannels,
                      b: v + xi * inChannels * cols, ldb: cols,
                      c: m + xi * channels.count * cols, ldc: cols)
            }
            for o in channels {
                let mo = m + (o - channels.lowerBound) * cols
                for gt in band {
                    let n = gt / (h / 2), ty = gt - n * (h / 2)
                    winogradOutputRow(mo + (gt - band.lowerBound) * tilesPerRow, planeStride: channels.count * cols,
                                      tiles: tilesPerRow, out: y + o * totalIn + n * plane + 2 * ty * w, width: w,
                                      epilogue: epilogue, o: o, n: n, pixel: 2 * ty * w)
                }
            }
            t0 = band.upperBound
        }
    }
}

/// Input transform of one row of tiles: patch holds the four padded input rows (column c of
/// the image at index c + 1); writes V[ξ] for every tile to out + ξ·planeStride + tile.
@inline(__always)
private func winogradInputRow(_ patch: UnsafeMutablePointer<Float>, rowStride: Int, tiles: Int,
                              out: UnsafeMutablePointer<Float>, planeStride: Int) {
    var tx = 0
    while tx < tiles {
        // r[u][v]: the column transform of patch row u for eight tiles.
        var r = (Vec8(), Vec8(), Vec8(), Vec8(), Vec8(), Vec8(), Vec8(), Vec8(),
                 Vec8(), Vec8(), Vec8(), Vec8(), Vec8(), Vec8(), Vec8(), Vec8())
        withUnsafeMutableBytes(of: &r) { raw in
            let rv = raw.baseAddress!.assumingMemoryBound(to: Vec8.self)
            for row in 0..<4 {
                let p = UnsafeRawPointer(patch + row * rowStride + 2 * tx)
                let a = p.loadUnaligned(as: SIMD16<Float>.self)
                let b = p.loadUnaligned(fromByteOffset: 8, as: SIMD16<Float>.self)
                let d0 = a.evenHalf, d1 = a.oddHalf, d2 = b.evenHalf, d3 = b.oddHalf
                rv[row * 4] = d0 - d2
                rv[row * 4 + 1] = d1 + d2
                rv[row * 4 + 2] = d2 - d1
                rv[row * 4 + 3] = d1 - d3
            }
            for col in 0..<4 {
                let r0 = rv[col], r1 = rv[4 + col], r2 = rv[8 + col], r3 = rv[12 + col]
                store8(r0 - r2, out + col * planeStride + tx)
                store8(r1 + r2, out + (4 + col) * planeStride + tx)
                store8(r2 - r1, out + (8 + col) * planeStride + tx)
                store8(r1 - r3, out + (12 + col) * planeStride + tx)
            }
        }
        tx += 8
    }
}

/// Output transform of one row of tiles of channel o fused with the epilogue: M[ξ] of tile tx at
/// mo + ξ·planeStride + tx -> output rows 2ty and 2ty+1 (out, out + width).
@inline(__always)
private func winogradOutputRow(_ mo: UnsafeMutablePointer<Float>, planeStride: Int, tiles: Int,
                               out: UnsafeMutablePointer<Float>, width w: Int,
                               epilogue e: ConvEpilogue, o: Int, n: Int, pixel: Int) {
    let d8 = Vec8(repeating: e.d(o: o, n: n)), b = e.bias[o]
    let noise = e.noiseRow(n: n, pixel: pixel)
    let s8 = Vec8(repeating: e.noiseStrength)
    var tx = 0
    while tx < tiles {
        @inline(__always) func m(_ xi: Int) -> Vec8 { load8(mo + xi * planeStride + tx) }
        // Rows: s0 = m0 + m1 + m2, s1 = m1 - m2 - m3 (over u), for each column v.
        let a0 = m(0) + m(4) + m(8), a1 = m(1) + m(5) + m(9), a2 = m(2) + m(6) + m(10), a3 = m(3) + m(7) + m(11)
        let b0 = m(4) - m(8) - m(12), b1 = m(5) - m(9) - m(13), b2 = m(6) - m(10) - m(14), b3 = m(7) - m(11) - m(15)
        var y00 = (a0 + a1 + a2) * d8, y01 = (a1 - a2 - a3) * d8
        var y10 = (b0 + b1 + b2) * d8, y11 = (b1 - b2 - b3) * d8
        if let noise {
            let top = UnsafeRawPointer(noise + 2 * tx).loadUnaligned(as: SIMD16<Float>.self)
            let bottom = UnsafeRawPointer(noise + w + 2 * tx).loadUnaligned(as: SIMD16<Float>.self)
            y00 += top.evenHalf * s8; y01 += top.oddHalf * s8
            y10 += bottom.evenHalf * s8; y11 += bottom.oddHalf * s8
        }
        storeInterleaved(e.activate(y00, bias: b), e.activate(y01, bias: b), out + 2 * tx)
        storeInterleaved(e.activate(y10, bias: b), e.activate(y11, bias: b), out + w + 2 * tx)
        tx += 8
    }
}
