import ArgumentParser
import FileFormats
import Foundation
import ReportSections
import Semantics
import StyleGAN

struct MixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mix",
        abstract: "Style mixing (NVIDIA's style_mixing.py) and reference-based translation in a parent and its child.",
        discussion: """
        Cell (row, col) renders the ws of the row seed with the rows listed in
        --styles taken from the column seed (w = w_row; w[styles] = w_col[styles]).
        With --styles 0-6 the column gives pose and shape, the row the rest. ws come
        from the --network's mapping (with --trunc); with --child the same ws are
        rendered by the child as well, so the child shows the translation of the
        parent's mix.

        Writes DIR/grid.png in NVIDIA's layout (top row: the column seeds' images,
        left column: the row seeds', top-left empty) and every cell as
        DIR/{row}-{col}.png; with --child the child's grid is drawn below the parent's
        and its cells are written to DIR/child/{row}-{col}.png.

        Example:
          stylealign mix --network ffhq.pkl --child mega.pkl --rows 85,100 \\
              --cols 55,821 --styles 0-6 --outdir out/mix
        """)

    @Option(help: ArgumentHelp("Network (the parent) checkpoint.", valueName: "file"))
    var network: String

    @Option(help: ArgumentHelp("Child checkpoint to render the same mixes with.", valueName: "file"))
    var child: String?

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to read (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(help: ArgumentHelp("Row seeds (the source of the rows not in --styles).", valueName: "list"))
    var rows: SeedList

    @Option(help: ArgumentHelp("Column seeds (the source of the --styles rows).", valueName: "list"))
    var cols: SeedList

    @Option(help: ArgumentHelp("ws rows taken from the column seed, e.g. 0,1,2 (default 0-6, NVIDIA's).", valueName: "list"))
    var styles: SeedList?

    var styleRows: [UInt32] { styles?.seeds ?? Array(0...6) }

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var outdir: String

    @OptionGroup var latents: LatentOptions
    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
        runtime.apply()
        let models = try [LoadedModel(path: network, networkKey: networkKey)]
            + (child.map { [try LoadedModel(path: $0, networkKey: networkKey)] } ?? [])
        if models.count == 2 { try checkAligned(parent: models[0], child: models[1]) }
        let g = models[0].generator
        let rowWs = try latents.ws(for: rows.seeds, generator: g), colWs = try latents.ws(for: cols.seeds, generator: g)
        let mixed: Tensor
        do {
            mixed = try StyleMixing.mix(rowWs: rowWs, colWs: colWs, styles: styleRows.map(Int.init))
        } catch let e as EngineError {
            throw CLIError("--styles: \(e.message)")
        }
        let r = g.config.resolution
        var mosaic = ImageMosaic(cellWidth: r, cellHeight: r)
        for (m, model) in models.enumerated() {
            let folder = m == 0 ? outdir : (outdir as NSString).appendingPathComponent("child")
            let render = { (ws: Tensor) in try model.generator.synthesis(ws: ws, noise: self.latents.noiseMode) }
            let rowImages = try render(rowWs), colImages = try render(colWs), cells = try render(mixed)
            mosaic.cells.append([nil] + (0..<cols.seeds.count).map { colImages.rgbPixels(sample: $0) })
            for (i, row) in rows.seeds.enumerated() {
                var line: [[UInt8]?] = [rowImages.rgbPixels(sample: i)]
                for (j, col) in cols.seeds.enumerated() {
                    let k = i * cols.seeds.count + j
                    try AtomicFile.write(cells.png(sample: k), to: (folder as NSString).appendingPathComponent("\(row)-\(col).png"))
                    line.append(cells.rgbPixels(sample: k))
                }
                mosaic.cells.append(line)
            }
        }
        try AtomicFile.write(mosaic.png(), to: (outdir as NSString).appendingPathComponent("grid.png"))
        print("wrote \(outdir)/grid.png (\(models.count == 2 ? "parent above, child below; " : "")rows \(SeedText.format(rows.seeds)), columns \(SeedText.format(cols.seeds)), styles \(SeedText.format(styleRows)) from the columns) and \(rows.seeds.count * cols.seeds.count * models.count) cells")
    }
}
