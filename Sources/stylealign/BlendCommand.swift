import ArgumentParser
import Checkpoints
import FileFormats
import Foundation
import ReportSections
import Semantics
import StyleGAN

struct BlendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blend",
        abstract: "Layer-swap blending (\"toonify\"): low-resolution blocks from one model, the rest from the other.",
        discussion: """
        Block r comes from the --low model when r < swap and from the other model when
        r >= swap (hard swap). With --width w (in octaves) the high model's share of
        block r is 1 / (1 + exp(-(log2 r - log2 swap + 0.5) / w)) and every tensor of
        the block is mixed in that proportion. The mapping network is the parent's
        (the W the pair shares). Swap resolutions run from 4 (every block from the
        high model) to 2R (every block from the low model).

        Writes DIR/grid.png (rows: seeds; columns: swap resolutions 4, 8, ..., 2R) and
        each cell as DIR/seedNNNN-swapR.png; with --swap R --save FILE the blended
        network as safetensors (read by every command of this tool).

        Examples:
          stylealign blend --parent ffhq.pkl --child toon.pkl --seeds 0-3 \\
              --outdir out/blend
          stylealign blend --parent ffhq.pkl --child toon.pkl --swap 32 \\
              --width 0.5 --save toonify.safetensors --outdir out/blend
        """)

    enum Source: String, ExpressibleByArgument, CaseIterable { case parent, child }

    @Option(help: ArgumentHelp("Parent network checkpoint.", valueName: "file"))
    var parent: String

    @Option(help: ArgumentHelp("Child network checkpoint.", valueName: "file"))
    var child: String

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to read (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(help: ArgumentHelp("Which model gives the low-resolution blocks (Toonify: the fine-tuned child).", valueName: "parent|child"))
    var low: Source = .child

    @Option(help: ArgumentHelp("Transition width in octaves (0: hard swap).", valueName: "w"))
    var width: Double = 0

    @Option(help: ArgumentHelp("The swap resolution of the network written by --save.", valueName: "R"))
    var swap: Int?

    @Option(help: ArgumentHelp("Write the blended network (at --swap) to this .safetensors file.", valueName: "file"))
    var save: String?

    @Option(help: ArgumentHelp("Seeds, w from the parent's mapping with --trunc (default 0-3).", valueName: "list"))
    var seeds: SeedList?

    var seedList: [UInt32] { seeds?.seeds ?? [0, 1, 2, 3] }

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var outdir: String

    @OptionGroup var latents: LatentOptions
    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard width.isFinite, width >= 0 else { throw ValidationError("--width must be 0 or more") }
        guard (save == nil) == (swap == nil) else { throw ValidationError("--save and --swap go together") }
    }

    func run() throws {
        runtime.apply()
        let p = try LoadedModel(path: parent, networkKey: networkKey), c = try LoadedModel(path: child, networkKey: networkKey)
        try checkAligned(parent: p, child: c)
        let (lowModel, highModel) = low == .child ? (c.generator, p.generator) : (p.generator, c.generator)
        let swaps = LayerSwap.resolutions(p.generator.config)
        if let swap, !swaps.contains(swap) {
            throw CLIError("--swap \(swap) is not one of \(swaps.map(String.init).joined(separator: ", "))")
        }
        let ws = try latents.ws(for: seedList, generator: p.generator)
        let r = p.generator.config.resolution
        var mosaic = ImageMosaic(cellWidth: r, cellHeight: r)
        mosaic.cells = Array(repeating: [], count: seedList.count)
        for s in swaps {
            let blended = try LayerSwap(swapResolution: s, width: width).blend(low: lowModel, high: highModel, mapping: p.generator)
            let images = try blended.synthesis(ws: ws, noise: latents.noiseMode)
            for (i, seed) in seedList.enumerated() {
                try AtomicFile.write(images.png(sample: i), to: path(String(format: "seed%04d-swap%d.png", seed, s)))
                mosaic.cells[i].append(images.rgbPixels(sample: i))
            }
        }
        try AtomicFile.write(mosaic.png(), to: path("grid.png"))
        print("wrote \(outdir)/grid.png: rows seeds \(SeedText.format(seedList)); columns swap resolution \(swaps.map(String.init).joined(separator: ", ")) (\(swaps[0]): all blocks from the \(low == .child ? "parent" : "child"); \(swaps[swaps.count - 1]): all from the \(low.rawValue))")
        if let swap, let save {
            let blended = try LayerSwap(swapResolution: swap, width: width).blend(low: lowModel, high: highModel, mapping: p.generator)
            let provenance = [("made by", "stylealign blend"), ("low-resolution blocks", low == .child ? child : parent),
                              ("high-resolution blocks", low == .child ? parent : child), ("mapping", parent),
                              ("swap resolution", "\(swap)"), ("transition width", "\(width) octaves")]
            try AtomicFile.write(SafetensorsNetwork.encode(config: blended.config, parameters: blended.parameters, provenance: provenance), to: save)
            print("wrote the blended network (swap \(swap), width \(width)) to \(save)")
        }
    }

    func path(_ name: String) -> String { (outdir as NSString).appendingPathComponent(name) }
}
