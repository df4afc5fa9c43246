import ArgumentParser
import StyleGAN

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe a network: format, architecture, ws and StyleSpace sizes, parameter counts, non-finite weights.",
        discussion: """
        Examples:
          stylealign inspect ffhq.pkl
          stylealign inspect --random-init ffhq1024
        """)

    @Argument(help: ArgumentHelp("Network checkpoint to describe.", valueName: "network"))
    var path: String?

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to use (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(name: .long, help: ArgumentHelp("Describe a built-in random network instead: \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            valueName: "preset"))
    var randomInit: String?

    func validate() throws {
        try LoadedModel.validate(network: path, randomInit: randomInit)
    }

    func run() throws {
        let model = try LoadedModel.load(network: path, networkKey: networkKey, randomInit: randomInit)
        print(NetworkSummary(model: model).text)
    }
}

/// What `inspect` prints, as lines of "label: value".
struct NetworkSummary {
    let model: LoadedModel

    var text: String {
        let g = model.generator, c = g.config
        var lines: [(String, String)] = [
            ("file", model.source),
            ("format", model.format),
        ]
        lines += model.details
        lines += [
            ("resolution", "\(c.resolution)x\(c.resolution), \(c.imgChannels) channels"),
            ("architecture", "\(c.architecture.rawValue), channel_base \(c.channelBase), channel_max \(c.channelMax), conv_clamp \(c.convClamp.map { "\($0)" } ?? "none"), num_fp16_res \(c.numFP16Res) (computed in fp32)"),
            ("mapping", "z_dim \(c.zDim), c_dim \(c.cDim), w_dim \(c.wDim), \(c.mappingLayers) layers, lr multiplier \(c.mappingLrMultiplier)"),
            ("ws", "\(c.numWs)"),
            ("style layers", "\(g.layout.layers.count) (\(g.layout.convLayers.count) conv + \(g.layout.layers.count - g.layout.convLayers.count) torgb)"),
            ("style channels", "\(g.layout.totalDimension) (\(g.layout.convLayers.reduce(0) { $0 + $1.dimension }) conv)"),
        ]
        let specs = c.parameterSpecs
        for component in ParameterComponent.allCases {
            let count = specs.filter { $0.component == component }.reduce(0) { $0 + $1.shape.reduce(1, *) }
            lines.append(("  \(component.title)", count.formatted()))
        }
        lines.append(("total values", specs.reduce(0) { $0 + $1.shape.reduce(1, *) }.formatted()))
        let wAvg = g.parameters["mapping.w_avg"]!.data
        lines.append(("w_avg norm", String(format: "%.4f", wAvg.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot())))
        let bad = g.nonFiniteTensors
        lines.append(("non-finite tensors", bad.isEmpty ? "none" : bad.joined(separator: ", ")))
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}

import Foundation
