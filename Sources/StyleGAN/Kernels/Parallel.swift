import Dispatch
import Foundation

/// Runs `body(range)` over `0..<count` split into contiguous chunks, one per worker, so the
/// non-BLAS stages keep every core busy too.
func parallelChunks(_ count: Int, minChunk: Int = 1, _ body: (Range<Int>) -> Void) {
    let workers = max(1, min(EngineThreads.count, count / max(1, minChunk)))
    if workers == 1 { body(0..<count); return }
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        let lo = count * w / workers, hi = count * (w + 1) / workers
        if lo < hi { body(lo..<hi) }
    }
}

/// Runs `body(task, worker)` for every task in `0..<count` on the workspace's workers. Workers
/// claim the next task when they finish one, so a core slowed down by another process does not
/// hold up the layer; `worker` (0..<workspace.workers) selects that worker's scratch buffers.
func parallelTasks(_ count: Int, in workspace: ConvWorkspace, _ body: (_ task: Int, _ worker: Int) -> Void) {
    let workers = min(workspace.workers, count)
    if workers <= 1 {
        for t in 0..<count { body(t, 0) }
        return
    }
    let counter = TaskCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        while let t = counter.next(below: count) { body(t, w) }
    }
}

/// The shared "next task" index of `parallelTasks`.
private final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
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
