import ArgumentParser
import FileFormats
import Foundation
import Semantics
import StyleGAN

struct MorphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "morph",
        abstract: "Cross-domain morphing: interpolate the weights and the latents of a parent and its child together.",
        discussion: """
        Frame t (t = k / (frames - 1)) renders ws (1-t) * w_A + t * w_B with the
        network whose every synthesis tensor (conv and torgb weights and biases,
        affines, noise strengths and buffers, const) is (1-t) * parent + t * child,
        the same t for both (StyleAlign section 5.3). Mapping tensors are interpolated
        too but unused: w_A comes from the parent's mapping of the first seed (or
        --ws-a), w_B from the child's mapping of the second (or --ws-b), both with
        --trunc toward their own w_avg. Noise is fixed across frames (--noise-mode
        const uses the interpolated buffers, random the same seeded maps every frame).
        Frame 0 is exactly parent(w_A), the last exactly child(w_B).

        Writes DIR/frame0000.png ..., DIR/strip.png (--strip frames evenly spaced,
        left to right) and DIR/morph.mp4 when ffmpeg is on the PATH, else
        DIR/morph.gif.

        Examples:
          stylealign morph --parent ffhq512.pkl --child dog.pkl --seeds 3,3 \\
              --frames 110 --outdir out/morph
          stylealign morph --parent ffhq512.pkl --child dog.pkl --ws-a face.npz \\
              --ws-b dog.npz --outdir out/morph
        """)

    @Option(help: ArgumentHelp("Parent network checkpoint.", valueName: "file"))
    var parent: String

    @Option(help: ArgumentHelp("Child network checkpoint.", valueName: "file"))
    var child: String

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to read (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(help: ArgumentHelp("Two seeds A,B: w_A from the parent, w_B from the child.", valueName: "A,B"))
    var seeds: SeedList?

    @Option(help: ArgumentHelp("w_A as .npz (key w, NVIDIA projector format) or .npy, [1, num_ws, w_dim] or [num_ws, w_dim].", valueName: "file"))
    var wsA: String?

    @Option(help: ArgumentHelp("w_B, as --ws-a.", valueName: "file"))
    var wsB: String?

    @Option(help: ArgumentHelp("Number of frames (the paper uses 110).", valueName: "N"))
    var frames = 110

    @Option(help: ArgumentHelp("Frames per second of the video (the paper: 13, about 8 s for 110 frames).", valueName: "fps"))
    var fps = 13

    @Option(help: ArgumentHelp("Frames shown in strip.png.", valueName: "N"))
    var strip = 8

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var outdir: String

    @OptionGroup var latents: LatentOptions
    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if let seeds {
            guard seeds.seeds.count == 2, wsA == nil, wsB == nil else { throw ValidationError("give --seeds A,B (two seeds) or --ws-a and --ws-b") }
        } else {
            guard wsA != nil, wsB != nil else { throw ValidationError("give --seeds A,B or both --ws-a and --ws-b") }
        }
        guard (1...100_000).contains(frames) else { throw ValidationError("--frames must be 1-100000") }
        guard (1...100).contains(fps) else { throw ValidationError("--fps must be 1-100") }
        guard strip >= 1 else { throw ValidationError("--strip must be at least 1") }
    }

    func run() throws {
        runtime.apply()
        let p = try LoadedModel(path: parent, networkKey: networkKey), c = try LoadedModel(path: child, networkKey: networkKey)
        try checkAligned(parent: p, child: c)
        let morph = try Morph(parent: p.generator, child: c.generator)
        let a = try latent(wsA, seed: seeds?.seeds[0], model: p)
        let b = try latent(wsB, seed: seeds?.seeds[1], model: c)
        let times = Morph.times(frames: frames)
        let r = p.generator.config.resolution
        var rgbFrames: [[UInt8]] = []
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for (k, t) in times.enumerated() {
                let image = try morph.frame(at: t, wsA: a, wsB: b, noise: latents.noiseMode)
                guard image.isFinite else { throw CLIError("\(child): frame \(k) (t = \(t)) is not finite") }
                try AtomicFile.write(image.png(sample: 0), to: path(String(format: "frame%04d.png", k)))
                rgbFrames.append(image.rgbPixels(sample: 0))
            }
        }
        let shown = min(strip, times.count)
        let chosen = shown == 1 ? [0] : (0..<shown).map { $0 * (times.count - 1) / (shown - 1) }
        try AtomicFile.write(ImageMosaic(cellWidth: r, cellHeight: r, cells: [chosen.map { rgbFrames[$0] }]).png(), to: path("strip.png"))
        let video = try writeVideo(rgbFrames, size: r)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(String(format: "wrote %d frames (%.2f s per frame), strip.png (t = %@) and %@ to %@", times.count, seconds / Double(times.count),
                     chosen.map { String(format: "%.2f", times[$0]) }.joined(separator: ", "), video, outdir))
    }

    func path(_ name: String) -> String { (outdir as NSString).appendingPathComponent(name) }

    /// ws [1, numWs, wDim]: a seed through the model's own mapping, or a file.
    func latent(_ file: String?, seed: UInt32?, model: LoadedModel) throws -> Tensor {
        let g = model.generator
        if let seed { return try latents.ws(for: [seed], generator: g) }
        guard let file else { throw CLIError("no latent given") }
        let array: NumpyArray = try withFileContext(file) {
            if file.hasSuffix(".npz") {
                let arrays = try NumpyArchive.read(FileBytes.read(file))
                guard let w = arrays["w"] ?? (arrays.count == 1 ? arrays.values.first : nil) else {
                    throw CLIError("\(file): no array named 'w' (found: \(arrays.keys.sorted().joined(separator: ", ")))")
                }
                return w
            }
            return try NumpyArray.decode(FileBytes.read(file))
        }
        let numWs = g.config.numWs, wd = g.config.wDim
        guard array.values.count == numWs * wd, array.shape.last == wd else {
            throw CLIError("\(file): ws of shape \(array.shape); this network needs [1, \(numWs), \(wd)] or [\(numWs), \(wd)]")
        }
        guard array.values.allSatisfy(\.isFinite) else { throw CLIError("\(file): the ws hold NaN or infinite values") }
        return Tensor(shape: [1, numWs, wd], data: array.values)
    }

    /// morph.mp4 through ffmpeg when it is on the PATH, else morph.gif; returns the file name.
    func writeVideo(_ frames: [[UInt8]], size: Int) throws -> String {
        if let ffmpeg = Self.executable("ffmpeg") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ffmpeg)
            process.arguments = ["-y", "-loglevel", "error", "-framerate", "\(fps)", "-i", path("frame%04d.png"),
                                 "-c:v", "libx264", "-pix_fmt", "yuv420p", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", path("morph.mp4")]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CLIError("\(path("morph.mp4")): ffmpeg failed with status \(process.terminationStatus)") }
            return "morph.mp4"
        }
        let gif = AnimatedGIF(width: size, height: size, frames: frames, delayCentiseconds: max(1, Int((100 / Double(fps)).rounded())))
        try AtomicFile.write(gif.encode(), to: path("morph.gif"))
        return "morph.gif (no ffmpeg on the PATH)"
    }

    /// The first executable called `name` on the PATH.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
