import ArgumentParser
import FileFormats
import Foundation
import StyleGAN

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render images for seeds or saved ws, like NVIDIA's generate.py.",
        discussion: """
        For seed s, z = numpy.random.RandomState(s).randn(1, z_dim), so the images equal those of NVIDIA's
        generate.py with the same --seeds, --trunc and --noise-mode. Writes seedNNNN.png (and .npy / .npz with
        --save-raw / --save-ws); with --ws FILE.npz it renders the rows of the file's `w` array as projNN.png.

        Examples:
          stylealign generate --network ffhq.pkl --seeds 0-7 --trunc 0.7 --outdir out
          stylealign generate --network dog.pkl --ws out/seed0003.npz --outdir dog
          stylealign generate --random-init ffhq1024 --seeds 0 --outdir out
        """)

    @OptionGroup var network: NetworkOptions
    @OptionGroup var latents: LatentOptions
    @OptionGroup var runtime: RuntimeOptions

    @Option(help: ArgumentHelp("Seeds to render, e.g. 0,3,5-10.", valueName: "list"))
    var seeds: SeedList?

    @Option(help: ArgumentHelp("Render the ws stored under key `w` in this .npz ([N, num_ws, w_dim]) instead of seeds.",
                               valueName: "file"))
    var ws: String?

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var outdir: String

    @Flag(help: "Also write the float32 network output, [1, C, H, W] before clamping, as .npy.")
    var saveRaw = false

    @Flag(help: "Also write the ws as .npz with key `w`, [1, num_ws, w_dim] (NVIDIA projector format).")
    var saveWs = false

    @Option(help: ArgumentHelp("Images rendered per forward pass.", valueName: "N"))
    var batch = 4

    func validate() throws {
        guard (seeds == nil) != (ws == nil) else { throw ValidationError("give either --seeds or --ws") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        runtime.apply()
        let model = try network.load()
        let g = model.generator
        try checkFinite(model, needsWAvg: ws == nil && latents.trunc != 1)
        let jobs: [(name: String, ws: Tensor)]
        if let seeds {
            jobs = try stride(from: 0, to: seeds.seeds.count, by: batch).map { start in
                let part = Array(seeds.seeds[start..<min(start + batch, seeds.seeds.count)])
                return (part.map { String(format: "seed%04d", $0) }.joined(separator: ","), try latents.ws(for: part, generator: g))
            }
        } else {
            jobs = try wsFileBatches(g)
        }
        let clock = ContinuousClock()
        var rendered = 0
        let elapsed = try clock.measure {
            for job in jobs {
                let images = try g.synthesis(ws: job.ws, noise: latents.noiseMode, noiseSeed: 0)
                let names = job.name.split(separator: ",").map(String.init)
                for (i, name) in names.enumerated() {
                    try write(name: name, images: images, ws: job.ws, sample: i, model: model)
                    rendered += 1
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(String(format: "wrote %d image(s) of %dx%d to %@ in %.2f s (%.3f s per image, %d threads)",
                     rendered, g.config.resolution, g.config.resolution, outdir, seconds,
                     seconds / Double(max(1, rendered)), EngineThreads.count))
    }

    /// Truncation pulls every w toward w_avg: a non-finite w_avg would make every image NaN.
    func checkFinite(_ model: LoadedModel, needsWAvg: Bool) throws {
        let bad = model.generator.nonFiniteTensors
        if needsWAvg, bad.contains("mapping.w_avg") {
            throw CLIError("\(model.source): mapping.w_avg is not finite, so truncation (--trunc \(latents.trunc)) is impossible; use --trunc 1")
        }
        guard [1, 3, 4].contains(model.generator.config.imgChannels) else {
            throw CLIError("\(model.source): \(model.generator.config.imgChannels)-channel images cannot be written as PNG")
        }
    }

    func wsFileBatches(_ g: Generator) throws -> [(name: String, ws: Tensor)] {
        guard let path = ws else { return [] }
        let arrays = try withFileContext(path) { try NumpyArchive.read(FileBytes.read(path)) }
        guard let w = arrays["w"] else {
            throw CLIError("\(path): no array named 'w' (found: \(arrays.keys.sorted().joined(separator: ", ")))")
        }
        guard w.shape.count == 3, w.shape[1] == g.config.numWs, w.shape[2] == g.config.wDim else {
            throw CLIError("\(path): w has shape \(w.shape), this network needs [N, \(g.config.numWs), \(g.config.wDim)]")
        }
        let all = Tensor(shape: w.shape, data: w.values)
        return stride(from: 0, to: w.shape[0], by: batch).map { start in
            let range = start..<min(start + batch, w.shape[0])
            return (range.map { String(format: "proj%02d", $0) }.joined(separator: ","), all.slice(range))
        }
    }

    func write(name: String, images: Tensor, ws: Tensor, sample i: Int, model: LoadedModel) throws {
        let one = images.slice(i..<(i + 1))
        guard one.isFinite else {
            let culprits = model.generator.nonFiniteTensors
            throw CLIError("\(model.source): the image for \(name) is not finite" +
                           (culprits.isEmpty ? " (the forward pass overflowed)" : "; non-finite tensors: \(culprits.joined(separator: ", "))"))
        }
        let base = (outdir as NSString).appendingPathComponent(name)
        let png = PNGImage(width: one.shape[3], height: one.shape[2], channels: one.shape[1], pixels: one.uint8Pixels(sample: 0))
        try AtomicFile.write(png.encode(), to: base + ".png")
        if saveRaw {
            try AtomicFile.write(NumpyArray(shape: one.shape, values: one.data).encode(), to: base + ".npy")
        }
        if saveWs {
            let w = ws.slice(i..<(i + 1))
            try AtomicFile.write(NumpyArchive.encode([("w", NumpyArray(shape: w.shape, values: w.data))]), to: base + ".npz")
        }
    }
}
