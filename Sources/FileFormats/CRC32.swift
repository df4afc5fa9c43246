import CZlib

/// The zip/PNG CRC-32 of a byte range, via zlib. zlib takes 32-bit lengths, so long ranges go in chunks.
func crc32Checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var crc = crc32(0, nil, 0)
    guard var pointer = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return UInt32(crc) }
    var remaining = bytes.count
    while remaining > 0 {
        let chunk = min(remaining, 1 << 30)
        crc = crc32(crc, pointer, uInt(chunk))
        pointer += chunk
        remaining -= chunk
    }
    return UInt32(truncatingIfNeeded: crc)
}
