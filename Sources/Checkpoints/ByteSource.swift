/// Read-only bytes that pickle values point into, so that large payloads (tensor data, a 380 MB
/// network's storages) are referenced by range instead of copied.
///
/// A source either borrows a buffer whose owner keeps it alive for the whole load (the mapped
/// checkpoint file; no `ByteSource` outlives `CheckpointLoader.load`), or owns bytes it made
/// itself (latin-1 strings turned back into bytes by `_codecs.encode`).
final class ByteSource {
    let buffer: UnsafeRawBufferPointer
    private let owned: UnsafeMutableRawBufferPointer?

    init(borrowing buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        self.owned = nil
    }

    init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.owned = storage
        self.buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0 ..< bytes.count])
    }

    deinit { owned?.deallocate() }

    var count: Int { buffer.count }

    /// The whole source as a slice.
    var all: ByteSlice { ByteSlice(source: self, range: 0 ..< buffer.count) }
}

/// A range of bytes inside a `ByteSource`; the range has been checked against the source.
struct ByteSlice {
    let source: ByteSource
    let range: Range<Int>

    var count: Int { range.count }
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: source.buffer[range]) }

    /// A sub-range, counted from the start of this slice; nil when it does not fit.
    func slice(_ offset: Int, _ length: Int) -> ByteSlice? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        return ByteSlice(source: source, range: (range.lowerBound + offset) ..< (range.lowerBound + offset + length))
    }

    var array: [UInt8] { [UInt8](bytes) }
}
