/// A palette of at most 256 colours for a set of RGB images, by median cut: start with one box
/// around all colours, repeatedly split the box with the widest channel range at the median of
/// that channel, and use each box's mean colour. Pixels are then mapped to the nearest palette
/// colour (squared RGB distance).
struct GIFPalette {
    /// RGB triples, `count` of them.
    let colors: [UInt8]
    var count: Int { colors.count / 3 }

    /// pixels: RGB bytes of every frame. At most `sampleLimit` pixels, evenly spaced, build the palette.
    init(frames: [[UInt8]], maxColors: Int = 256, sampleLimit: Int = 200_000) {
        let total = frames.reduce(0) { $0 + $1.count / 3 }
        let step = max(1, total / sampleLimit)
        var samples: [(UInt8, UInt8, UInt8)] = []
        samples.reserveCapacity(min(total, sampleLimit + frames.count))
        var i = 0
        for frame in frames {
            var p = i % step
            while p < frame.count / 3 {
                samples.append((frame[3 * p], frame[3 * p + 1], frame[3 * p + 2]))
                p += step
            }
            i += frame.count / 3
        }
        var boxes: [Box] = samples.isEmpty ? [] : [Box(samples[...])]
        while boxes.count < maxColors {
            // Split the box whose widest channel is widest; stop when every box is one colour.
            guard let best = boxes.indices.max(by: { boxes[$0].range < boxes[$1].range }), boxes[best].range > 0 else { break }
            let channel = boxes[best].channel
            let sorted = boxes[best].colors.sorted { Self.channel($0, channel) < Self.channel($1, channel) }
            // Cut at the boundary between two different values nearest to the median, so equal
            // colours stay together (an image of at most maxColors colours is then kept exactly).
            let value = { Self.channel(sorted[$0], channel) }
            var below = sorted.count / 2, above = below
            while below > 0, value(below - 1) == value(below) { below -= 1 }
            while above < sorted.count, value(above - 1) == value(above) { above += 1 }
            let middle = below > 0 && (above == sorted.count || sorted.count / 2 - below <= above - sorted.count / 2) ? below : above
            boxes[best] = Box(sorted[..<middle])
            boxes.append(Box(sorted[middle...]))
        }
        var colors: [UInt8] = []
        for box in boxes.map(\.colors) {
            var sum = (0, 0, 0)
            for c in box { sum.0 += Int(c.0); sum.1 += Int(c.1); sum.2 += Int(c.2) }
            let n = box.count
            colors += [UInt8((sum.0 + n / 2) / n), UInt8((sum.1 + n / 2) / n), UInt8((sum.2 + n / 2) / n)]
        }
        self.colors = colors.isEmpty ? [0, 0, 0] : colors
    }

    static func channel(_ c: (UInt8, UInt8, UInt8), _ i: Int) -> UInt8 { i == 0 ? c.0 : (i == 1 ? c.1 : c.2) }

    /// Colours of one median-cut box and its widest channel.
    struct Box {
        let colors: ArraySlice<(UInt8, UInt8, UInt8)>
        let channel: Int
        let range: Int

        init(_ colors: ArraySlice<(UInt8, UInt8, UInt8)>) {
            self.colors = colors
            var low = [255, 255, 255], high = [0, 0, 0]
            for c in colors {
                for ch in 0..<3 {
                    let v = Int(GIFPalette.channel(c, ch))
                    low[ch] = min(low[ch], v); high[ch] = max(high[ch], v)
                }
            }
            let ranges = (0..<3).map { high[$0] - low[$0] }
            channel = ranges.indices.max { ranges[$0] < ranges[$1] } ?? 0
            range = colors.count > 1 ? ranges[channel] : 0
        }
    }

    /// Palette indices of an RGB image. `cache` (2^24 entries, -1 = not yet known) remembers the
    /// nearest palette colour of every RGB value met, across frames.
    func indices(of rgb: [UInt8], cache: inout [Int16]) -> [UInt8] {
        if cache.count != 1 << 24 { cache = [Int16](repeating: -1, count: 1 << 24) }
        var out = [UInt8](repeating: 0, count: rgb.count / 3)
        for p in 0..<out.count {
            let r = Int(rgb[3 * p]), g = Int(rgb[3 * p + 1]), b = Int(rgb[3 * p + 2])
            let key = r << 16 | g << 8 | b
            if cache[key] < 0 { cache[key] = Int16(nearest(r: r, g: g, b: b)) }
            out[p] = UInt8(cache[key])
        }
        return out
    }

    /// Index of the palette colour closest to (r, g, b).
    func nearest(r: Int, g: Int, b: Int) -> Int {
        var best = 0, bestDistance = Int.max
        for i in 0..<count {
            let dr = Int(colors[3 * i]) - r, dg = Int(colors[3 * i + 1]) - g, db = Int(colors[3 * i + 2]) - b
            let d = dr * dr + dg * dg + db * db
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}
