import XCTest
@testable import StyleGAN

/// Each fast conv kernel (im2col, Winograd, transposed up-conv) alone against the plain reference
/// ops, on random shapes with odd channel counts and batch sizes, with noise, bias and an active
/// clamp, and with bands small enough that every band/chunk boundary case runs.
final class FastKernelTests: XCTestCase {
    enum Method { case im2col, winograd, transposedUp }

    struct Case {
        let inChannels: Int, outChannels: Int, inputSize: Int, batch: Int
    }

    /// The layer's parameters and inputs, drawn from `seed`.
    func setup(_ c: Case, up: Bool, seed: UInt64) -> (params: [String: Tensor], x: Tensor, s: Tensor) {
        var rng = SplitMix64(seed: seed)
        let r = up ? 2 * c.inputSize : c.inputSize
        let params = [
            "l.weight": Tensor(shape: [c.outChannels, c.inChannels, 3, 3], data: rng.gaussians(c.outChannels * c.inChannels * 9, scale: 1)),
            "l.bias": Tensor(shape: [c.outChannels], data: rng.gaussians(c.outChannels, scale: 0.2)),
            "l.noise_strength": Tensor(shape: [], data: [0.3]),
            "l.noise_const": Tensor(shape: [r, r], data: rng.gaussians(r * r, scale: 1)),
        ]
        let x = Tensor(shape: [c.batch, c.inChannels, c.inputSize, c.inputSize],
                       data: rng.gaussians(c.batch * c.inChannels * c.inputSize * c.inputSize, scale: 1))
        let s = Tensor(shape: [c.batch, c.inChannels], data: rng.gaussians(c.batch * c.inChannels, scale: 1).map { $0 + 1 })
        return (params, x, s)
    }

    /// Max |fast - reference| relative to max(1, |reference|).
    func check(_ c: Case, _ method: Method, bandColumns: Int?, seed: UInt64 = 1,
               file: StaticString = #filePath, line: UInt = #line) {
        let up = method == .transposedUp
        let (params, x, s) = setup(c, up: up, seed: seed)
        let r = up ? 2 * c.inputSize : c.inputSize
        let clamp: Float = 0.8
        let layer = SynthesisLayer(name: "l", parameters: params, resolution: r, up: up, gain: 1, clamp: clamp)
        let w = params["l.weight"]!
        let input = Activation(nchw: x)
        let workspace = ConvWorkspace.single()
        var output = Activation(uninitializedChannels: c.outChannels, batch: c.batch, height: r, width: r,
                                pool: workspace.activations)
        let demod = layer.demodulation(s.data, batch: c.batch)
        ConvEpilogue.withEpilogue(outChannels: c.outChannels, demod: demod, bias: layer.bias,
                                  noise: layer.noiseMaps(.const, batch: c.batch, seed: 0),
                                  gain: Float(2).squareRoot(), clamp: clamp) { epilogue in
            input.data.withUnsafeBufferPointer { xp in s.data.withUnsafeBufferPointer { sp in
            output.data.withUnsafeMutableBufferPointer { yp in
                let op = ConvOperands(x: xp.baseAddress!, inChannels: c.inChannels, batch: c.batch, height: c.inputSize,
                                      width: c.inputSize, styles: sp.baseAddress!, outChannels: c.outChannels,
                                      y: yp.baseAddress!, epilogue: epilogue)
                switch method {
                case .im2col:
                    w.data.withUnsafeBufferPointer { im2colConv3x3(op, weight: $0.baseAddress!, workspace: workspace, bandColumns: bandColumns) }
                case .winograd:
                    WinogradWeights(w).u.withUnsafeBufferPointer {
                        winogradConv3x3(op, u: $0.baseAddress!, workspace: workspace, bandColumns: bandColumns)
                    }
                case .transposedUp:
                    SynthesisLayer.transposedConvOperand(w).withUnsafeBufferPointer {
                        transposedUpConv3x3(op, weight: $0.baseAddress!, workspace: workspace, bandColumns: bandColumns)
                    }
                }
            } } }
        }
        var ref = ReferenceOps.modulatedConv2d(x, weight: w, styles: s, demodulate: true, up: up ? 2 : 1,
                                               filter: ReferenceGenerator.filter)
        let noise = params["l.noise_const"]!
        for i in 0..<ref.count { ref.data[i] += noise.data[i % (r * r)] * 0.3 }
        ref = ReferenceOps.biasAct(ref, bias: params["l.bias"]!, lrelu: true, gain: Float(2).squareRoot(), clamp: clamp)
        let diff = output.nchw.maxAbsDifference(ref)
        let clamped = ref.data.filter { abs($0) == clamp }.count
        print("\(method) I=\(c.inChannels) O=\(c.outChannels) in \(c.inputSize)px N=\(c.batch) band \(bandColumns.map(String.init) ?? "default") " +
              "threads \(EngineThreads.count): max |diff| \(diff) (\(clamped) of \(ref.count) clamped)")
        XCTAssertLessThan(diff, 2e-5, file: file, line: line)
        XCTAssertGreaterThan(clamped, 0, "the clamp should be active", file: file, line: line)
    }

    let strideOneCases = [
        Case(inChannels: 3, outChannels: 5, inputSize: 4, batch: 1),
        Case(inChannels: 7, outChannels: 3, inputSize: 8, batch: 2),
        Case(inChannels: 5, outChannels: 13, inputSize: 16, batch: 3),
        Case(inChannels: 1, outChannels: 2, inputSize: 32, batch: 1),
        Case(inChannels: 17, outChannels: 33, inputSize: 16, batch: 2),
        Case(inChannels: 3, outChannels: 4, inputSize: 64, batch: 2),   // Winograd rows with inner tile groups
        Case(inChannels: 7, outChannels: 13, inputSize: 32, batch: 1),  // fused Winograd: blocks of 6, 6, 1 channels
        Case(inChannels: 9, outChannels: 8, inputSize: 32, batch: 3),   // fused Winograd: blocks of 4, 4
    ]

    func testIm2ColConv() {
        for c in strideOneCases {
            check(c, .im2col, bandColumns: nil)
            check(c, .im2col, bandColumns: c.inputSize)        // one row per band
        }
    }

    func testWinogradConv() {
        for c in strideOneCases where WinogradWeights.applies(height: c.inputSize, width: c.inputSize) {
            check(c, .winograd, bandColumns: nil)
            check(c, .winograd, bandColumns: c.inputSize / 2)  // one row of tiles per band
            check(c, .winograd, bandColumns: 16)               // thin layers: several strips per tile row
        }
    }

    func testTransposedUpConv() {
        let cases = [
            Case(inChannels: 3, outChannels: 5, inputSize: 2, batch: 1),
            Case(inChannels: 5, outChannels: 7, inputSize: 4, batch: 3),
            Case(inChannels: 13, outChannels: 4, inputSize: 8, batch: 2),
            Case(inChannels: 6, outChannels: 33, inputSize: 16, batch: 1),
        ]
        for c in cases {
            check(c, .transposedUp, bandColumns: nil)
            check(c, .transposedUp, bandColumns: c.inputSize)      // one row per band: rows carried over
            check(c, .transposedUp, bandColumns: 3 * c.inputSize)  // bands that do not divide the chunks
        }
    }

    func testMicroGEMM() {
        var rng = SplitMix64(seed: 4)
        for (m, n, k) in [(1, 16, 1), (5, 16, 7), (6, 32, 32), (8, 16, 3), (13, 48, 33), (23, 16, 128)] {
            let (lda, ldb, ldc) = (k + 3, n + 5, n + 7)      // strided operands, as the kernels pass them
            let a = rng.gaussians(m * lda, scale: 1), b = rng.gaussians(k * ldb, scale: 1)
            var c = [Float](repeating: .nan, count: m * ldc)
            a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
                microGEMM(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                          c: cp.baseAddress!, ldc: ldc)
            } } }
            var diff: Float = 0
            for i in 0..<m {
                for j in 0..<n {
                    var ref: Double = 0
                    for t in 0..<k { ref += Double(a[i * lda + t]) * Double(b[t * ldb + j]) }
                    diff = max(diff, abs(c[i * ldc + j] - Float(ref)))
                }
                for j in n..<ldc { XCTAssertTrue(c[i * ldc + j].isNaN, "wrote outside C") }
            }
            print("microGEMM M=\(m) N=\(n) K=\(k): max |diff| \(diff)")
            XCTAssertLessThan(diff, 1e-4)
        }
    }

    func testOpenBLASPathsWhereAVX512KernelsWouldWin() {
        // Where OpenBLAS has AVX-512 kernels the thin layers go through it instead of the micro-kernel.
        let saved = MicroKernels.enabled
        defer { MicroKernels.enabled = saved }
        MicroKernels.enabled = false
        check(Case(inChannels: 7, outChannels: 13, inputSize: 32, batch: 2), .winograd, bandColumns: 16)
        check(Case(inChannels: 6, outChannels: 9, inputSize: 16, batch: 2), .transposedUp, bandColumns: 16)
    }

    func testOneWorkerAndMoreWorkersThanCores() {
        let saved = EngineThreads.count
        defer { EngineThreads.set(saved) }
        let c = Case(inChannels: 5, outChannels: 19, inputSize: 16, batch: 2)
        for threads in [1, 3] {
            EngineThreads.set(threads)
            check(c, .im2col, bandColumns: 2 * c.inputSize)
            check(c, .winograd, bandColumns: c.inputSize / 2)
            check(c, .transposedUp, bandColumns: c.inputSize)
        }
    }

    func testFLOPCountOf1024ConfigF() {
        // The issue quotes about 150 GFLOP per 1024 image (NVIDIA counting: conv0 as a transposed conv).
        let gflop = RandomInit.Preset.ffhq1024.config.synthesisFLOPs / 1e9
        XCTAssertEqual(gflop, 148.5, accuracy: 0.1)
        // paper256: 29.8 GFLOP.
        XCTAssertEqual(RandomInit.Preset.paper256.config.synthesisFLOPs / 1e9, 29.8, accuracy: 0.1)
    }
}
