import Dispatch

/// Runs `body(range)` over `0..<count` split into contiguous chunks, one per worker, so the
/// non-BLAS stages (im2col, epilogues, up-sampling) keep every core busy too.
func parallelChunks(_ count: Int, minChunk: Int = 1, _ body: (Range<Int>) -> Void) {
    let workers = max(1, min(EngineThreads.count, count / max(1, minChunk)))
    if workers == 1 { body(0..<count); return }
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        let lo = count * w / workers, hi = count * (w + 1) / workers
        if lo < hi { body(lo..<hi) }
    }
}

/// Threads used by the engine's own kernels and by OpenBLAS.
public enum EngineThreads {
    nonisolated(unsafe) private static var value = max(1, BLASThreads.count)
    public static var count: Int { value }
    /// Sets the thread count of the engine and of OpenBLAS together.
    public static func set(_ n: Int) {
        value = max(1, n)
        BLASThreads.set(value)
    }
}
