import Foundation

/// Activation storage kept between layers and calls. A fresh 100 MB array costs page faults and
/// the kernel's zeroing on first touch (measured: about 0.8 ms per MB with 4 KB pages, a third of
/// that with huge pages), more than the conv that fills it at 1024 px. Arrays come back here when
/// the synthesis state drops them; `take` hands out one of exactly the requested size.
///
/// The pool keeps at most twice the largest array ever requested (a 1024 px pass: its two
/// biggest maps, which are also its peak working set), smallest arrays dropped first, so idle
/// memory never exceeds the peak of one call.
final class ActivationPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [[Float]] = []
    private var largest = 0

    /// An array of `count` floats with undefined contents.
    func take(_ count: Int) -> [Float] {
        lock.lock()
        largest = max(largest, count)
        if let i = idle.firstIndex(where: { $0.count == count }) {
            let array = idle.remove(at: i)
            lock.unlock()
            return array
        }
        lock.unlock()
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { adviseHugePages(base, bytes: count * MemoryLayout<Float>.stride) }
            initialized = count
        }
    }

    /// Hands `array` back for reuse. An array still shared with a caller's `SynthesisState` is
    /// accepted too: writing to it later copies it first, as value semantics require.
    func recycle(_ array: [Float]) {
        guard array.count >= 1 << 16 else { return }   // small arrays are cheap to allocate
        lock.lock(); defer { lock.unlock() }
        idle.append(array)
        idle.sort { $0.count > $1.count }
        var kept = 0
        idle = idle.filter { a in
            kept += a.count
            return kept <= 2 * largest
        }
    }
}

/// madvise(MADV_HUGEPAGE) on the whole 2 MB pages inside [start, start + bytes), for buffers of
/// 8 MB and more: the first touch then faults once per 2 MB instead of once per 4 KB (Linux
/// only; elsewhere, and when the kernel declines, nothing changes).
func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
    let huge = 2 << 20
    guard bytes >= 4 * huge else { return }
    let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
    let last = (Int(bitPattern: start) + bytes) & ~(huge - 1)
    if last > first, let p = UnsafeMutableRawPointer(bitPattern: first) {
        _ = madvise(p, last - first, MADV_HUGEPAGE)
    }
    #endif
}
