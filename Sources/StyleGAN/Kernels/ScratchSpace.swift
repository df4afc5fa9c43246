import Foundation

/// A growable, 64-byte aligned float buffer whose contents are undefined between uses. Kernels
/// keep their im2col tiles, GEMM outputs and row buffers here, so no layer allocates.
final class ScratchBuffer {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init() {
        capacity = 16
        pointer = Self.allocate(capacity)
    }

    deinit { pointer.deallocate() }

    /// At least `count` floats; the old contents are lost when the buffer grows.
    func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count > capacity {
            pointer.deallocate()
            capacity = count
            pointer = Self.allocate(count)
        }
        return pointer
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
        return raw.bindMemory(to: Float.self, capacity: count)
    }
}

/// Scratch buffers of one synthesis call, a few per worker, and where its activations come from.
final class ConvWorkspace {
    let activations = ActivationPool.shared

    /// What a kernel keeps in a buffer; each names one buffer per worker (or one shared).
    enum Slot: Int, CaseIterable { case input, product, rows }

    private var perWorker: [[ScratchBuffer]] = []
    /// Workers of the current call: `EngineThreads.count` when the call began.
    private(set) var workers = 1

    /// Must be called outside parallel regions, before workers use `buffer(_:worker:)`.
    func prepare(workers: Int) {
        self.workers = max(1, workers)
        while perWorker.count < self.workers { perWorker.append(Slot.allCases.map { _ in ScratchBuffer() }) }
    }

    func buffer(_ slot: Slot, worker: Int) -> ScratchBuffer { perWorker[worker][slot.rawValue] }
}

/// Workspaces kept between calls. Concurrent synthesis calls each take their own.
final class WorkspacePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ConvWorkspace] = []

    func withWorkspace<T>(_ body: (ConvWorkspace) throws -> T) rethrows -> T {
        lock.lock()
        let ws = idle.popLast() ?? ConvWorkspace()
        lock.unlock()
        defer { lock.lock(); idle.append(ws); lock.unlock() }
        ws.prepare(workers: EngineThreads.count)
        return try body(ws)
    }
}

extension ConvWorkspace {
    /// A workspace ready for `EngineThreads.count` workers (for running one layer alone).
    static func single() -> ConvWorkspace {
        let ws = ConvWorkspace()
        ws.prepare(workers: EngineThreads.count)
        return ws
    }
}
