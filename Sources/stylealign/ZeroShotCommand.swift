import ArgumentParser
import FileFormats
import Foundation
import Report
import ReportSections
import StyleGAN
import ZeroShot

struct ZeroShotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zeroshot",
        abstract: "Zero-shot transfer: train a latent classifier or regressor on parent labels, score it on the child.",
        discussion: """
        A linear model is trained on labelled parent samples in W (ws row 0), in W+ rows A-B (wplus:A-B, \
        concatenated) or in StyleSpace S, then applied to the child's images of the same ws (from the parent's \
        mapping), and scored against the child's own labels with bootstrap intervals over test seeds. Baselines on \
        the same seeds: the ceiling (the same training on the child's labels) and the floor (the parent's model on \
        --floors independently initialised networks of the parent's architecture, never aligned with it; metrics \
        averaged over them).

        Labels (one source): --labels CSV with rows seed,attribute,value (and --child-labels for the child's \
        seeds), --channel L_C (the StyleSpace value s[L][C] of each network), --direction FILE.npy (the projection \
        of w on a W direction; the same in every network), or --measure with built-in image measures:
        \(ImageMeasure.definitions)
        Measures are taken on the skip image after the --resolution block (default: 32 px, or the network's size \
        if smaller): a much cheaper forward pass than the full image.

        Classification (--task classify): L2-regularised logistic regression on standardised features, fitted by \
        L-BFGS (OpenBLAS products, deterministic). Continuous labels are split at each network's own median (the \
        parent's and the child's over the training seeds, each floor network's over the test seeds), so classes \
        are balanced and chance is 0.5; 0/1 labels are used as they are. Prediction: score (log-odds) > 0. \
        Metrics: accuracy, balanced accuracy, ROC AUC.
        Regression (--task regress): the hyperplane of that classifier, the signed distance to it (for wplus:A-B \
        averaged over rows A-B, the paper's regressor) and a least-squares line to the label value. Metrics: \
        Pearson r, Spearman rho, mean absolute error.
        Intervals: percentile bootstrap over test seeds (--bootstrap resamples from --bootstrap-seed, shared by \
        all conditions).

        Models are saved as JSON to --models/NAME.json (default name ATTRIBUTE-SPACE) and applied again with \
        --model NAME. Writes to --outdir: results.json (every number), samples-ATTRIBUTE.csv (per test seed \
        scores and labels) and a report (report.pdf, report.html, figures/, data/) with the transfer table, the \
        positive / neutral / negative examples grid and the calibration plot of each attribute.

        Examples:
          stylealign zeroshot --parent ffhq.pkl --child dog.pkl \\
              --measure brightness,colourfulness:center --outdir out/zs
          stylealign zeroshot --parent ffhq.pkl --child dog.pkl --space wplus:0-3 \\
              --attribute black_hair --labels faces.csv --child-labels dogs.csv \\
              --train-seeds 0-1999 --test-seeds 2000-2499 --outdir out/hair
          stylealign zeroshot --parent ffhq.pkl --child dog.pkl --channel 12_479 \\
              --space s --outdir out/s
          stylealign zeroshot --parent ffhq.pkl --child cat.pkl --model black_hair-w \\
              --attribute black_hair --labels faces.csv --child-labels cats.csv \\
              --outdir out/cat
          stylealign zeroshot --parent-random-init paper256 \\
              --child-random-init paper256 --child-random-seed 1 \\
              --measure brightness --outdir out/timing
        """)

    // MARK: networks

    @Option(help: ArgumentHelp("Parent checkpoint (NVIDIA .pkl, rosinality .pt, .safetensors).", valueName: "file"))
    var parent: String?

    @Option(help: ArgumentHelp("Child checkpoint, fine-tuned from the parent.", valueName: "file"))
    var child: String?

    @Option(help: ArgumentHelp("Use deterministic random weights as the parent: \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "preset"))
    var parentRandomInit: String?

    @Option(help: ArgumentHelp("Use deterministic random weights as the child (for timing).", valueName: "preset"))
    var childRandomInit: String?

    @Option(help: ArgumentHelp("Weight seed of --child-random-init (0 = the same weights as --parent-random-init).", valueName: "N"))
    var childRandomSeed: UInt64 = 0

    @Option(help: ArgumentHelp("Which network of an NVIDIA snapshot to read (default G_ema).", valueName: "key"))
    var networkKey: String?

    // MARK: labels

    @Option(help: ArgumentHelp("Attribute name(s), comma-separated: the CSV's attribute column, or a name for --channel / --direction / --measure.", valueName: "name"))
    var attribute: String?

    @Option(help: ArgumentHelp("CSV of parent labels: seed,attribute,value.", valueName: "file"))
    var labels: String?

    @Option(help: ArgumentHelp("CSV of the child's labels for the same seeds (with --labels).", valueName: "file"))
    var childLabels: String?

    @Option(help: ArgumentHelp("StyleSpace channel(s) as labels, e.g. 12_479 or 6_501,12_479.", valueName: "L_C"))
    var channel: String?

    @Option(help: ArgumentHelp("A W direction (.npy with w_dim values): labels = <w, d> / |d|.", valueName: "file"))
    var direction: String?

    @Option(help: ArgumentHelp("Built-in measure(s), comma-separated: brightness, colourfulness, hue, asymmetry, each optionally :whole|center|top|bottom|left|right.", valueName: "list"))
    var measure: String?

    // MARK: model

    @Option(help: ArgumentHelp("classify (logistic regression) or regress (hyperplane distance -> value).", valueName: "task"))
    var task: String?

    @Option(help: ArgumentHelp("Latent space: w, wplus:A-B or s (default w).", valueName: "space"))
    var space: String?

    @Option(help: ArgumentHelp("Seeds of the training samples.", valueName: "list"))
    var trainSeeds = SeedList(argument: "0-1999")!

    @Option(help: ArgumentHelp("Seeds of the test samples.", valueName: "list"))
    var testSeeds = SeedList(argument: "2000-2499")!

    @Option(help: ArgumentHelp("L2 penalty λ of the logistic regression (on standardised features).", valueName: "λ"))
    var l2 = 1e-3

    @Option(help: ArgumentHelp("Apply this saved model (name in --models, or a .json path) instead of training one.", valueName: "name"))
    var model: String?

    @Option(help: ArgumentHelp("Directory of saved models.", valueName: "dir"))
    var models = LatentModelStore.defaultDirectory

    @Option(help: ArgumentHelp("Name to save the trained model under (one attribute only; default ATTRIBUTE-SPACE).", valueName: "name"))
    var saveAs: String?

    @Flag(help: "Do not save the trained models.")
    var noSave = false

    // MARK: evaluation

    @Option(help: ArgumentHelp("Number of independently initialised networks for the floor.", valueName: "K"))
    var floors = 3

    @Option(help: ArgumentHelp("Weight seed of the first floor network (the others follow).", valueName: "N"))
    var floorSeed: UInt64 = 101

    @Flag(help: "Skip the ceiling and the floor.")
    var noBaselines = false

    @Option(help: ArgumentHelp("Bootstrap resamples.", valueName: "N"))
    var bootstrap = 1000

    @Option(help: ArgumentHelp("Seed of the bootstrap resamples.", valueName: "N"))
    var bootstrapSeed: UInt64 = 0

    @Option(help: ArgumentHelp("Equal-count score bins of the calibration plot.", valueName: "N"))
    var bins = 8

    // MARK: rendering

    @OptionGroup var latents: LatentOptions

    @Option(help: ArgumentHelp("Analysis resolution of the measures: a block resolution (default min(32, network)).", valueName: "R"))
    var resolution: Int?

    @Option(help: ArgumentHelp("Resolution of the example pictures (default min(256, network)).", valueName: "R"))
    var exampleResolution: Int?

    @Option(help: ArgumentHelp("Examples per column of the ranking figure.", valueName: "N"))
    var examples = 4

    @Option(help: ArgumentHelp("Samples per forward pass.", valueName: "N"))
    var batch = 16

    @OptionGroup var runtime: RuntimeOptions

    @Option(help: ArgumentHelp("Output directory (created if missing).", valueName: "dir"))
    var outdir: String

    @Flag(help: "Write results.json and the CSVs only, no PDF/HTML report.")
    var noReport = false

    // MARK: validation

    func validate() throws {
        guard (parent == nil) != (parentRandomInit == nil) else { throw ValidationError("give either --parent FILE or --parent-random-init PRESET") }
        guard (child == nil) != (childRandomInit == nil) else { throw ValidationError("give either --child FILE or --child-random-init PRESET") }
        for preset in [parentRandomInit, childRandomInit].compactMap({ $0 }) where RandomInit.Preset(rawValue: preset) == nil {
            throw ValidationError("unknown random-init preset '\(preset)'; choose one of \(RandomInit.Preset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let sources = [labels, channel, direction, measure].compactMap { $0 }
        guard sources.count == 1 else { throw ValidationError("give exactly one label source: --labels, --channel, --direction or --measure") }
        if childLabels != nil, labels == nil { throw ValidationError("--child-labels goes with --labels") }
        if labels != nil, attribute == nil { throw ValidationError("--labels needs --attribute (the CSV's attribute name)") }
        if model != nil, attributeNames.count != 1 { throw ValidationError("--model applies one model: give one attribute") }
        if saveAs != nil, attributeNames.count != 1 { throw ValidationError("--save-as names one model: give one attribute") }
        if let task, LatentTask(rawValue: task) == nil { throw ValidationError("--task must be classify or regress") }
        if let space { do { _ = try LatentSpace(parsing: space) } catch { throw ValidationError("\(error)") } }
        if let saveAs { do { try LatentModelStore.validate(name: saveAs) } catch { throw ValidationError("\(error)") } }
        guard floors >= 0, floors <= 32 else { throw ValidationError("--floors must be 0-32") }
        guard bootstrap >= 0, bins >= 1, examples >= 0, batch >= 1 else {
            throw ValidationError("--bootstrap, --examples must be ≥ 0 and --bins, --batch ≥ 1")
        }
        guard l2.isFinite, l2 >= 0 else { throw ValidationError("--l2 must be a finite number ≥ 0") }
        for r in [resolution, exampleResolution].compactMap({ $0 }) where r < 4 || r & (r - 1) != 0 {
            throw ValidationError("resolutions must be powers of two, 4 or more")
        }
    }

    /// The attribute names of the run, in order.
    var attributeNames: [String] {
        if let attribute { return attribute.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let measure { return measure.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        if let channel { return channel.split(separator: ",").map { "s" + $0.trimmingCharacters(in: .whitespaces) } }
        if let direction { return [((direction as NSString).lastPathComponent as NSString).deletingPathExtension] }
        return []
    }

    // MARK: run

    func run() throws {
        runtime.apply()
        let parentModel = try load(path: parent, preset: parentRandomInit, seed: 0)
        let childModel = try load(path: child, preset: childRandomInit, seed: childRandomSeed)
        let g = parentModel.generator
        let saved = try model.map { name in try withFileContext(name) { try LatentModelStore(directory: models).load(name) } }
        let taskValue = saved?.task ?? task.flatMap(LatentTask.init(rawValue:)) ?? .classify
        let spaceValue = try saved?.space ?? space.map(LatentSpace.init(parsing:)) ?? .w
        let analysis = resolution ?? min(32, g.config.resolution)
        try checkResolution(analysis, g.config, "--resolution")
        if let exampleResolution { try checkResolution(exampleResolution, g.config, "--example-resolution") }
        let setup = TransferSetup(
            task: taskValue, space: spaceValue, trainSeeds: trainSeeds.seeds, testSeeds: testSeeds.seeds,
            sampling: LatentSampling(truncationPsi: latents.trunc, truncationCutoff: latents.truncCutoff,
                                     noiseMode: latents.noiseMode, classIndex: latents.classIndex, analysisResolution: analysis),
            l2: l2, bootstrap: Bootstrap(resamples: bootstrap, seed: bootstrapSeed), examplesPerColumn: examples,
            exampleResolution: exampleResolution, calibrationBins: bins, baselines: !noBaselines, batchSize: batch)
        var attributes = try makeAttributes(g, task: taskValue, space: spaceValue)
        if let saved { attributes[0].model = saved; attributes[0].modelName = saved.name }
        let floorNetworks: [NamedGenerator] = noBaselines ? [] : try (0..<floors).map { k in
            let seed = floorSeed + UInt64(k)
            return NamedGenerator(source: "random-init seed \(seed)",
                                  generator: try Generator(config: g.config, parameters: RandomInit.parameters(config: g.config, seed: seed)))
        }

        var runs: [TransferRun]
        do {
            runs = try ZeroShotTransfer(setup: setup).run(
                parent: NamedGenerator(source: parentModel.source, generator: g),
                child: NamedGenerator(source: childModel.source, generator: childModel.generator),
                floors: floorNetworks, attributes: attributes,
                progress: { FileHandle.standardError.write(Data("  \($0)\n".utf8)) })
        } catch let error as ZeroShotError {
            throw CLIError(error.message)
        } catch let error as EngineError {
            throw CLIError("\(childModel.source): \(error.message)")
        }
        // The files' SHA-256 go into the saved models and results.json next to the weights' fingerprints.
        let parentSHA = try parent.map { path in try withFileContext(path) { try SHA256.hex(ofFile: path) } }
        let childSHA = try child.map { path in try withFileContext(path) { try SHA256.hex(ofFile: path) } }
        for k in runs.indices {
            runs[k].result.parent.fileSHA256 = parentSHA
            runs[k].result.child.fileSHA256 = childSHA
            if attributes[k].model == nil { runs[k].model.sourceNetwork.fileSHA256 = parentSHA }
            runs[k].ceilingModel?.sourceNetwork.fileSHA256 = childSHA
        }
        try write(runs, parentModel: parentModel, childModel: childModel, hashes: (parentSHA, childSHA))
    }

    func load(path: String?, preset: String?, seed: UInt64) throws -> LoadedModel {
        if let path { return try withFileContext(path) { try LoadedModel(path: path, networkKey: networkKey) } }
        guard let preset, let p = RandomInit.Preset(rawValue: preset) else { throw CLIError("no network given") }
        return try LoadedModel(preset: p, seed: seed)
    }

    func checkResolution(_ r: Int, _ config: GeneratorConfig, _ option: String) throws {
        guard config.blockResolutions.contains(r) else {
            throw CLIError("\(option) \(r) is not a block resolution of the network (\(config.blockResolutions.map(String.init).joined(separator: ", ")))")
        }
    }

    /// One attribute per name, with the label source the options describe.
    func makeAttributes(_ g: Generator, task: LatentTask, space: LatentSpace) throws -> [ZeroShotAttribute] {
        let names = attributeNames
        func attribute(_ name: String, _ source: LabelSource, child: LabelSource? = nil) -> ZeroShotAttribute {
            let modelName = saveAs ?? LatentModelStore.name(attribute: name, space: space, task: task)
            return ZeroShotAttribute(name: name, modelName: modelName, labels: source, childLabels: child)
        }
        if let labels {
            let parentTable = try withFileContext(labels) { try LabelTable(csv: String(contentsOfFile: labels, encoding: .utf8)) }
            let childTable = try childLabels.map { path in
                try withFileContext(path) { try LabelTable(csv: String(contentsOfFile: path, encoding: .utf8)) }
            }
            return names.map { name in
                attribute(name, .table(parentTable, attribute: name, file: labels),
                          child: childTable.map { .table($0, attribute: name, file: childLabels ?? "") })
            }
        }
        if let measure {
            let measures = try measure.split(separator: ",").map { text in
                do { return try ImageMeasure(parsing: text.trimmingCharacters(in: .whitespaces)) } catch { throw CLIError("--measure: \(error)") }
            }
            guard names.count == measures.count else { throw CLIError("--attribute gives \(names.count) names for \(measures.count) measures") }
            return zip(names, measures).map { attribute($0, .measure($1)) }
        }
        if let channel {
            let channels = try channel.split(separator: ",").map { text -> StyleChannel in
                guard let c = StyleChannel(text.trimmingCharacters(in: .whitespaces)) else {
                    throw CLIError("--channel: '\(text)' is not a channel; write LAYER_CHANNEL, e.g. 12_479")
                }
                do { _ = try g.layout.layer(for: c) } catch let e as EngineError { throw CLIError("--channel \(c): \(e.message)") }
                return c
            }
            guard names.count == channels.count else { throw CLIError("--attribute gives \(names.count) names for \(channels.count) channels") }
            return zip(names, channels).map { attribute($0, .channel($1)) }
        }
        if let direction {
            let array = try withFileContext(direction) { try NumpyArray.decode(FileBytes.read(direction)) }
            guard array.values.count == g.config.wDim else {
                throw CLIError("\(direction): the direction has shape \(array.shape), the parent's w has \(g.config.wDim) values")
            }
            return [attribute(names.first ?? "direction", .direction(array.values, name: direction))]
        }
        throw CLIError("no label source given")
    }

    // MARK: output

    func write(_ runs: [TransferRun], parentModel: LoadedModel, childModel: LoadedModel, hashes: (String?, String?)) throws {
        try AtomicFile.createDirectory(outdir)
        let store = LatentModelStore(directory: models)
        for run in runs where model == nil && !noSave {
            let path = try store.save(run.model)
            print("saved model \(run.model.name) to \(path)")
        }
        try AtomicFile.write(ZeroShotJSON.encode(runs.map(\.result)), to: path("results.json"))
        for run in runs {
            try AtomicFile.write(Data(samplesCSV(run.result).utf8), to: path("samples-\(fileStem(run.result.attribute)).csv"))
        }
        print(summary(runs))
        if !noReport {
            let report = Report(title: "Zero-shot transfer",
                                subtitle: "\((parentModel.source as NSString).lastPathComponent) → \((childModel.source as NSString).lastPathComponent)",
                                provenance: provenance(parentModel, childModel, hashes),
                                options: ["command": .string(CommandLine.arguments.joined(separator: " "))],
                                cells: ZeroShotCells.cells(runs))
            do {
                try ReportWriter.write(report, to: outdir)
            } catch let error as ReportError {
                throw CLIError("\(outdir): \(error.message)")
            }
        }
        print("wrote results.json, samples-*.csv\(noReport ? "" : ", report.pdf, report.html, figures/ and data/") to \(outdir)")
    }

    func path(_ name: String) -> String { (outdir as NSString).appendingPathComponent(name) }

    func fileStem(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    func provenance(_ p: LoadedModel, _ c: LoadedModel, _ hashes: (String?, String?)) -> [(String, String)] {
        var rows: [(String, String)] = []
        for (role, m, hash) in [("parent", p, hashes.0), ("child", c, hashes.1)] {
            rows.append((role, m.source))
            rows.append(("  SHA-256", hash ?? "– (built in, no file)"))
        }
        rows.append(("command", CommandLine.arguments.joined(separator: " ")))
        rows.append(("threads", "\(EngineThreads.count)"))
        return rows
    }

    /// One row per test seed; empty fields where a value was not computed.
    func samplesCSV(_ r: TransferResult) -> String {
        func field(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        var lines = ["seed,parent_score,parent_label,child_score,child_label,ceiling_score,floor_score,floor_label"]
        for s in r.samples {
            lines.append([String(s.seed), field(s.parentScore), field(s.parentLabel), field(s.childScore), field(s.childLabel),
                          field(s.ceilingScore), field(s.floorScore), field(s.floorLabel)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The conditions of every attribute with their intervals, as printed at the end.
    func summary(_ runs: [TransferRun]) -> String {
        var lines: [String] = []
        for run in runs {
            let r = run.result
            lines.append("\(r.attribute) (\(r.task.rawValue) in \(r.space), \(r.labels), model \(r.modelName); trained: \(String(format: "%.3f", r.training.trainingAccuracy)) training accuracy, \(r.training.iterations) L-BFGS iterations\(r.training.converged ? "" : ", NOT converged"))")
            for c in r.conditions {
                let metrics = c.metrics.map { m in
                    String(format: "%@ %.3f [%.3f, %.3f]", m.metric, m.estimate.value, m.estimate.lower, m.estimate.upper)
                }.joined(separator: "  ")
                lines.append("  " + c.condition.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + metrics)
            }
            for note in r.notes { lines.append("  note: \(note)") }
        }
        return lines.joined(separator: "\n")
    }
}
