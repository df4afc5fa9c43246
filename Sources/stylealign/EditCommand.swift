import ArgumentParser
import FileFormats
import Foundation
import Semantics
import StyleGAN

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Apply the same latent edit to a parent and its child, side by side.",
        discussion: """
        For each seed, w comes from the parent's mapping network (with --trunc toward
        the parent's w_avg) and both models edit and render that same w, so a control
        that the child inherited does the corresponding thing in both rows.

        Controls (--control):
          6_501          StyleSpace channel layer_channel (papers' numbering, torgb
                         layers counted): s[l][c] += alpha * sigma[l][c], sigma = the
                         parent's channel std over --stats-samples ws (ddof 0); the
                         same step is added in the child. Only layer l changes.
          pc0            principal component k of the parent's W (GANSpace): w +=
                         alpha * sqrt(lambda_k) * u_k
          dir.npy        a W direction of w_dim values (.npz: file.npz:key): w +=
                         alpha * d
          smile          a name from data/controls.json (or --controls FILE), e.g.
                         smile = 6_501 for FFHQ 1024
        W directions move every ws row, or only --rows (e.g. 0-7). Synthesis before
        the first changed layer is computed once per seed and reused for every alpha.
        alpha 0 is exactly the unedited image.

        Writes DIR/grid.png (rows: parent then child for each seed; columns: alphas)
        and every cell as DIR/seedNNNN-{parent|child}-alpha{A}.png. Statistics are
        cached (--cache-dir).

        Examples:
          stylealign edit --parent ffhq.pkl --child mega.pkl --control smile \\
              --alphas -10,-5,0,5,10 --seeds 0-3 --outdir out/smile
          stylealign edit --parent ffhq.pkl --child dog.pkl --control pc1 \\
              --rows 0-5 --alphas -3,0,3 --seeds 1,2 --outdir out/pc1
        """)

    @Option(help: ArgumentHelp("Parent network checkpoint.", valueName: "file"))
    var parent: String

    @Option(help: ArgumentHelp("Child network checkpoint (fine-tuned from the parent); omit to edit the parent alone.", valueName: "file"))
    var child: String?

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to read (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(help: ArgumentHelp("The edit: 6_501, pc0, a .npy/.npz direction, or a named control.", valueName: "control"))
    var control: String

    @Option(help: ArgumentHelp("ws rows a W direction moves, e.g. 0-7 (default: all).", valueName: "rows"))
    var rows: RowRange?

    @Option(parsing: .unconditional, help: ArgumentHelp("Edit strengths, comma-separated (channel and pc controls: in standard deviations).", valueName: "list"))
    var alphas = NumberList(argument: "-10,-5,0,5,10")!

    @Option(help: ArgumentHelp("Seeds, e.g. 0,3,5-10 (default 0-3).", valueName: "list"))
    var seeds: SeedList?

    var seedList: [UInt32] { seeds?.seeds ?? [0, 1, 2, 3] }

    @Option(help: ArgumentHelp("Named-controls table (default: data/controls.json of this checkout).", valueName: "file"))
    var controls: String?

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var outdir: String

    @OptionGroup var latents: LatentOptions
    @OptionGroup var statistics: StatisticsOptions
    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        runtime.apply()
        let models = try [LoadedModel(path: parent, networkKey: networkKey)]
            + (child.map { [try LoadedModel(path: $0, networkKey: networkKey)] } ?? [])
        let p = models[0].generator
        if let c = models.dropFirst().first { try checkAligned(parent: models[0], child: c) }
        let resolver = ControlResolver(parent: p, parentSource: parent, statistics: statistics,
                                       classIndex: latents.classIndex, tablePath: controls)
        let edit = try resolver.resolve(control, rows: rows?.range)
        let stats = edit.channel == nil ? nil : try statistics.styleStatistics(p, classIndex: latents.classIndex, source: parent)
        let editors = try models.map { try StyleEditor(generator: $0.generator, statistics: stats) }
        let first = edit.firstLayer(in: p.layout)
        var mosaic = ImageMosaic(cellWidth: p.config.resolution, cellHeight: p.config.resolution)
        for seed in seedList {
            let ws = try latents.ws(for: [seed], generator: p)
            for (i, (model, editor)) in zip(models, editors).enumerated() {
                let role = i == 0 ? "parent" : "child"
                let g = editor.generator
                let base = try g.styles(ws: ws)
                let state = try g.state(before: first, styles: base, noise: latents.noiseMode)
                var row: [[UInt8]?] = []
                for alpha in alphas.values {
                    let styles = try editor.styles(ws: ws, base: base, control: edit, alpha: alpha)
                    let image = try g.resume(from: state, styles: styles, noise: latents.noiseMode)
                    guard image.isFinite else { throw CLIError("\(model.source): the image for seed \(seed), alpha \(alpha) is not finite") }
                    try AtomicFile.write(image.png(sample: 0), to: path(String(format: "seed%04d-%@-alpha%@.png", seed, role, NumberList.format(alpha))))
                    row.append(image.rgbPixels(sample: 0))
                }
                mosaic.cells.append(row)
            }
        }
        try AtomicFile.write(mosaic.png(), to: path("grid.png"))
        print("control \(edit.name): \(describe(edit, stats, p.layout))")
        print("wrote \(outdir)/grid.png: rows \(seedList.map { "seed \($0) " + (child == nil ? "parent" : "parent, child") }.joined(separator: "; ")); columns alpha \(alphas.values.map(NumberList.format).joined(separator: ", "))")
    }

    func path(_ name: String) -> String { (outdir as NSString).appendingPathComponent(name) }

    func describe(_ control: Control, _ stats: StyleStatistics?, _ layout: StyleSpaceLayout) -> String {
        switch control.kind {
        case let .channel(c):
            let sigma = (try? stats?.sigma(c)).flatMap { $0 } ?? .nan
            return "StyleSpace channel \(c) of \(layout.layers[c.layer].name), sigma \(String(format: "%.4g", sigma)) (the parent's std)"
        case let .direction(d, rows):
            let norm = d.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return String(format: "W direction of norm %.4g", norm) + (rows.map { " on ws rows \($0.lowerBound)-\($0.upperBound - 1)" } ?? " on every ws row")
        }
    }
}

/// Comma-separated numbers such as -10,-5,0,5,10.
struct NumberList: ExpressibleByArgument {
    let values: [Float]

    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0?.isFinite == true }) else { return nil }
        values = parsed.compactMap { $0 }
    }

    /// "5", "-2.5": text for file names and messages.
    static func format(_ v: Float) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    static var defaultValueDescription: String { "a list like -10,-5,0,5,10" }
    var defaultValueDescription: String { values.map(Self.format).joined(separator: ",") }
}
