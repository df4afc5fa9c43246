import CBLAS
import Foundation

/// C[M, N] = alpha * op(A) * op(B) + beta * C, row-major, through OpenBLAS.
/// `lda`, `ldb`, `ldc` are row strides in elements, so sub-matrices of larger buffers can be used.
@inline(__always)
func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
           alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
           b: UnsafePointer<Float>, ldb: Int,
           beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// The number of threads OpenBLAS uses for one GEMM.
public enum BLASThreads {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var singleThreadedDepth = 0
    nonisolated(unsafe) private static var requested = 1

    public static var count: Int {
        lock.lock(); defer { lock.unlock() }
        return singleThreadedDepth > 0 ? requested : Int(openblas_get_num_threads())
    }

    public static func set(_ n: Int) {
        lock.lock(); defer { lock.unlock() }
        requested = max(1, n)
        if singleThreadedDepth == 0 { openblas_set_num_threads(Int32(requested)) }
    }

    /// Runs `body` with OpenBLAS on one thread. The synthesis kernels call single-threaded GEMMs
    /// from their own workers (one tile per core, with im2col and epilogue on the same core);
    /// OpenBLAS's own threads would oversubscribe the cores. Nested and concurrent scopes are
    /// counted; the last one to leave restores the requested count.
    static func singleThreaded<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        if singleThreadedDepth == 0 {
            requested = Int(openblas_get_num_threads())
            openblas_set_num_threads(1)
        }
        singleThreadedDepth += 1
        lock.unlock()
        defer {
            lock.lock()
            singleThreadedDepth -= 1
            if singleThreadedDepth == 0 { openblas_set_num_threads(Int32(requested)) }
            lock.unlock()
        }
        return try body()
    }
}
