import Foundation
import StyleGAN

/// One benchmark case of `stylealign bench`: a preset with deterministic random weights at one
/// batch size, run in the current process.
struct BenchCase {
    let preset: RandomInit.Preset
    let batch: Int
    let runs: Int
    let warmup: Int
    let profile: Bool

    func run() throws -> BenchResult {
        let config = preset.config
        let threads = EngineThreads.count
        let peak = GEMMPeak.measure(threads: threads)
        let parameters = RandomInit.parameters(config: config, seed: 0)
        let buildStart = Self.now()
        let g = try Generator(config: config, parameters: parameters)
        let buildSeconds = Self.now() - buildStart
        let z = Tensor.seedLatents((0..<UInt32(batch)).map { $0 }, zDim: config.zDim)
        func pass() throws -> Tensor { try g.synthesis(ws: g.mapping(z: z), noise: .const) }
        for _ in 0..<warmup { _ = try pass() }
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        for _ in 0..<runs {
            let start = Self.now(), cpuStart = Self.processCPU()
            let image = try pass()
            seconds.append(Self.now() - start)
            cpuSeconds.append(Self.processCPU() - cpuStart)
            guard image.isFinite else { throw CLIError("bench: \(preset.rawValue) produced a non-finite image") }
        }
        seconds.sort()
        let median = Self.median(seconds) / Double(batch)
        let gflop = config.synthesisFLOPs / 1e9
        var breakdown: LayerBreakdown?
        if profile {
            let timings = try g.profiledSynthesis(ws: g.mapping(z: z), noise: .const).timings
            breakdown = LayerBreakdown(timings: timings, batch: batch)
        }
        return BenchResult(preset: preset.rawValue, batch: batch, threads: threads, runs: runs,
                           secondsPerImage: median, minSecondsPerImage: seconds[0] / Double(batch),
                           gflopPerImage: gflop, achievedGflops: gflop / median, gemmPeakGflops: peak,
                           ratioToPeak: gflop / median / peak, cpuSecondsPerImage: Self.median(cpuSeconds.sorted()) / Double(batch),
                           peakRssMB: Self.peakResidentMB(),
                           buildSeconds: buildSeconds, profile: breakdown)
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }

    /// CPU time of the whole process (all threads) so far.
    static func processCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func median(_ sorted: [Double]) -> Double { (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2 }

    /// VmHWM of /proc/self/status (the peak resident set), in MB; getrusage's ru_maxrss without /proc.
    static func peakResidentMB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) {
            return kb / 1024
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024          // kilobytes
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576     // bytes
        #endif
    }
}
