import XCTest
@testable import FileFormats

/// The GIF writer against a decoder written here from the GIF89a spec (blocks, sub-blocks, LZW
/// with clear codes and growing widths).
final class AnimatedGIFTests: XCTestCase {
    struct Decoded {
        var width = 0, height = 0
        var palette: [UInt8] = []
        var loopCount: Int?
        var delays: [Int] = []
        var frames: [[UInt8]] = []     // RGB
    }

    enum DecodeError: Error { case bad(String) }

    func decode(_ b: [UInt8]) throws -> Decoded {
        var d = Decoded()
        guard b.count > 13, Array(b[0..<6]) == Array("GIF89a".utf8) else { throw DecodeError.bad("header") }
        d.width = Int(b[6]) | Int(b[7]) << 8
        d.height = Int(b[8]) | Int(b[9]) << 8
        guard b[10] & 0x80 != 0 else { throw DecodeError.bad("no global table") }
        let tableSize = 3 << (Int(b[10] & 7) + 1)
        d.palette = Array(b[13..<(13 + tableSize)])
        var i = 13 + tableSize
        func subBlocks() -> [UInt8] {
            var data: [UInt8] = []
            while b[i] != 0 { let n = Int(b[i]); data += b[(i + 1)...(i + n)]; i += n + 1 }
            i += 1
            return data
        }
        while i < b.count {
            switch b[i] {
            case 0x21:
                let label = b[i + 1]
                i += 2
                let data = subBlocks()
                if label == 0xF9 { d.delays.append(Int(data[1]) | Int(data[2]) << 8) }
                if label == 0xFF, Array(data[0..<11]) == Array("NETSCAPE2.0".utf8) { d.loopCount = Int(data[12]) | Int(data[13]) << 8 }
            case 0x2C:
                let w = Int(b[i + 5]) | Int(b[i + 6]) << 8, h = Int(b[i + 7]) | Int(b[i + 8]) << 8
                guard w == d.width, h == d.height, b[i + 9] == 0 else { throw DecodeError.bad("frame descriptor") }
                let minCodeSize = Int(b[i + 10])
                i += 11
                let indices = try lzwDecode(subBlocks(), minCodeSize: minCodeSize)
                guard indices.count == w * h else { throw DecodeError.bad("frame has \(indices.count) pixels") }
                d.frames.append(indices.flatMap { Array(d.palette[(3 * Int($0))..<(3 * Int($0) + 3)]) })
            case 0x3B:
                return d
            default:
                throw DecodeError.bad("block \(b[i]) at \(i)")
            }
        }
        throw DecodeError.bad("no trailer")
    }

    func lzwDecode(_ data: [UInt8], minCodeSize: Int) throws -> [UInt8] {
        let clear = 1 << minCodeSize, end = clear + 1
        var size = minCodeSize + 1
        var table: [[UInt8]] = []
        func reset() { table = (0..<clear).map { [UInt8($0)] } + [[], []]; size = minCodeSize + 1 }
        reset()
        var out: [UInt8] = []
        var previous: [UInt8]?
        var bit = 0
        while bit + size <= data.count * 8 {
            var code = 0
            for k in 0..<size where data[(bit + k) / 8] >> ((bit + k) % 8) & 1 == 1 { code |= 1 << k }
            bit += size
            if code == clear { reset(); previous = nil; continue }
            if code == end { return out }
            let entry: [UInt8]
            if code < table.count, code != clear, code != end { entry = table[code] }
            else if code == table.count, let p = previous { entry = p + [p[0]] }
            else { throw DecodeError.bad("code \(code) with \(table.count) entries") }
            out += entry
            if let p = previous, table.count < 4096 { table.append(p + [entry[0]]) }
            previous = entry
            if table.count == 1 << size, size < 12 { size += 1 }
        }
        throw DecodeError.bad("no end code")
    }

    func testFewColoursRoundTripExactlyWithLoopAndDelay() throws {
        let w = 37, h = 23
        let colours: [[UInt8]] = [[255, 0, 0], [0, 128, 255], [10, 10, 10], [250, 250, 0], [0, 200, 100]]
        let frames: [[UInt8]] = (0..<3).map { (f: Int) -> [UInt8] in
            (0..<(w * h)).flatMap { (p: Int) -> [UInt8] in colours[(p * 7 / (f + 3) + f) % colours.count] }
        }
        let gif = AnimatedGIF(width: w, height: h, frames: frames, delayCentiseconds: 8, loopCount: 0)
        let decoded = try decode(try gif.encode())
        XCTAssertEqual(decoded.width, w)
        XCTAssertEqual(decoded.height, h)
        XCTAssertEqual(decoded.loopCount, 0)
        XCTAssertEqual(decoded.delays, [8, 8, 8])
        XCTAssertEqual(decoded.frames, frames)
    }

    func testLongStreamsResetTheTableAndStayExact() throws {
        // 256 colours in a pseudo-random order: the 4096-entry table fills many times.
        let w = 300, h = 200
        var state: UInt32 = 12345
        let palette: [[UInt8]] = (0..<256).map { (i: Int) -> [UInt8] in
            [UInt8(i), UInt8((i * 37) & 255), UInt8((i * 101) & 255)]
        }
        let frame = (0..<(w * h)).flatMap { _ -> [UInt8] in
            state = state &* 1_103_515_245 &+ 12345
            return palette[Int(state >> 16) & 255]
        }
        let decoded = try decode(try AnimatedGIF(width: w, height: h, frames: [frame], delayCentiseconds: 4).encode())
        XCTAssertEqual(decoded.frames, [frame])
    }

    func testManyColoursMapToTheNearestPaletteColour() throws {
        // A smooth gradient of 4096 colours, reduced to 256.
        let w = 64, h = 64
        var frame: [UInt8] = []
        for y in 0..<h {
            for x in 0..<w { frame += [UInt8(x * 4), UInt8(y * 4), UInt8((x + y) * 2)] }
        }
        let decoded = try decode(try AnimatedGIF(width: w, height: h, frames: [frame, frame.reversed()], delayCentiseconds: 10).encode())
        XCTAssertEqual(decoded.palette.count, 768)
        // Each pixel became a palette colour at the smallest distance from the original.
        func distance(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
            zip(a, b).reduce(0) { (sum: Int, p: (UInt8, UInt8)) in sum + (Int(p.0) - Int(p.1)) * (Int(p.0) - Int(p.1)) }
        }
        for p in stride(from: 0, to: w * h, by: 5) {
            let original = frame[(3 * p)..<(3 * p + 3)]
            let best = (0..<256).map { distance(decoded.palette[(3 * $0)..<(3 * $0 + 3)], original) }.min() ?? -1
            XCTAssertEqual(distance(decoded.frames[0][(3 * p)..<(3 * p + 3)], original), best, "pixel \(p)")
        }
        let meanError = zip(decoded.frames[0], frame).reduce(0) { (sum: Int, pair: (UInt8, UInt8)) in sum + abs(Int(pair.0) - Int(pair.1)) }
        XCTAssertLessThan(Double(meanError) / Double(frame.count), 8, "256 colours for 4096: a few levels per channel")
        XCTAssertEqual(decoded.frames.count, 2)
    }

    func testInvalidInputsThrow() {
        XCTAssertThrowsError(try AnimatedGIF(width: 2, height: 2, frames: [], delayCentiseconds: 1).encode())
        XCTAssertThrowsError(try AnimatedGIF(width: 2, height: 2, frames: [[1, 2, 3]], delayCentiseconds: 1).encode())
        XCTAssertThrowsError(try AnimatedGIF(width: 0, height: 2, frames: [[]], delayCentiseconds: 1).encode())
        XCTAssertThrowsError(try AnimatedGIF(width: 1, height: 1, frames: [[1, 2, 3]], delayCentiseconds: -1).encode())
    }
}
