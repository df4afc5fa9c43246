/// The variable-length LZW code stream of a GIF image (GIF89a spec, appendix F).
///
/// Codes start at minCodeSize + 1 bits; `clear` = 2^minCodeSize resets the table, `end` =
/// clear + 1 closes the stream. Each emitted code adds the entry (prefix, next index) to the
/// table; the decoder adds the same entry one code later, so the width grows as soon as the next
/// code the encoder assigns no longer fits (nextCode > 2^width). When the 4096-entry table is
/// full the encoder emits `clear` (at 12 bits) and starts over. Bits are packed LSB first.
enum GIFLZW {
    /// indices: palette indices, each < 2^minCodeSize; minCodeSize in 2...8.
    static func encode(_ indices: [UInt8], minCodeSize: Int) -> [UInt8] {
        let clear = 1 << minCodeSize, end = clear + 1
        var writer = BitWriter()
        var codeSize = minCodeSize + 1
        var nextCode = end + 1
        // table[prefix · 256 + index] = generation << 16 | code; entries of older generations
        // (before the last clear) are stale, so a clear costs nothing.
        var table = [UInt32](repeating: 0, count: 4096 * 256)
        var generation: UInt32 = 1
        writer.write(clear, bits: codeSize)
        guard var prefix = indices.first.map(Int.init) else {
            writer.write(end, bits: codeSize)
            return writer.finish()
        }
        for k in indices.dropFirst() {
            let key = prefix << 8 | Int(k)
            let entry = table[key]
            if entry >> 16 == generation {
                prefix = Int(entry & 0xFFFF)
                continue
            }
            writer.write(prefix, bits: codeSize)
            table[key] = generation << 16 | UInt32(nextCode)
            nextCode += 1
            if nextCode > 1 << codeSize, codeSize < 12 { codeSize += 1 }
            if nextCode == 4096 {
                writer.write(clear, bits: codeSize)
                codeSize = minCodeSize + 1
                nextCode = end + 1
                generation += 1
                if generation == 0xFFFF {
                    table = [UInt32](repeating: 0, count: table.count)
                    generation = 1
                }
            }
            prefix = Int(k)
        }
        writer.write(prefix, bits: codeSize)
        writer.write(end, bits: codeSize)
        return writer.finish()
    }
}

/// Packs codes of varying width into bytes, least significant bit first.
private struct BitWriter {
    var bytes: [UInt8] = []
    var buffer: UInt32 = 0
    var count = 0

    mutating func write(_ code: Int, bits: Int) {
        buffer |= UInt32(code) << UInt32(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        return bytes
    }
}
