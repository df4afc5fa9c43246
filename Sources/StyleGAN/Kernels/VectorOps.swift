/// Small SIMD building blocks over raw float pointers (AVX2: 8 floats per register). Loads and
/// stores are unaligned: rows start at arbitrary offsets.
///
/// Kernel helpers are `@inline(always)`: since Swift 6.3 `@inline(__always)` is only a hint, and
/// the SIL cost model (which scalarises SIMD8 operations) declined to inline the activation into
/// the kernels: a call per vector, passing each SIMD8 as two halves.
typealias Vec8 = SIMD8<Float>

@inline(always) func load8(_ p: UnsafePointer<Float>) -> Vec8 {
    UnsafeRawPointer(p).loadUnaligned(as: Vec8.self)
}

@inline(always) func load8(_ p: UnsafeMutablePointer<Float>) -> Vec8 {
    UnsafeRawPointer(p).loadUnaligned(as: Vec8.self)
}

@inline(always) func store8(_ v: Vec8, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vec8.self)
}

/// p[0..<16] = e0, o0, e1, o1, ..., e7, o7: the even and odd pixels of an up-sampled row.
@inline(always) func storeInterleaved(_ e: Vec8, _ o: Vec8, _ p: UnsafeMutablePointer<Float>) {
    store8(Vec8(e[0], o[0], e[1], o[1], e[2], o[2], e[3], o[3]), p)
    store8(Vec8(e[4], o[4], e[5], o[5], e[6], o[6], e[7], o[7]), p + 8)
}

/// dst[k] = src[k] · scale for k in 0..<count.
@inline(always) func scaledCopy(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>,
                                  count: Int, scale: Float) {
    var k = 0
    let s = Vec8(repeating: scale)
    while k + 8 <= count { store8(load8(src + k) * s, dst + k); k += 8 }
    while k < count { dst[k] = src[k] * scale; k += 1 }
}
