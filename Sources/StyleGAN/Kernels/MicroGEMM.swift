import CBLAS

/// A small SGEMM for the thin products of the high-resolution layers (K = input channels of 32
/// to 128): C[M, N] = A[M, K] · B[K, N], all row-major with row strides lda, ldb, ldc, N a
/// multiple of 16. C is overwritten.
///
/// OpenBLAS reaches 55-75 % of the FMA peak on these shapes: it first zeroes C (beta = 0) and
/// packs both operands, which costs as much as the arithmetic when K is small. Here each 6x16
/// block of C is accumulated in twelve AVX registers straight from A and B (B's 16-column strip,
/// K x 64 bytes, stays in L1 while the rows of A stream past) and written once.
///
/// The kernel is AVX2 (the package's baseline). Where OpenBLAS runs AVX-512 kernels (it was
/// started with OPENBLAS_CORETYPE=SkylakeX or on a CPU it knows as such) those do twice the work
/// per instruction and win in spite of the zeroing and packing, so the callers ask
/// `MicroKernels.enabled` first.
func microGEMM(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
               c: UnsafeMutablePointer<Float>, ldc: Int) {
    var j = 0
    while j < n {
        microGEMMStrip(m: m, k: k, a: a, lda: lda, b: b + j, ldb: ldb, c: c + j, ldc: ldc)
        j += 16
    }
}

/// Rows 0 ..< m of one 16-column strip.
@inline(always)
func microGEMMStrip(m: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                    c: UnsafeMutablePointer<Float>, ldc: Int) {
    var i = 0
    while i < m {
        let rows = microBlockRows(remaining: m - i)
        microBlock(rows: rows, a: a + i * lda, lda: lda, b: b, ldb: ldb, k: k, c: c + i * ldc, ldc: ldc)
        i += rows
    }
}

/// How many rows the next block takes: six while that leaves no awkward rest, then four, then one.
@inline(always)
func microBlockRows(remaining r: Int) -> Int {
    r >= 6 && r != 8 ? 6 : r >= 4 ? 4 : 1
}

/// C[rows, 16] = A[rows, K] · B[K, 16] for rows = 6, 4 or 1.
@inline(always)
func microBlock(rows: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, k: Int,
                c: UnsafeMutablePointer<Float>, ldc: Int) {
    microBlocks(rows: rows, count: 1, strips: 1, a: a, aStride: 0, lda: lda, b: b, bStride: 0, ldb: ldb, k: k,
                c: c, cStride: 0, ldc: ldc)
}

/// `count` independent products of `strips` 16-column strips each, in one call (the Winograd
/// layers need 16, one per transform position, with K as small as 32, where the cost of a call
/// per block shows): for p in 0..<count, C_p[rows, 16·strips] = A_p[rows, K] · B_p[K, 16·strips]
/// with X_p = X + p·xStride; rows = 6, 4 or 1.
@inline(never)
func microBlocks(rows: Int, count: Int, strips: Int, a: UnsafePointer<Float>, aStride: Int, lda: Int,
                 b: UnsafePointer<Float>, bStride: Int, ldb: Int, k: Int,
                 c: UnsafeMutablePointer<Float>, cStride: Int, ldc: Int) {
    for p in 0..<count {
        let ap = a + p * aStride
        for s in 0..<strips {
            let bp = b + p * bStride + 16 * s, cp = c + p * cStride + 16 * s
            switch rows {
            case 6: micro6x16(ap, lda: lda, bp, ldb: ldb, k: k, cp, ldc: ldc)
            case 4: micro4x16(ap, lda: lda, bp, ldb: ldb, k: k, cp, ldc: ldc)
            default: micro1x16(ap, bp, ldb: ldb, k: k, cp)
            }
        }
    }
}

/// C[6, 16] = A[6, K] · B[K, 16]
@inline(always)
private func micro6x16(_ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, k: Int,
                       _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    var c00 = Vec8(), c01 = Vec8(), c10 = Vec8(), c11 = Vec8(), c20 = Vec8(), c21 = Vec8()
    var c30 = Vec8(), c31 = Vec8(), c40 = Vec8(), c41 = Vec8(), c50 = Vec8(), c51 = Vec8()
    let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda
    var row = b
    for kk in 0..<k {
        let b0 = load8(row), b1 = load8(row + 8)
        var s = Vec8(repeating: a0[kk]); c00.addProduct(s, b0); c01.addProduct(s, b1)
        s = Vec8(repeating: a1[kk]); c10.addProduct(s, b0); c11.addProduct(s, b1)
        s = Vec8(repeating: a2[kk]); c20.addProduct(s, b0); c21.addProduct(s, b1)
        s = Vec8(repeating: a3[kk]); c30.addProduct(s, b0); c31.addProduct(s, b1)
        s = Vec8(repeating: a4[kk]); c40.addProduct(s, b0); c41.addProduct(s, b1)
        s = Vec8(repeating: a5[kk]); c50.addProduct(s, b0); c51.addProduct(s, b1)
        row += ldb
    }
    store8(c00, c); store8(c01, c + 8)
    store8(c10, c + ldc); store8(c11, c + ldc + 8)
    store8(c20, c + 2 * ldc); store8(c21, c + 2 * ldc + 8)
    store8(c30, c + 3 * ldc); store8(c31, c + 3 * ldc + 8)
    store8(c40, c + 4 * ldc); store8(c41, c + 4 * ldc + 8)
    store8(c50, c + 5 * ldc); store8(c51, c + 5 * ldc + 8)
}

/// C[4, 16] = A[4, K] · B[K, 16]
@inline(always)
private func micro4x16(_ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, k: Int,
                       _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    var c00 = Vec8(), c01 = Vec8(), c10 = Vec8(), c11 = Vec8(), c20 = Vec8(), c21 = Vec8()
    var c30 = Vec8(), c31 = Vec8()
    let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda
    var row = b
    for kk in 0..<k {
        let b0 = load8(row), b1 = load8(row + 8)
        var s = Vec8(repeating: a0[kk]); c00.addProduct(s, b0); c01.addProduct(s, b1)
        s = Vec8(repeating: a1[kk]); c10.addProduct(s, b0); c11.addProduct(s, b1)
        s = Vec8(repeating: a2[kk]); c20.addProduct(s, b0); c21.addProduct(s, b1)
        s = Vec8(repeating: a3[kk]); c30.addProduct(s, b0); c31.addProduct(s, b1)
        row += ldb
    }
    store8(c00, c); store8(c01, c + 8)
    store8(c10, c + ldc); store8(c11, c + ldc + 8)
    store8(c20, c + 2 * ldc); store8(c21, c + 2 * ldc + 8)
    store8(c30, c + 3 * ldc); store8(c31, c + 3 * ldc + 8)
}

/// C[1, 16] = A[1, K] · B[K, 16] (leftover rows: four accumulators hide the FMA latency)
@inline(always)
private func micro1x16(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, ldb: Int, k: Int,
                       _ c: UnsafeMutablePointer<Float>) {
    var e0 = Vec8(), e1 = Vec8(), o0 = Vec8(), o1 = Vec8()
    var row = b, kk = 0
    while kk + 2 <= k {
        let s = Vec8(repeating: a[kk]), t = Vec8(repeating: a[kk + 1])
        e0.addProduct(s, load8(row)); e1.addProduct(s, load8(row + 8))
        o0.addProduct(t, load8(row + ldb)); o1.addProduct(t, load8(row + ldb + 8))
        row += 2 * ldb; kk += 2
    }
    if kk < k {
        let s = Vec8(repeating: a[kk])
        e0.addProduct(s, load8(row)); e1.addProduct(s, load8(row + 8))
    }
    store8(e0 + o0, c); store8(e1 + o1, c + 8)
}

/// Whether the thin products go through `microGEMM` rather than OpenBLAS.
enum MicroKernels {
    /// False where OpenBLAS uses its AVX-512 kernels. Tests flip it to cover both paths.
    nonisolated(unsafe) static var enabled: Bool = {
        let core = String(cString: openblas_get_corename()).lowercased()
        return !["skylakex", "cooperlake", "sapphirerapids"].contains { core.contains($0) }
    }()
}
