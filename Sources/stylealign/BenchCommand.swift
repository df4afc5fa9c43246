import ArgumentParser
import Foundation
import StyleGAN

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the engine on the released architectures (random weights) against this machine's SGEMM peak.",
        discussion: """
        For every preset and batch size: z -> ws -> image with noise mode const, after --warmup untimed passes; \
        the wall time per image is the median of --runs passes divided by the batch size.

        FLOPs are counted from the architecture as NVIDIA's implementation computes the synthesis network: 2 per \
        multiply-add of conv1 (O·I·9·H·W), of conv0 as a stride-2 transposed conv on its input (O·I·9·H_in·W_in; \
        the [1,3,3,1] filter after it is not counted) and of torgb (3·I·H·W). Mapping, affines, demodulation, \
        filtering, bias/activation, noise and the skip image's up-sampling are not counted (under 0.1 %). This \
        gives 148.5 GFLOP per 1024x1024 config-f image. The engine does fewer multiplications than that count for \
        the stride-1 convs (Winograd F(2x2,3x3) from 16 px up), so its GFLOP/s by this count can exceed the GEMM \
        peak.

        The GEMM peak is cblas_sgemm with M=512, K=4608, N=4096 (the im2col shape of a 512-channel 3x3 conv on \
        64x64) in the same process on the same thread count, best of 5. Peak memory is the process's VmHWM; each \
        case runs in a fresh child process (this executable re-launched) so that the figure belongs to that case. \
        Build time is the time to build the generator from its tensors (checkpoint reading not included). CPU \
        s/image is the median process CPU time (all threads) per image: on a machine shared with other work it \
        shows what a case costs when the wall time does not.

        Examples:
          stylealign bench
          stylealign bench --preset ffhq1024 --batch 1 --runs 3 --threads 2 --json
          stylealign bench --preset paper256 --profile
        """)

    @OptionGroup var runtime: RuntimeOptions

    @Option(name: .long, help: ArgumentHelp("Preset to time (repeatable; default: all of \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", "))).",
                                            valueName: "preset"))
    var preset: [RandomInit.Preset] = []

    @Option(name: .long, help: ArgumentHelp("Batch size (repeatable; default: 1 and 8).", valueName: "N"))
    var batch: [Int] = []

    @Option(name: .long, help: ArgumentHelp("Timed passes per case.", valueName: "N"))
    var runs = 5

    @Option(name: .long, help: ArgumentHelp("Untimed passes before timing.", valueName: "N"))
    var warmup = 1

    @Flag(name: .long, help: "Print one JSON object per case instead of a table.")
    var json = false

    @Flag(name: .long, help: "Also time every layer once and show where the time goes: wall and process CPU time per block and layer kind.")
    var profile = false

    @Flag(name: .long, help: "Run the cases in this process instead of one child process each (peak memory then accumulates).")
    var inProcess = false

    var presets: [RandomInit.Preset] { preset.isEmpty ? RandomInit.Preset.allCases : preset }
    var batches: [Int] { batch.isEmpty ? [1, 8] : batch }

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup must be 0 or more") }
        guard batches.allSatisfy({ $0 >= 1 && $0 <= 256 }) else { throw ValidationError("--batch must be between 1 and 256") }
    }

    func run() throws {
        runtime.apply()
        if !json { print(BenchResult.tableHeader) }
        for p in presets {
            for n in batches {
                let result = inProcess ? try BenchCase(preset: p, batch: n, runs: runs, warmup: warmup, profile: profile).run()
                                       : try runChild(preset: p, batch: n)
                if json {
                    print(try result.jsonLine())
                } else {
                    print(result.tableRow)
                    if let breakdown = result.profile { print(breakdown.text) }
                }
                fflush(stdout)
            }
        }
    }

    /// Runs one case in a fresh copy of this executable and reads back its JSON line.
    func runChild(preset p: RandomInit.Preset, batch n: Int) throws -> BenchResult {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["bench", "--in-process", "--json", "--preset", p.rawValue, "--batch", "\(n)",
                             "--runs", "\(runs)", "--warmup", "\(warmup)", "--threads", "\(EngineThreads.count)"]
            + (profile ? ["--profile"] : [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError("bench: the child process for \(p.rawValue) batch \(n) failed (status \(process.terminationStatus))")
        }
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let result = try? JSONDecoder().decode(BenchResult.self, from: Data(line.utf8)) else {
            throw CLIError("bench: the child process for \(p.rawValue) batch \(n) printed no result")
        }
        return result
    }
}

extension RandomInit.Preset: ExpressibleByArgument {}
