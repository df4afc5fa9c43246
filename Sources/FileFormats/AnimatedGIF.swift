/// An animated GIF89a: RGB frames of one size, a shared palette of at most 256 colours
/// (`GIFPalette`, median cut over all frames, no dithering so still areas do not flicker),
/// LZW-compressed image data (`GIFLZW`), a fixed delay per frame and the NETSCAPE2.0 loop
/// extension.
public struct AnimatedGIF: Sendable {
    public var width: Int
    public var height: Int
    /// Each frame: height rows of width RGB triples, top row first.
    public var frames: [[UInt8]]
    /// Display time of each frame in 1/100 s (GIF's unit).
    public var delayCentiseconds: Int
    /// 0 loops forever.
    public var loopCount: Int

    public init(width: Int, height: Int, frames: [[UInt8]], delayCentiseconds: Int, loopCount: Int = 0) {
        self.width = width
        self.height = height
        self.frames = frames
        self.delayCentiseconds = delayCentiseconds
        self.loopCount = loopCount
    }

    public func encode() throws -> [UInt8] {
        guard width >= 1, height >= 1, width <= 0xFFFF, height <= 0xFFFF else {
            throw FileFormatError("a GIF is 1 to 65535 pixels wide and high, not \(width)×\(height)")
        }
        guard !frames.isEmpty else { throw FileFormatError("an animated GIF needs at least one frame") }
        guard let bytes = checkedProduct([width, height, 3]) else { throw FileFormatError("GIF size \(width)×\(height) is too large") }
        if let bad = frames.firstIndex(where: { $0.count != bytes }) {
            throw FileFormatError("GIF frame \(bad) holds \(frames[bad].count) bytes, not \(width)×\(height)×3 = \(bytes)")
        }
        guard (0...0xFFFF).contains(delayCentiseconds), (0...0xFFFF).contains(loopCount) else {
            throw FileFormatError("GIF delay and loop count must be 0-65535")
        }
        let palette = GIFPalette(frames: frames)
        // The colour table holds 2^(n+1) entries; LZW codes start one bit wider than an index.
        var tableBits = 1
        while 1 << tableBits < palette.count { tableBits += 1 }
        var out: [UInt8] = Array("GIF89a".utf8)
        out += Self.le16(width) + Self.le16(height)
        out += [0x80 | 0x70 | UInt8(tableBits - 1), 0, 0]   // global table, 8-bit colour resolution
        out += palette.colors + [UInt8](repeating: 0, count: 3 * (1 << tableBits) - palette.colors.count)
        out += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01] + Self.le16(loopCount) + [0x00]
        var cache: [Int16] = []
        for frame in frames {
            out += [0x21, 0xF9, 0x04, 0x04] + Self.le16(delayCentiseconds) + [0x00, 0x00]   // keep previous frame
            out += [0x2C] + Self.le16(0) + Self.le16(0) + Self.le16(width) + Self.le16(height) + [0x00]
            let minCodeSize = max(2, tableBits)
            out.append(UInt8(minCodeSize))
            let data = GIFLZW.encode(palette.indices(of: frame, cache: &cache), minCodeSize: minCodeSize)
            var start = 0
            while start < data.count {
                let n = min(255, data.count - start)
                out.append(UInt8(n))
                out += data[start..<(start + n)]
                start += n
            }
            out.append(0x00)
        }
        out.append(0x3B)
        return out
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
}
