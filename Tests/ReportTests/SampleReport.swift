import Foundation
import Report

/// A report with every cell kind and figure kind, filled with made-up values that look like a
/// parent/child comparison. Shared by the tests and used to look at the output.
enum SampleReport {
    static let layers = ["mapping", "b4.conv1", "b8.conv0", "b8.conv1", "b16.conv0", "b16.conv1", "b32.conv0",
                         "b32.conv1", "torgb"]
    static let parentChange = [0.41, 2.3, 3.1, 3.4, 5.2, 6.8, 9.7, 12.4, 1.7]
    static let childChange = [0.38, 1.9, 2.7, 3.9, 6.1, 8.3, 11.2, 14.9, 2.2]
    static let errors = [0.05, 0.2, 0.3, 0.3, 0.4, 0.5, 0.8, 0.9, 0.2]

    static let resolutions = [4.0, 8, 16, 32, 64, 128, 256]
    static let lpips = [0.02, 0.05, 0.11, 0.19, 0.28, 0.33, 0.35]
    static let lpipsReset = [0.01, 0.02, 0.04, 0.08, 0.15, 0.22, 0.30]

    static let heatmapValues: [[Double]] = (0..<6).map { row in
        (0..<8).map { column in sin(Double(row) * 0.7) * cos(Double(column) * 0.5) * 0.9 }
    }

    static let binEdges = (0...24).map { -3.0 + 0.25 * Double($0) }
    static let countsParent: [Double] = (0..<24).map { bin in
        let centre = -3.0 + 0.25 * (Double(bin) + 0.5)
        return (800 * exp(-centre * centre / 2)).rounded()
    }
    static let countsChild: [Double] = (0..<24).map { bin in
        let centre = -3.0 + 0.25 * (Double(bin) + 0.5) - 0.4
        return (700 * exp(-centre * centre / 1.6)).rounded()
    }

    static let tableRows: [[TableCell]] = [
        [.text("mapping (8 FC layers)"), .integer(4_194_304), .fixed(0.00731, decimals: 4), .scientific(3.2e-5, significantDigits: 2)],
        [.text("affine A (style)"), .integer(2_609_152), .fixed(0.0412, decimals: 4), .scientific(1.7e-4, significantDigits: 2)],
        [.text("synthesis convolutions"), .integer(24_641_536), .fixed(0.731, decimals: 4), .scientific(-2.5e-3, significantDigits: 2)],
        [.text("toRGB"), .integer(12_291), .fixed(-0.112, decimals: 4), .missing],
    ]

    static let provenance: [(String, String)] = [
        ("parent", "/data/checkpoints/ffhq-256-config-e.pkl"),
        ("parent sha256", "3f8a1c9e0b7d4e2f6a5c8b1d9e0f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f"),
        ("child", "/data/checkpoints/afhqdog-from-ffhq-256.pkl"),
        ("seeds", "0-15"),
        ("tool", "stylealign 0.1 (Swift 6.3)"),
    ]

    /// A smooth procedural picture: a colour gradient with a soft disc, different per seed.
    static func image(seed: Int, size: Int) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: size * size * 3)
        let cx = 0.3 + 0.4 * Double((seed * 37) % 10) / 10
        let cy = 0.3 + 0.4 * Double((seed * 53) % 10) / 10
        for y in 0..<size {
            for x in 0..<size {
                let u = Double(x) / Double(size - 1)
                let v = Double(y) / Double(size - 1)
                let d = ((u - cx) * (u - cx) + (v - cy) * (v - cy)).squareRoot()
                let disc = max(0, 1 - d * 3.2)
                let offset = (y * size + x) * 3
                pixels[offset] = UInt8(min(255, 60 + 150 * u + 40 * disc + Double(seed * 9 % 40)))
                pixels[offset + 1] = UInt8(min(255, 70 + 110 * v + 60 * disc))
                pixels[offset + 2] = UInt8(min(255, 140 - 80 * u + 100 * disc))
            }
        }
        return RGBImage(width: size, height: size, pixels: pixels)
    }

    static func make(longTableRows: Int = 0) -> Report {
        var report = Report(title: "How afhqdog-256 differs from its parent ffhq-256",
                            subtitle: "StyleAlign analysis of an aligned StyleGAN2 pair",
                            provenance: provenance,
                            options: ["seeds": "0-15", "truncation": 0.7, "samples": 16, "layers": ["b4", "b8"],
                                      "noise": .object([("mode", "const"), ("seed", 3)])],
                            sectionTimings: [("weights", 1.25), ("images", 12.5)])
        report.append(.alert(.error, "This report was made from a built-in demo pair, not from your checkpoints."))
        report.append(.heading(level: 1, text: "Summary"))
        report.append(.keyFigures([
            KeyFigure(label: "Synthesis weights changed", value: "73.1 %", note: "relative L2, parent → child"),
            KeyFigure(label: "Mapping network changed", value: "0.73 %", note: "relative L2"),
            KeyFigure(label: "Mean LPIPS at 256²", value: "0.35"),
            KeyFigure(label: "Images compared", value: "16", note: "seeds 0–15, ψ = 0.7"),
        ]))
        report.append(.prose("""
            Fine-tuning moved the synthesis convolutions far more than the mapping network or the affine style \
            layers, so the child's W and S spaces stay close to the parent's. The numbers below are made up for \
            this sample and only show how each cell kind is drawn; a real report fills them from the checkpoints.

            Each figure and table has a number and a caption that says what its rows, columns and axes are.
            """))
        report.append(.alert(.warning, "Only 16 samples were drawn; differences below 0.01 are within noise."))
        report.append(.heading(level: 2, text: "Weight changes by layer"))
        report.append(.table(Table(
            name: "layer-groups",
            caption: "Change of each parameter group from parent to child. Rows: parameter groups; columns: number of parameters, relative L2 change and mean signed change.",
            columns: [TableColumn("Group"), TableColumn("Parameters", alignment: .right),
                      TableColumn("Relative change", alignment: .right, unit: "‖Δθ‖ / ‖θ‖"),
                      TableColumn("Mean change", alignment: .right)],
            rows: tableRows)))
        report.append(.figure(Figure(
            name: "layer-change",
            caption: "Relative weight change per layer (x axis: layer; y axis: relative L2 change in percent) for two fine-tuning runs; error bars show one standard deviation over 5 runs.",
            content: .barChart(BarChart(categories: layers, series: [
                .init(name: "run A", values: parentChange, errors: errors),
                .init(name: "run B", values: childChange, errors: errors),
            ], yLabel: "relative change (%)", xLabel: "layer")))))
        report.append(.heading(level: 2, text: "Images"))
        let seeds = [0, 1, 2]
        report.append(.figure(Figure(
            name: "samples",
            caption: "Samples from the same latent codes. Rows: seeds; columns: parent, child and the child with the parent's toRGB layers.",
            content: .imageGrid(ImageGrid(
                images: seeds.map { seed in [image(seed: seed, size: 32), image(seed: seed + 10, size: 32), image(seed: seed + 20, size: 32)] },
                rowLabels: seeds.map { "seed \($0)" },
                columnLabels: ["parent (ffhq)", "child (afhqdog)", "child with parent toRGB"],
                rowAxisTitle: "latent code", columnAxisTitle: "generator")))))
        report.append(.figure(Figure(
            name: "lpips-by-resolution",
            caption: "Perceptual distance between parent and child images when layers up to a resolution are swapped (x axis: resolution in pixels, log scale; y axis: LPIPS).",
            content: .linePlot(LinePlot(series: [
                .init(name: "swap coarse to fine", x: resolutions, y: lpips),
                .init(name: "reset to parent", x: resolutions, y: lpipsReset),
            ], xLabel: "resolution (px)", yLabel: "LPIPS", xLogScale: true)))))
        report.append(.heading(level: 1, text: "Alignment"))
        report.append(.figure(Figure(
            name: "channel-correlation",
            caption: "Correlation between parent and child style channels. Rows: layers; columns: channel groups; colour: Pearson correlation.",
            content: .heatmap(Heatmap(values: heatmapValues,
                                      rowLabels: (0..<6).map { "layer \($0)" },
                                      columnLabels: (0..<8).map { "g\($0)" },
                                      rowAxisTitle: "layer", columnAxisTitle: "channel group",
                                      colorbarLabel: "correlation", colormap: .diverging(center: 0),
                                      cellFormat: .fixed(decimals: 2))))))
        report.append(.figure(Figure(
            name: "style-shift",
            caption: "Distribution of style-channel shifts over 512 channels (x axis: shift in units of the parent's standard deviation; y axis: number of channels).",
            content: .histogram(Histogram(binEdges: binEdges, series: [
                .init(name: "parent", counts: countsParent), .init(name: "child", counts: countsChild),
            ], xLabel: "shift (σ)", yLabel: "channels")))))
        if longTableRows > 0 {
            report.append(.heading(level: 2, text: "All channels"))
            report.append(.heading(level: 3, text: "Channel list"))
            report.append(.table(Table(
                name: "channels",
                caption: "Every channel's shift. Rows: channels; columns: layer, channel index and shift.",
                columns: [TableColumn("Layer"), TableColumn("Channel"), TableColumn("Shift", unit: "σ")],
                rows: (0..<longTableRows).map { [.text("b\(4 << ($0 % 4))"), .integer($0), .fixed(Double($0) * 0.01, decimals: 2)] })))
        }
        return report
    }
}
