import FileFormats
import StyleGAN

/// Grids of equally sized images as one PNG, cells separated by a white gap; empty cells stay
/// white (like the top-left corner of NVIDIA's style-mixing grid).
struct ImageMosaic {
    let cellWidth: Int, cellHeight: Int
    var gap = 2
    /// cells[row][column]: RGB bytes of one cell, or nil.
    var cells: [[[UInt8]?]] = []

    func png() throws -> [UInt8] {
        let rows = cells.count, cols = cells.map(\.count).max() ?? 0
        let width = cols * cellWidth + max(0, cols - 1) * gap, height = rows * cellHeight + max(0, rows - 1) * gap
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        for (r, row) in cells.enumerated() {
            for (c, cell) in row.enumerated() {
                guard let cell else { continue }
                let x0 = c * (cellWidth + gap), y0 = r * (cellHeight + gap)
                for y in 0..<cellHeight {
                    let dst = ((y0 + y) * width + x0) * 3, src = y * cellWidth * 3
                    pixels.replaceSubrange(dst..<(dst + cellWidth * 3), with: cell[src..<(src + cellWidth * 3)])
                }
            }
        }
        return try PNGImage(width: width, height: height, channels: 3, pixels: pixels).encode()
    }
}

extension Tensor {
    /// Sample n of an image batch [N, C, H, W] as RGB bytes with NVIDIA's 8-bit mapping; one
    /// channel is repeated as grey, a fourth (alpha) is dropped.
    func rgbPixels(sample n: Int) -> [UInt8] {
        let c = shape[1], plane = shape[2] * shape[3]
        let bytes = uint8Pixels(sample: n)
        guard c != 3 else { return bytes }
        var rgb = [UInt8](repeating: 0, count: plane * 3)
        for p in 0..<plane { for k in 0..<3 { rgb[p * 3 + k] = bytes[p * c + (c >= 3 ? k : 0)] } }
        return rgb
    }

    /// Sample n as a PNG file's bytes.
    func png(sample n: Int) throws -> [UInt8] {
        try PNGImage(width: shape[3], height: shape[2], channels: 3, pixels: rgbPixels(sample: n)).encode()
    }
}
