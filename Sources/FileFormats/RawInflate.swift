import CZlib

/// Inflates a raw deflate stream (zip method 8: no zlib header, window bits -15) into exactly
/// `expectedSize` bytes. The output buffer is the declared size and never grows, so an entry that
/// declares a small size but inflates to more (a "deflate bomb") fails instead of exhausting memory.
func rawInflate(_ compressed: UnsafeRawBufferPointer, expectedSize: Int, name: String) throws -> [UInt8] {
    var stream = z_stream()
    // inflateInit2 is a macro; this is what it expands to.
    let initResult = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard initResult == Z_OK else { throw FileFormatError("zip entry \(name): zlib could not start inflating (code \(initResult))") }
    defer { inflateEnd(&stream) }

    enum Outcome { case finished, tooLong, truncated, corrupt(Int32) }
    var output = [UInt8](repeating: 0, count: expectedSize)
    // After the declared output is used up, inflate continues into this one-byte buffer:
    // if anything lands there, the entry is longer than it claims.
    var probe: UInt8 = 0
    let outcome: Outcome = output.withUnsafeMutableBytes { out in
        withUnsafeMutablePointer(to: &probe) { probePointer in
            // zlib counts in 32-bit units, so both sides are fed in chunks of at most 1 GiB.
            let chunk = 1 << 30
            var inputOffset = 0
            var outputOffset = 0
            var probing = false
            while true {
                if stream.avail_in == 0 && inputOffset < compressed.count, let start = compressed.baseAddress {
                    let length = min(chunk, compressed.count - inputOffset)
                    stream.next_in = UnsafeMutablePointer(mutating: start.advanced(by: inputOffset).assumingMemoryBound(to: Bytef.self))
                    stream.avail_in = uInt(length)
                    inputOffset += length
                }
                if stream.avail_out == 0 {
                    if probing { return .tooLong }
                    if outputOffset < out.count, let start = out.baseAddress {
                        let length = min(chunk, out.count - outputOffset)
                        stream.next_out = start.advanced(by: outputOffset).assumingMemoryBound(to: Bytef.self)
                        stream.avail_out = uInt(length)
                        outputOffset += length
                    } else {
                        probing = true
                        stream.next_out = probePointer
                        stream.avail_out = 1
                    }
                }
                switch inflate(&stream, Z_NO_FLUSH) {
                case Z_STREAM_END: return probing && stream.avail_out == 0 ? .tooLong : .finished
                case Z_OK: continue
                // Both sides were refilled before the call, so "no progress" means the input ran out.
                case Z_BUF_ERROR where stream.avail_out > 0: return .truncated
                case Z_BUF_ERROR: continue
                case let code: return .corrupt(code)
                }
            }
        }
    }
    switch outcome {
    case .finished:
        guard Int(stream.total_out) == expectedSize else {
            throw FileFormatError("zip entry \(name) inflates to \(stream.total_out) bytes, but declares \(expectedSize)")
        }
        return output
    case .tooLong:
        throw FileFormatError("zip entry \(name) inflates to more than its declared \(expectedSize) bytes")
    case .truncated:
        throw FileFormatError("zip entry \(name): compressed data ends before the deflate stream does")
    case .corrupt(let code):
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib code \(code)"
        throw FileFormatError("zip entry \(name): corrupt deflate data (\(reason))")
    }
}
