import Foundation

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
