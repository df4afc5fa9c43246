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
    /// Median process CPU time (all threads) per image: what the case costs whatever else runs.
    let cpuSecondsPerImage: Double
    let peakRssMB: Double
    let buildSeconds: Double
    let profile: LayerBreakdown?

    enum CodingKeys: String, CodingKey {
        case preset, batch, threads, runs, profile
        case secondsPerImage = "seconds_per_image", minSecondsPerImage = "min_seconds_per_image"
        case gflopPerImage = "gflop_per_image", achievedGflops = "achieved_gflops"
        case gemmPeakGflops = "gemm_peak_gflops", ratioToPeak = "ratio_to_peak", cpuSecondsPerImage = "cpu_seconds_per_image"
        case peakRssMB = "peak_rss_mb", buildSeconds = "build_seconds"
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static let tableHeader =
        "preset    batch threads  s/image (median, min)  GFLOP/image  GFLOP/s  GEMM peak  ratio  CPU s/image  peak RSS MB  build s"

    var tableRow: String {
        String(format: "%-9@ %5d %7d  %8.4f  %8.4f      %10.1f  %7.1f  %9.1f  %5.2f  %11.4f  %11.0f  %7.3f",
               preset as NSString, batch, threads, secondsPerImage, minSecondsPerImage, gflopPerImage,
               achievedGflops, gemmPeakGflops, ratioToPeak, cpuSecondsPerImage, peakRssMB, buildSeconds)
    }
}

/// Seconds per image spent in each block, split by layer kind: the up-sampling conv0, conv1, and
/// torgb with the skip image's up-sampling. Wall time and the process's CPU time (all threads).
struct LayerBreakdown: Codable {
    struct Time: Codable {
        var wall = 0.0
        var cpu = 0.0
    }
    struct Block: Codable {
        let resolution: Int
        var conv0 = Time(), conv1 = Time(), torgb = Time()
    }
    let blocks: [Block]

    init(timings: [LayerTiming], batch: Int) {
        var blocks: [Block] = []
        for t in timings {
            if blocks.last?.resolution != t.layer.resolution { blocks.append(Block(resolution: t.layer.resolution)) }
            let add = Time(wall: t.seconds / Double(batch), cpu: t.cpuSeconds / Double(batch))
            switch (t.layer.kind, t.upsampling) {
            case (.torgb, _): blocks[blocks.count - 1].torgb.add(add)
            case (.conv, true): blocks[blocks.count - 1].conv0.add(add)
            case (.conv, false): blocks[blocks.count - 1].conv1.add(add)
            }
        }
        self.blocks = blocks
    }

    var text: String {
        func cell(_ t: Time) -> String { String(format: "%7.4f (%7.4f)", t.wall, t.cpu) }
        var lines = ["    block   conv0 (up)         conv1              torgb + skip       seconds per image: wall (CPU)"]
        var total = Block(resolution: 0)
        for b in blocks {
            lines.append("    b\(b.resolution)".padding(toLength: 12, withPad: " ", startingAt: 0)
                         + [cell(b.conv0), cell(b.conv1), cell(b.torgb)].joined(separator: "  "))
            total.conv0.add(b.conv0); total.conv1.add(b.conv1); total.torgb.add(b.torgb)
        }
        var all = total.conv0
        all.add(total.conv1); all.add(total.torgb)
        lines.append("    total   " + [cell(total.conv0), cell(total.conv1), cell(total.torgb)].joined(separator: "  ")
                     + "  = " + cell(all))
        return lines.joined(separator: "\n")
    }
}

extension LayerBreakdown.Time {
    mutating func add(_ other: Self) { wall += other.wall; cpu += other.cpu }
}
