import Analysis
import ArgumentParser
import FileFormats
import Foundation
import Report
import ReportSections
import StyleGAN

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the alignment report (PDF and HTML): where did fine-tuning change the parent into its child?",
        discussion: """
        Compares a parent generator with a child fine-tuned from it: the architectures, the weight change of every tensor per component and resolution, the child with each component reset to the parent's weights, and the two models on the same latents. Writes DIR/report.pdf, report.html, report.json, figures/ (PNG and PDF of every figure) and data/ (CSV or JSON of every table and plotted series). Nothing is written before every section has been computed.

        Without --parent and --child the report analyses a small built-in demo pair (random weights; the child's feature convolutions alone moved by 30 %) and says so in red on its first page.

        --resolution R renders the skip image after the R × R block instead of the full image (skip networks only): much faster for large models; all image distances are then measured at R × R. Figures keep images of at most 256 px.

        Sections (--sections, comma-separated):
        \(SectionCatalog.helpText)

        Examples:
          stylealign report
          stylealign report --parent ffhq.pkl --child mega.pkl --out reports/mega
          stylealign report --parent ffhq512.pkl --child dog.pkl --seeds 0-15 --trunc 0.7 --resolution 128
          stylealign report --parent p.pkl --child c.pkl --sections models,weights
        """)

    @Option(help: ArgumentHelp("Parent network checkpoint (NVIDIA .pkl, rosinality .pt or .safetensors).", valueName: "file"))
    var parent: String?

    @Option(help: ArgumentHelp("Child network checkpoint, fine-tuned from the parent.", valueName: "file"))
    var child: String?

    @Option(name: .long, help: ArgumentHelp("Which network of an NVIDIA snapshot to read from both files (default G_ema).", valueName: "key"))
    var networkKey: String?

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var out = "reports/latest"

    @Option(help: ArgumentHelp("Seeds to render, e.g. 0,3,5-10 (default 0-7).", valueName: "list"))
    var seeds: SeedList?

    static let defaultSeeds: [UInt32] = Array(0...7)
    var seedValues: [UInt32] { seeds?.seeds ?? Self.defaultSeeds }

    @OptionGroup var latents: LatentOptions

    @Option(help: ArgumentHelp("Render at this block resolution instead of the full size (a power of two of the network, skip architecture only).", valueName: "R"))
    var resolution: Int?

    @Option(help: ArgumentHelp("Sections to include, comma-separated: \(SectionCatalog.all.map(\.id).joined(separator: ",")).", valueName: "list"))
    var sections: String?

    @Option(help: ArgumentHelp("Images rendered per forward pass.", valueName: "N"))
    var batch = 4

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard (parent == nil) == (child == nil) else {
            throw ValidationError("give both --parent and --child, or neither for the built-in demo pair")
        }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
        if let resolution, resolution < 4 || resolution & (resolution - 1) != 0 {
            throw ValidationError("--resolution must be a power of two, 4 or more")
        }
        _ = try selectedSections()
    }

    func selectedSections() throws -> [any ReportSection] {
        guard let sections else { return SectionCatalog.defaultSections }
        let ids = sections.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        do {
            return try SectionCatalog.select(ids)
        } catch let error as SectionError {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let start = Date()
        runtime.apply()
        let (parentModel, childModel, alerts) = try loadPair()
        let settings = RenderSettings(seeds: seedValues, truncation: latents.truncation, noise: latents.noiseMode,
                                      resolution: resolution, classIndex: latents.classIndex, batchSize: batch)
        let builder = AlignmentReportBuilder(
            parent: parentModel, child: childModel, settings: settings, sections: try selectedSections(),
            facts: RunFacts(toolVersion: RunEnvironment.toolVersion(executable: CommandLine.arguments[0]),
                            commandLine: Self.commandLine, startTime: start, threads: EngineThreads.count,
                            machine: RunEnvironment.machine),
            leadingAlerts: alerts, options: options)
        let report: Report
        do {
            report = try builder.build(progress: ProgressBar())
        } catch let error as AlignmentError {
            throw CLIError("\(child ?? "child"): \(error.message) with \(parent ?? "parent")")
        } catch let error as EngineError {
            throw CLIError("\(child ?? "the demo pair"): \(error.message)")
        }
        let written: [String]
        do {
            written = try ReportWriter.write(report, to: out)
        } catch let error as ReportError {
            throw CLIError("\(out): \(error.message)")
        }
        let seconds = Date().timeIntervalSince(start)
        print("wrote \(written.count) files to \(out) (report.pdf, report.html, report.json, figures/, data/) in \(String(format: "%.1f", seconds)) s")
    }

    /// The two networks, or the demo pair with the alert that says so.
    func loadPair() throws -> (ReportModel, ReportModel, [(AlertLevel, String)]) {
        guard let parent, let child else {
            let pair = try DemoPair.make()
            let format = "built-in demo network"
            return (ReportModel(role: "parent", generator: pair.parent, source: "built-in demo parent (random weights, seed \(DemoPair.parentSeed))", format: format),
                    ReportModel(role: "child", generator: pair.child, source: "built-in demo child (conv weights moved \(Int(DemoPair.relativeChange * 100)) %)", format: format),
                    [(.error, DemoPair.description)])
        }
        return (try load(parent, role: "parent"), try load(child, role: "child"), [])
    }

    func load(_ path: String, role: String) throws -> ReportModel {
        let model = try withFileContext(path) { try LoadedModel(path: path, networkKey: networkKey) }
        let digest = try withFileContext(path) { try SHA256.hex(ofFile: path) }
        return ReportModel(role: role, generator: model.generator, source: path, format: model.format,
                           details: model.details, sha256: digest)
    }

    /// The options in report.json: enough to run the same report again.
    var options: [String: OptionValue] {
        [
            "parent": parent.map(OptionValue.string) ?? .null,
            "child": child.map(OptionValue.string) ?? .null,
            "demoPair": .bool(parent == nil),
            "networkKey": networkKey.map(OptionValue.string) ?? .null,
            "out": .string(out),
            "seeds": .string(SeedText.format(seedValues)),
            "trunc": .number(Double(latents.trunc)),
            "truncCutoff": latents.truncCutoff.map(OptionValue.integer) ?? .null,
            "noiseMode": .string(latents.noiseMode.rawValue),
            "class": latents.classIndex.map(OptionValue.integer) ?? .null,
            "resolution": resolution.map(OptionValue.integer) ?? .null,
            "sections": .string((try? selectedSections().map(\.id).joined(separator: ",")) ?? ""),
            "batch": .integer(batch),
            "threads": .integer(EngineThreads.count),
        ]
    }

    /// The command as typed, quoted where a shell would need it.
    static var commandLine: String {
        CommandLine.arguments.map { argument in
            let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:+@".contains($0) }
            return safe && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
