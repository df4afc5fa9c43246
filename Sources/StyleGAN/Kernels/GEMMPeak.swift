import Foundation

/// The SGEMM rate this machine reaches right now, as the reference point for the engine's
/// achieved GFLOP/s (the same process, the same thread count, whatever else the machine runs).
public enum GEMMPeak {
    /// GFLOP/s of C[m, n] = A[m, k] · B[k, n] through OpenBLAS on `threads` threads: the best of
    /// `runs` timed calls after one warm-up. The default is the im2col shape of a 512-channel
    /// 3x3 conv on a 64x64 map (M = 512, K = 4608, N = 4096).
    public static func measure(m: Int = 512, n: Int = 4096, k: Int = 4608, threads: Int, runs: Int = 5) -> Double {
        // Any normal values do (the speed does not depend on them); a short pattern fills fast.
        let a = (0..<(m * k)).map { Float($0 % 13) * 0.1 - 0.6 }, b = (0..<(k * n)).map { Float($0 % 11) * 0.1 - 0.5 }
        var c = [Float](repeating: 0, count: m * n)
        let saved = BLASThreads.count
        BLASThreads.set(threads)
        defer { BLASThreads.set(saved) }
        var best = Double.infinity
        for run in 0...max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
                sgemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: k, b: bp.baseAddress!, ldb: n,
                      c: cp.baseAddress!, ldc: n)
            } } }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            if run > 0 { best = min(best, seconds) }
        }
        return 2 * Double(m) * Double(n) * Double(k) / best / 1e9
    }
}
