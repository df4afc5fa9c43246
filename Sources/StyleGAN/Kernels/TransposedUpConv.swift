/// The up-sampling 3x3 conv of a synthesis block (conv0), computed as NVIDIA's fast path does:
/// a stride-2 transposed conv (9·O·I multiply-adds per input pixel, a quarter of what four
/// sub-pixel 3x3 kernels cost) followed by the [1,3,3,1] FIR with gain 4 and pad 1.
///
/// With T_ab[p, q] = Σ_i w[o,i,a,b] · s[n,i] · x[i,n,p,q] (one GEMM, K = I, no im2col), the
/// transposed conv is v[2p+a, 2q+b] += T_ab[p, q] (size 2h+1) and the output is
/// y[Y, X] = Σ_{k,l} f[k] f[l] v[Y+k-1, X+l-1] with f = [1,3,3,1]/4. Per axis the two output
/// phases only meet three taps and two input positions each, so with t = 3/4, q = 1/4:
///   y[2m]   = t·(S0[m]   + S1[m] + S2[m-1]) + q·(S0[m+1] + S1[m-1] + S2[m])
///   y[2m+1] = t·(S0[m+1] + S1[m] + S2[m])   + q·(S0[m]   + S1[m+1] + S2[m-1])
/// where S_a is the stream of tap a along that axis. The kernel applies this vertically (over
/// GEMM rows of tap a) and then horizontally (over tap b), fused with the epilogue.
///
/// x: [I, N, h, w] -> y: [O, N, 2h, 2w]; weight: [O·9, I] (row o·9 + a·3 + b holds w[o, :, a, b]).
/// `bandColumns` overrides the band size (tests).
func transposedUpConv3x3(_ op: ConvOperands, weight: UnsafePointer<Float>, workspace: ConvWorkspace,
                         bandColumns: Int? = nil) {
    let (x, inChannels, batch, h, w) = (op.x, op.inChannels, op.batch, op.height, op.width)
    let (y, outChannels, epilogue, styles) = (op.y, op.outChannels, op.epilogue, op.styles)
    let totalIn = op.inputColumns, totalRows = batch * h
    let plan = ConvPlan(totalRows: totalRows, rowWidth: w, outChannels: outChannels,
                        bandColumns: bandColumns ?? max(256, (1 << 18) / max(1, 9 * min(outChannels, 64))),
                        workers: workspace.workers)
    // The GEMM output T is a ring of capRows input rows (row r in slot r % capRows): a band of
    // output rows needs its own input rows plus one above and one below, which the previous band
    // already computed.
    let capRows = plan.bandRows + 2
    // Up to 128 input channels the micro-kernel beats OpenBLAS's AVX2 kernels, which zero and
    // pack first.
    let thin = inChannels <= 128 && MicroKernels.enabled
    let rowStride = w + 16     // a G row: w values, zeros at -1 and w, room for vector loads
    parallelTasks(plan.items, in: workspace) { t, worker in
        let (rows, channels) = plan.item(t)
        let m = channels.count * 9, ldT = capRows * w
        let products = workspace.buffer(.product, worker: worker).reserve(m * ldT)
        let inputs = workspace.buffer(.input, worker: worker).reserve(inChannels * capRows * w)
        let scratch = workspace.buffer(.rows, worker: worker).reserve(7 * rowStride)
        let zeros = UnsafePointer(scratch + 6 * rowStride)
        scratch.update(repeating: 0, count: 7 * rowStride)   // G rows keep zeros at -1 and w
        func g(_ k: Int) -> UnsafeMutablePointer<Float> { scratch + k * rowStride + 8 }
        var computed = max(0, rows.lowerBound - 1)   // T holds rows below this (the last capRows of them)
        var m0 = rows.lowerBound
        while m0 < rows.upperBound {
            let m1 = min(rows.upperBound, m0 + plan.bandRows)
            let needHi = min(totalRows, m1 + 1)
            if needHi > computed {
                let n = (needHi - computed) * w
                for i in 0..<inChannels {
                    for r in computed..<needHi {
                        let s = styles[(r / h) * inChannels + i]
                        scaledCopy(x + i * totalIn + r * w, inputs + i * n + (r - computed) * w, count: w, scale: s)
                    }
                }
                var r = computed
                while r < needHi {     // one GEMM per contiguous run of ring slots
                    let slot = r % capRows, count = min(needHi - r, capRows - slot)
                    let a = weight + channels.lowerBound * 9 * inChannels
                    if thin && (count * w) % 16 == 0 {
                        microGEMM(m: m, n: count * w, k: inChannels, a: a, lda: inChannels,
                                  b: inputs + (r - computed) * w, ldb: n, c: products + slot * w, ldc: ldT)
                    } else {
                        sgemm(m: m, n: count * w, k: inChannels, a: a, lda: inChannels,
                              b: inputs + (r - computed) * w, ldb: n, c: products + slot * w, ldc: ldT)
                    }
                    r += count
                }
                computed = needHi
            }
            for o in channels {
                let taps = products + (o - channels.lowerBound) * 9 * ldT
                for row in m0..<m1 {
                    let n = row / h, p = row - n * h
                    // Stream of tap (a, b) at input row p + dr, or zeros outside the sample.
                    func stream(_ a: Int, _ b: Int, _ dr: Int) -> UnsafePointer<Float> {
                        let pr = p + dr
                        guard pr >= 0, pr < h else { return zeros }
                        return UnsafePointer(taps + (a * 3 + b) * ldT + ((row + dr) % capRows) * w)
                    }
                    for b in 0..<3 {
                        upPhases(stream(0, b, 0), stream(0, b, 1), stream(1, b, -1), stream(1, b, 0), stream(1, b, 1),
                                 stream(2, b, -1), stream(2, b, 0), count: w, even: g(b), odd: g(3 + b))
                    }
                    let plane = 4 * h * w, outRow = y + o * batch * plane + n * plane + 2 * p * 2 * w
                    finishUpRow(g(0), g(1), g(2), width: w, out: outRow, epilogue: epilogue, o: o, n: n,
                                pixel: 2 * p * 2 * w)
                    finishUpRow(g(3), g(4), g(5), width: w, out: outRow + 2 * w, epilogue: epilogue, o: o, n: n,
                                pixel: (2 * p + 1) * 2 * w)
                }
            }
            m0 = m1
        }
    }
}

private let tapNear: Float = 0.75, tapFar: Float = 0.25

/// The vertical pass: streams S_a at rows m-1, m, m+1 (s0m = S0[m], s0p = S0[m+1], s1n = S1[m-1],
/// ...) -> the two output phases y[2m] (even) and y[2m+1] (odd), `count` values each.
@inline(never)
private func upPhases(_ s0m: UnsafePointer<Float>, _ s0p: UnsafePointer<Float>, _ s1n: UnsafePointer<Float>,
                      _ s1m: UnsafePointer<Float>, _ s1p: UnsafePointer<Float>, _ s2n: UnsafePointer<Float>,
                      _ s2m: UnsafePointer<Float>, count: Int,
                      even: UnsafeMutablePointer<Float>, odd: UnsafeMutablePointer<Float>) {
    let t = Vec8(repeating: tapNear), q = Vec8(repeating: tapFar)
    var c = 0
    while c + 8 <= count {
        let a0m = load8(s0m + c), a0p = load8(s0p + c), a1n = load8(s1n + c), a1m = load8(s1m + c)
        let a1p = load8(s1p + c), a2n = load8(s2n + c), a2m = load8(s2m + c)
        store8(t * (a0m + a1m + a2n) + q * (a0p + a1n + a2m), even + c)
        store8(t * (a0p + a1m + a2m) + q * (a0m + a1p + a2n), odd + c)
        c += 8
    }
    while c < count {
        even[c] = tapNear * (s0m[c] + s1m[c] + s2n[c]) + tapFar * (s0p[c] + s1n[c] + s2m[c])
        odd[c] = tapNear * (s0p[c] + s1m[c] + s2m[c]) + tapFar * (s0m[c] + s1p[c] + s2n[c])
        c += 1
    }
}

/// The horizontal pass and the epilogue for one output row of 2·width pixels: g0, g1, g2 are
/// the vertically filtered rows of taps b = 0, 1, 2 (zeros at index -1 and width).
@inline(never)
private func finishUpRow(_ g0: UnsafeMutablePointer<Float>, _ g1: UnsafeMutablePointer<Float>,
                         _ g2: UnsafeMutablePointer<Float>, width w: Int, out: UnsafeMutablePointer<Float>,
                         epilogue e: ConvEpilogue, o: Int, n: Int, pixel: Int) {
    let t = Vec8(repeating: tapNear), q = Vec8(repeating: tapFar)
    let d = e.d(o: o, n: n), b = e.bias[o]
    let d8 = Vec8(repeating: d)
    let noise = e.noiseRow(n: n, pixel: pixel)
    let s8 = Vec8(repeating: e.noiseStrength)
    var l = 0
    while l + 8 <= w {
        let a0m = load8(g0 + l), a0p = load8(g0 + l + 1), a1n = load8(g1 + l - 1), a1m = load8(g1 + l)
        let a1p = load8(g1 + l + 1), a2n = load8(g2 + l - 1), a2m = load8(g2 + l)
        var even = (t * (a0m + a1m + a2n) + q * (a0p + a1n + a2m)) * d8
        var odd = (t * (a0p + a1m + a2m) + q * (a0m + a1p + a2n)) * d8
        if let noise {
            let nz = UnsafeRawPointer(noise + 2 * l).loadUnaligned(as: SIMD16<Float>.self)
            even += nz.evenHalf * s8
            odd += nz.oddHalf * s8
        }
        storeInterleaved(e.activate(even, bias: b), e.activate(odd, bias: b), out + 2 * l)
        l += 8
    }
    while l < w {
        var even = (tapNear * (g0[l] + g1[l] + g2[l - 1]) + tapFar * (g0[l + 1] + g1[l - 1] + g2[l])) * d
        var odd = (tapNear * (g0[l + 1] + g1[l] + g2[l]) + tapFar * (g0[l] + g1[l + 1] + g2[l - 1])) * d
        if let noise {
            even += noise[2 * l] * e.noiseStrength
            odd += noise[2 * l + 1] * e.noiseStrength
        }
        out[2 * l] = e.activate(even, bias: b)
        out[2 * l + 1] = e.activate(odd, bias: b)
        l += 1
    }
}
