import ArgumentParser
import StyleGAN

/// How latents are drawn and rendered, with NVIDIA generate.py's names and defaults.
struct LatentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Truncation psi (NVIDIA's default 1: no truncation).", valueName: "psi"))
    var trunc: Float = 1

    @Option(name: .long, help: ArgumentHelp("Truncate only the first N ws (default: all).", valueName: "N"))
    var truncCutoff: Int?

    @Option(name: .long, help: ArgumentHelp("Noise inputs: const (the checkpoint's buffers), random, or none.", valueName: "mode"))
    var noiseMode: NoiseMode = .const

    @Option(name: .customLong("class"), help: ArgumentHelp("Class label of a conditional network.", valueName: "index"))
    var classIndex: Int?

    var truncation: Truncation { Truncation(psi: trunc, cutoff: truncCutoff) }

    func validate() throws {
        guard trunc.isFinite else { throw ValidationError("--trunc must be a finite number") }
        if let truncCutoff, truncCutoff < 0 { throw ValidationError("--trunc-cutoff must be 0 or more") }
    }

    /// ws for `seeds`, with the class label and truncation applied.
    func ws(for seeds: [UInt32], generator g: Generator) throws -> Tensor {
        let z = Tensor.seedLatents(seeds, zDim: g.config.zDim)
        let c: Tensor?
        if let classIndex {
            c = try g.classLabel(classIndex, batch: seeds.count)
        } else if g.config.cDim > 0 {
            throw ValidationError("this network is conditional (\(g.config.cDim) classes): give --class")
        } else {
            c = nil
        }
        return try g.mapping(z: z, c: c, truncation: truncation)
    }
}

extension NoiseMode: ExpressibleByArgument {}
