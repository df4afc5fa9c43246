import Foundation
import StyleGAN

/// What one benchmark case measured; also the JSON line a child process hands to its parent.
struct BenchResult: Codable {
    let preset: String
    let batch: Int
    let threads: Int
    let runs: Int
    /// Median over the timed passes, divided by the batch size.
    let secondsPerImage: Double
    let minSecondsPerImage: Double
    let gflopPerImage: Double
    let achievedGflops: Double
    let gemmPeakGflops: Double
    let ratioToPeak: Double
    let peakRssMB: Double
    let buildSeconds: Double
    let profile: LayerBreakdown?

    enum CodingKeys: String, CodingKey {
        case preset, batch, threads, runs, profile
        case secondsPerImage = "seconds_per_image", minSecondsPerImage = "min_seconds_per_image"
        case gflopPerImage = "gflop_per_image", achievedGflops = "achieved_gflops"
        case gemmPeakGflops = "gemm_peak_gflops", ratioToPeak = "ratio_to_peak"
        case peakRssMB = "peak_rss_mb", buildSeconds = "build_seconds"
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static let tableHeader = "preset    batch threads  s/image (median, min)  GFLOP/image  GFLOP/s  GEMM peak  ratio  peak RSS MB  build s"

    var tableRow: String {
        String(format: "%-9@ %5d %7d  %8.4f  %8.4f      %10.1f  %7.1f  %9.1f  %5.2f  %11.0f  %7.3f",
               preset as NSString, batch, threads, secondsPerImage, minSecondsPerImage, gflopPerImage,
               achievedGflops, gemmPeakGflops, ratioToPeak, peakRssMB, buildSeconds)
    }
}

/// Seconds per image spent in each block, split by layer kind: the up-sampling conv0, conv1, and
/// torgb with the skip image's up-sampling.
struct LayerBreakdown: Codable {
    struct Block: Codable {
        let resolution: Int
        let conv0: Double
        let conv1: Double
        let torgb: Double
    }
    let blocks: [Block]

    init(timings: [LayerTiming], batch: Int) {
        let resolutions = Array(Set(timings.map(\.layer.resolution))).sorted()
        blocks = resolutions.map { r in
            let mine = timings.filter { $0.layer.resolution == r }
            func sum(_ keep: (LayerTiming) -> Bool) -> Double {
                mine.filter(keep).reduce(0) { $0 + $1.seconds } / Double(batch)
            }
            return Block(resolution: r, conv0: sum { $0.upsampling },
                         conv1: sum { $0.layer.kind == .conv && !$0.upsampling },
                         torgb: sum { $0.layer.kind == .torgb })
        }
    }

    var text: String {
        let total = blocks.reduce(0) { $0 + $1.conv0 + $1.conv1 + $1.torgb }
        var lines = ["    block     conv0 (up)      conv1          torgb      (seconds per image, one profiled pass)"]
        for b in blocks {
            lines.append(String(format: "    b%-6d %8.4f  %8.4f  %8.4f", b.resolution, b.conv0, b.conv1, b.torgb))
        }
        let c0 = blocks.reduce(0) { $0 + $1.conv0 }, c1 = blocks.reduce(0) { $0 + $1.conv1 }
        let rgb = blocks.reduce(0) { $0 + $1.torgb }
        lines.append(String(format: "    total   %8.4f  %8.4f  %8.4f   = %.4f s", c0, c1, rgb, total))
        return lines.joined(separator: "\n")
    }
}
