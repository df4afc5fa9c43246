import ArgumentParser
import Checkpoints
import FileFormats
import Foundation
import StyleGAN

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a network as safetensors (the fast format) or as a rosinality .pt checkpoint.",
        discussion: """
        Reads any checkpoint the tool reads (NVIDIA or TensorFlow-era .pkl, rosinality .pt, safetensors), writes it,
        reads the written file back and checks that every tensor is bit-identical. Timings of the read, the
        write and the read-back are printed.

        safetensors: every generator tensor as F32 under its NVIDIA name, the architecture in the metadata
        (key stylealign.config). Loading it maps the file and parses no pickle.
        rosinality: a torch zip .pt with g_ema (state dict) and latent_avg, for rosinality/stylegan2-pytorch's
        Generator. rosinality has no conv_clamp: it is dropped with a warning.

        Examples:
          stylealign convert ffhq.pkl --to safetensors ffhq.safetensors
          stylealign convert ffhq.pkl --to rosinality ffhq.pt
          stylealign convert --random-init ffhq1024 --to safetensors ffhq1024-random.safetensors --load-runs 5
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case safetensors, rosinality
    }

    @Argument(help: ArgumentHelp("INPUT OUTPUT, or only OUTPUT with --random-init.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Output format: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var to: Target

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to convert (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(name: .long, help: ArgumentHelp("Convert deterministic random weights of a released architecture instead of a file: \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            valueName: "preset"))
    var randomInit: String?

    @Option(help: ArgumentHelp("Read the written file back this many times and print the median time (benchmark).", valueName: "N"))
    var loadRuns = 1

    @Flag(help: "Replace OUTPUT if it exists.")
    var force = false

    func validate() throws {
        let expected = randomInit == nil ? 2 : 1
        guard paths.count == expected else {
            throw ValidationError(randomInit == nil ? "give INPUT and OUTPUT paths" : "with --random-init give only the OUTPUT path")
        }
        if let randomInit, RandomInit.Preset(rawValue: randomInit) == nil {
            throw ValidationError("unknown --random-init preset '\(randomInit)'; choose one of \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard randomInit == nil || networkKey == nil else { throw ValidationError("--network-key needs an INPUT file") }
        guard (1 ... 100).contains(loadRuns) else { throw ValidationError("--load-runs must be between 1 and 100") }
    }

    func run() throws {
        let output = paths[paths.count - 1]
        if paths.count == 2, URL(fileURLWithPath: paths[0]).standardizedFileURL == URL(fileURLWithPath: output).standardizedFileURL {
            throw CLIError("\(output): the output would replace the input")
        }
        guard force || !FileManager.default.fileExists(atPath: output) else {
            throw CLIError("\(output): exists already (use --force to replace it)")
        }

        let (source, readTime) = try timed { try ConversionSource(paths: paths, networkKey: networkKey, randomInit: randomInit) }
        print("read \(source.name) (\(source.format)) in \(Self.format(readTime))")

        let (bytes, encodeTime) = try timed { () -> [UInt8] in
            switch to {
            case .safetensors:
                return try SafetensorsNetwork.encode(config: source.config, parameters: source.parameters, provenance: source.provenance)
            case .rosinality:
                for warning in try RosinalityWriter.check(source.config) {
                    FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
                }
                return try RosinalityWriter.encode(config: source.config, parameters: source.parameters)
            }
        }
        let ((), writeTime) = try timed { try AtomicFile.write(bytes, to: output) }
        print(String(format: "wrote %@ (%.1f MB) in %@ (encode %@, write %@)", output, Double(bytes.count) / 1e6,
                     Self.format(encodeTime + writeTime), Self.format(encodeTime), Self.format(writeTime)))

        var times: [Duration] = []
        var written: LoadedNetwork?
        for _ in 0 ..< loadRuns {
            let (network, time) = try timed { try CheckpointLoader.load(path: output) }
            (written, times) = (network, times + [time])
        }
        guard let written else { return }
        let differences = try source.compare(with: written)
        let median = times.sorted()[times.count / 2]
        let timing = loadRuns == 1 ? "in \(Self.format(median))"
            : "in \(Self.format(median)) (median of \(loadRuns), fastest \(Self.format(times.min() ?? median)))"
        print("read back \(output) (\(written.format.rawValue)) \(timing): \(written.parameters.count) tensors bit-identical\(differences.isEmpty ? ", same architecture" : "")")
        for d in differences { print("  architecture differs: \(d)") }
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, clock.now - start)
    }

    static func format(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        return seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

/// The network `convert` reads, with a description of where it came from.
struct ConversionSource {
    let name: String
    let format: String
    let config: GeneratorConfig
    let parameters: [String: Tensor]
    /// What the safetensors metadata records about the source.
    let provenance: [(String, String)]

    init(paths: [String], networkKey: String?, randomInit: String?) throws {
        if let randomInit, let preset = RandomInit.Preset(rawValue: randomInit) {
            let seed: UInt64 = 0
            name = "random-init:\(preset.rawValue)"
            format = "deterministic random weights, seed \(seed)"
            config = preset.config
            parameters = RandomInit.parameters(config: config, seed: seed)
            provenance = [("converted from", "\(name) (\(format))")]
        } else {
            let loaded = try CheckpointLoader.load(path: paths[0], networkKey: networkKey)
            name = paths[0]
            format = loaded.format.rawValue
            config = loaded.config
            parameters = loaded.parameters
            let file = URL(fileURLWithPath: paths[0]).lastPathComponent
            provenance = [("converted from", "\(file) (\(format)\(loaded.networkKey.map { ", \($0)" } ?? ""))")]
                + loaded.details.map { ("source \($0.0)", $0.1) }
        }
    }

    /// Checks that the read-back network has every tensor bit-identical; returns the architecture
    /// fields that differ (rosinality stores no conv_clamp, fp16 setting or channel_base).
    func compare(with written: LoadedNetwork) throws -> [String] {
        let specs = config.parameterSpecs
        guard written.config.parameterSpecs == specs else {
            throw CLIError("\(written.path): read back with a different set of tensors; the file is not a faithful copy")
        }
        for spec in specs {
            guard let a = parameters[spec.name], let b = written.parameters[spec.name], a.shape == b.shape,
                  Self.bitIdentical(a.data, b.data) else {
                throw CLIError("\(written.path): tensor \(spec.name) reads back different; the file is not a faithful copy")
            }
        }
        var out: [String] = []
        let (a, b) = (config, written.config)
        if a.convClamp != b.convClamp { out.append("conv_clamp \(a.convClamp.map { "\($0)" } ?? "none") -> \(b.convClamp.map { "\($0)" } ?? "none")") }
        if a.numFP16Res != b.numFP16Res { out.append("num_fp16_res \(a.numFP16Res) -> \(b.numFP16Res) (recorded only; the engine computes in fp32)") }
        if (a.channelBase, a.channelMax) != (b.channelBase, b.channelMax) {
            out.append("channel_base/channel_max \(a.channelBase)/\(a.channelMax) -> \(b.channelBase)/\(b.channelMax) (same widths at every block)")
        }
        var rest = b
        (rest.convClamp, rest.numFP16Res, rest.channelBase, rest.channelMax) = (a.convClamp, a.numFP16Res, a.channelBase, a.channelMax)
        if rest != a { out.append("other architecture fields: \(a) -> \(b)") }
        return out
    }

    /// Equal bit patterns (so NaNs compare equal to themselves and -0 differs from 0).
    static func bitIdentical(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
