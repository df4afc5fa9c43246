import Foundation
import StyleGAN

/// Built-in image measurements that mean the same thing in any domain, each on a region;
/// written `name` or `name:region` (e.g. `brightness:center`). Pixels are the generator's output
/// mapped to [0, 1]: v = clamp((x + 1) / 2, 0, 1), with channels R, G, B (a one-channel image is
/// grey: R = G = B). Over the region's P pixels:
///
/// * brightness: mean luma, (1/P) Σ Y with Y = 0.299 R + 0.587 G + 0.114 B (Rec. 601). In [0, 1].
/// * colourfulness (Hasler & Süsstrunk 2003): with rg = R − G and yb = (R + G)/2 − B,
///   M = √(σ²_rg + σ²_yb) + 0.3 · √(μ²_rg + μ²_yb) (population σ); the paper's 0-255 value / 255.
/// * hue: the chroma-weighted circular mean of the HSV hue θ, atan2(Σ C sin θ, Σ C cos θ) in
///   degrees in (−180, 180] (0 = red, 120 = green, −120 = blue; the cut is at cyan), with
///   chroma C = max(R,G,B) − min(R,G,B) as the weight so that grey and dark pixels, whose hue is
///   noise, count little. 0 when the region has no chroma at all.
/// * asymmetry: left/right mass asymmetry of luma, (L − R) / (L + R) with L and R the sums of Y
///   over the left and right halves of the region's columns (the middle column of an odd width
///   is left out). In [−1, 1]: positive when the left half is brighter. 0 for a black region.
public struct ImageMeasure: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case brightness, colourfulness, hue, asymmetry
    }

    public var kind: Kind
    public var region: ImageRegion

    public init(kind: Kind, region: ImageRegion = .whole) {
        self.kind = kind
        self.region = region
    }

    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false)
        let names = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        let regions = ImageRegion.allCases.map(\.rawValue).joined(separator: ", ")
        guard (1...2).contains(parts.count) else { throw ZeroShotError("write a measure as name or name:region, not '\(text)'") }
        let name = parts[0] == "colorfulness" ? "colourfulness" : String(parts[0])
        guard let kind = Kind(rawValue: name) else { throw ZeroShotError("unknown measure '\(parts[0])': use one of \(names)") }
        var region = ImageRegion.whole
        if parts.count == 2 {
            guard let r = ImageRegion(rawValue: String(parts[1])) else {
                throw ZeroShotError("unknown region '\(parts[1])': use one of \(regions)")
            }
            region = r
        }
        self.init(kind: kind, region: region)
    }

    public var description: String { "\(kind.rawValue):\(region.rawValue)" }

    /// One line defining the measure, for help texts and reports.
    public static func formula(_ kind: Kind) -> String {
        switch kind {
        case .brightness: "brightness = mean of Y = 0.299 R + 0.587 G + 0.114 B over the region (0-1)"
        case .colourfulness: "colourfulness (Hasler & Süsstrunk 2003) = √(σ²(R−G) + σ²((R+G)/2 − B)) + 0.3 √(μ²(R−G) + μ²((R+G)/2 − B)), population σ, 0-1 pixel scale"
        case .hue: "hue = atan2(Σ C sin θ, Σ C cos θ) in degrees (−180, 180], θ the HSV hue, C = max(R,G,B) − min(R,G,B) the chroma weight (0 = red, 120 = green, −120 = blue; 0 for a grey region)"
        case .asymmetry: "asymmetry = (L − R) / (L + R), L and R the sums of Y over the left and right halves of the region's columns (middle column of an odd width left out; 0 for a black region)"
        }
    }

    /// Every measure and region, with pixels and regions defined, for help texts and reports.
    public static var definitions: String {
        (["Pixels: v = clamp((x + 1)/2, 0, 1) of the generator output x; one-channel images are grey (R = G = B)."]
            + Kind.allCases.map { formula($0) }
            + ["Regions of an H × W image: whole; center = rows [H/4, 3H/4) × columns [W/4, 3W/4); top / bottom = rows [0, H/2) / [H/2, H); left / right = columns [0, W/2) / [W/2, W)."])
            .joined(separator: "\n")
    }

    /// The unit of the values, for axis labels.
    public var unit: String {
        switch kind {
        case .brightness: "mean luma, 0-1"
        case .colourfulness: "Hasler-Süsstrunk M, 0-1 scale"
        case .hue: "degrees"
        case .asymmetry: "(L − R)/(L + R)"
        }
    }

    /// images: [N, C, H, W] generator output in about [−1, 1] -> one value per image.
    public func values(images: Tensor) throws -> [Double] {
        guard images.rank == 4, images.shape[1] >= 1 else { throw ZeroShotError("images have shape \(images.shape), need [N, C, H, W]") }
        let n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3]
        let (rows, columns) = region.bounds(height: h, width: w)
        guard !rows.isEmpty, !columns.isEmpty else { throw ZeroShotError("region \(region.rawValue) of a \(h)×\(w) image is empty") }
        let plane = h * w
        return (0..<n).map { sample in
            let base = sample * c * plane
            let offsets = c >= 3 ? [0, plane, 2 * plane] : [0, 0, 0]
            func pixel(_ y: Int, _ x: Int) -> (Double, Double, Double) {
                func v(_ o: Int) -> Double { min(max((Double(images.data[base + o + y * w + x]) + 1) / 2, 0), 1) }
                return (v(offsets[0]), v(offsets[1]), v(offsets[2]))
            }
            switch kind {
            case .brightness: return Self.brightness(rows, columns, pixel)
            case .colourfulness: return Self.colourfulness(rows, columns, pixel)
            case .hue: return Self.hue(rows, columns, pixel)
            case .asymmetry: return Self.asymmetry(rows, columns, pixel)
            }
        }
    }

    static func luma(_ p: (Double, Double, Double)) -> Double { 0.299 * p.0 + 0.587 * p.1 + 0.114 * p.2 }

    static func brightness(_ rows: Range<Int>, _ columns: Range<Int>, _ pixel: (Int, Int) -> (Double, Double, Double)) -> Double {
        var sum = 0.0
        for y in rows { for x in columns { sum += luma(pixel(y, x)) } }
        return sum / Double(rows.count * columns.count)
    }

    static func colourfulness(_ rows: Range<Int>, _ columns: Range<Int>, _ pixel: (Int, Int) -> (Double, Double, Double)) -> Double {
        var srg = 0.0, syb = 0.0, srg2 = 0.0, syb2 = 0.0
        for y in rows {
            for x in columns {
                let (r, g, b) = pixel(y, x)
                let rg = r - g, yb = 0.5 * (r + g) - b
                srg += rg; syb += yb; srg2 += rg * rg; syb2 += yb * yb
            }
        }
        let p = Double(rows.count * columns.count)
        let mrg = srg / p, myb = syb / p
        let variance = max(0, srg2 / p - mrg * mrg) + max(0, syb2 / p - myb * myb)
        return variance.squareRoot() + 0.3 * (mrg * mrg + myb * myb).squareRoot()
    }

    static func hue(_ rows: Range<Int>, _ columns: Range<Int>, _ pixel: (Int, Int) -> (Double, Double, Double)) -> Double {
        var sx = 0.0, sy = 0.0
        for y in rows {
            for x in columns {
                let (r, g, b) = pixel(y, x)
                let hi = max(r, g, b), lo = min(r, g, b), chroma = hi - lo
                guard chroma > 0 else { continue }
                // HSV hue in sextants of 60°.
                let sextant: Double
                if hi == r { sextant = (g - b) / chroma } else if hi == g { sextant = (b - r) / chroma + 2 } else { sextant = (r - g) / chroma + 4 }
                let angle = sextant * Double.pi / 3
                sx += chroma * cos(angle)
                sy += chroma * sin(angle)
            }
        }
        guard sx * sx + sy * sy > 1e-24 else { return 0 }
        return atan2(sy, sx) * 180 / Double.pi
    }

    static func asymmetry(_ rows: Range<Int>, _ columns: Range<Int>, _ pixel: (Int, Int) -> (Double, Double, Double)) -> Double {
        let half = columns.count / 2
        var left = 0.0, right = 0.0
        for y in rows {
            for x in columns.lowerBound..<(columns.lowerBound + half) { left += luma(pixel(y, x)) }
            for x in (columns.upperBound - half)..<columns.upperBound { right += luma(pixel(y, x)) }
        }
        guard left + right > 1e-12 else { return 0 }
        return (left - right) / (left + right)
    }
}
