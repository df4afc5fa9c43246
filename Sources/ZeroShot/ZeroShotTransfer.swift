import StyleGAN

/// What a run returns: the numbers, the models it used or made, and the example pictures.
public struct TransferRun: Sendable {
    public var result: TransferResult
    /// The parent model (trained in this run, or the one handed in).
    public var model: LatentModel
    /// Trained on the child's own labels, when the child has labels and baselines were asked for.
    public var ceilingModel: LatentModel?
    public var pictures: ExamplePictures
}

/// Zero-shot transfer (paper §5.4-5.5): latent models trained with the parent's labels, applied
/// to the child's samples of the same ws, scored against the child's own labels; with the
/// ceiling (a model trained on the child's labels) and the floor (the parent model on an
/// independently initialised network of the same architecture) on the same test seeds.
///
/// Labels of the child are cut at the median of its own training-seed values, those of a floor
/// network at the median of its own test-seed values, so each network's classes are balanced
/// and chance is 0.5 everywhere.
public struct ZeroShotTransfer: Sendable {
    public var setup: TransferSetup

    public init(setup: TransferSetup) { self.setup = setup }

    /// Runs every attribute on the same samples: each network renders each seed set once and
    /// measures all attributes on those images.
    /// - Parameters:
    ///   - floors: unaligned networks of the parent's architecture (independently initialised),
    ///     labelled with each attribute's labels when computable. Several give a steadier floor:
    ///     one random network's overlap with the parent's attribute direction is itself random.
    /// - Returns: one run per attribute, in order.
    ///   - progress: called with each finished phase and its duration.
    ///   - batchDone: called after each batch of samples (`batchCount` of them in all).
    public func run(parent: NamedGenerator, child: NamedGenerator, floors: [NamedGenerator], attributes: [ZeroShotAttribute],
                    progress: (String) -> Void = { _ in }, batchDone: () -> Void = {}) throws -> [TransferRun] {
        let task = setup.task, space = setup.space
        guard !attributes.isEmpty else { throw ZeroShotError("no attributes to run") }
        guard !setup.testSeeds.isEmpty else { throw ZeroShotError("no test seeds") }
        for attribute in attributes {
            guard let model = attribute.model else { continue }
            try model.validate()
            guard model.task == task, model.space == space else {
                throw ZeroShotError("the model '\(model.name)' is a \(model.task.rawValue) model in \(model.space), this run is \(task.rawValue) in \(space)")
            }
        }
        let training = attributes.map { $0.model == nil }
        guard !training.contains(true) || setup.trainSeeds.count >= 2 else { throw ZeroShotError("training needs at least 2 seeds") }
        let parentSources: [LabelSource?] = attributes.map(\.labels)
        let childSources: [LabelSource?] = attributes.map { $0.childLabels ?? ($0.labels.isComputable ? $0.labels : nil) }
        let floorSources: [LabelSource?] = attributes.map { setup.baselines && $0.labels.isComputable ? $0.labels : nil }

        let parentSampler = DomainSampler(generator: parent.generator, sampling: setup.sampling, batchSize: setup.batchSize)
        let childSampler = DomainSampler(generator: child.generator, sampling: setup.sampling, batchSize: setup.batchSize)
        var timings: [PhaseTiming] = []
        let clock = ContinuousClock()
        func timed<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
            let start = clock.now
            let value = try body()
            let d = clock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            timings.append(PhaseTiming(phase: phase, seconds: seconds))
            progress(String(format: "%@: %.2f s", phase, seconds))
            return value
        }
        let nTrain = setup.trainSeeds.count, nTest = setup.testSeeds.count
        // Fingerprinting reads every weight: once per network and run.
        let parentDescription = NetworkDescription(source: parent.source, generator: parent.generator)
        let childDescription = NetworkDescription(source: child.source, generator: child.generator)
        let floorDescriptions = floors.map { NetworkDescription(source: $0.source, generator: $0.generator) }
        let (wsTrain, wsTest) = try timed("ws from the parent's mapping (\(nTrain + nTest) seeds)") {
            (try setup.sampling.ws(seeds: setup.trainSeeds, mapping: parent.generator),
             try setup.sampling.ws(seeds: setup.testSeeds, mapping: parent.generator))
        }

        // Parent models: trained here or handed in.
        var models = attributes.map(\.model)
        if training.contains(true) {
            let samples = try timed("parent: training samples (\(nTrain))") {
                try parentSampler.samples(seeds: setup.trainSeeds, ws: wsTrain, space: space, task: task,
                                          labels: zip(parentSources, training).map { $1 ? $0 : nil }, batchDone: batchDone)
            }
            let trainer = LatentModelTrainer(task: task, space: space, l2: setup.l2)
            for (k, attribute) in attributes.enumerated() where training[k] {
                models[k] = try timed("parent: training '\(attribute.name)'") {
                    try trainer.train(samples, values: samples.labels[k].unwrapped("parent labels"), name: attribute.modelName,
                                      attribute: attribute.name, labels: attribute.labels.description,
                                      sampling: setup.sampling, source: parentDescription)
                }
            }
        }
        let parentModels = try models.map { try $0.unwrapped("a parent model") }
        for model in parentModels {
            try model.check(against: parent.generator)
            try model.check(against: child.generator)
            for floor in floors { try model.check(against: floor.generator) }
        }

        let parentTest = try timed("parent: test samples (\(nTest))") {
            try parentSampler.samples(seeds: setup.testSeeds, ws: wsTest, space: space, task: task, labels: parentSources, batchDone: batchDone)
        }
        let childTest = try timed("child: test samples (\(nTest))") {
            try childSampler.samples(seeds: setup.testSeeds, ws: wsTest, space: space, task: task, labels: childSources, batchDone: batchDone)
        }
        // The child's training seeds give its labels' threshold and the ceiling models.
        let childTrain: DomainSamples? = childSources.contains { $0 != nil } ? try timed("child: training samples (\(nTrain))") {
            try childSampler.samples(seeds: setup.trainSeeds, ws: wsTrain, space: setup.baselines ? space : nil, task: task,
                                     labels: childSources, batchDone: batchDone)
        } : nil
        // Each floor network's labels are cut at the median of its own test values (balanced
        // classes, no training seeds to render); the floor's metrics are the mean over the networks.
        var floorTests: [DomainSamples] = []
        if floorSources.contains(where: { $0 != nil }) {
            for (k, floor) in floors.enumerated() {
                let sampler = DomainSampler(generator: floor.generator, sampling: setup.sampling, batchSize: setup.batchSize)
                floorTests.append(try timed("floor network \(k + 1) of \(floors.count): test samples (\(nTest))") {
                    try sampler.samples(seeds: setup.testSeeds, ws: wsTest, space: space, task: task, labels: floorSources, batchDone: batchDone)
                })
            }
        }

        let sets = setup.bootstrap.indexSets(count: nTest)
        var runs: [TransferRun] = []
        for (k, attribute) in attributes.enumerated() {
            let model = parentModels[k]
            var notes: [String] = []
            if !Set(setup.trainSeeds).isDisjoint(with: setup.testSeeds) {
                notes.append("training and test seeds overlap: the test numbers are optimistic")
            }
            if childSources[k] == nil { notes.append("the child has no labels (give a CSV for the child's seeds): no transfer metrics") }
            if setup.baselines, !floors.isEmpty, floorSources[k] == nil {
                notes.append("a user's CSV cannot label a random network: no floor")
            }
            if let saved = attribute.model, saved.sourceNetwork.fingerprint != parentDescription.fingerprint {
                notes.append("the model '\(saved.name)' was trained on another network (\(saved.sourceNetwork.source), \(saved.sourceNetwork.fingerprint)) than this parent (\(parentDescription.fingerprint))")
            }
            if case .direction = attribute.labels {
                notes.append("W-direction labels depend on w alone, so every network has the same labels: this checks the model, not the alignment")
            }
            let parentScores = try model.scores(parentTest.features.unwrapped("parent features"))
            let childScores = try model.scores(childTest.features.unwrapped("child features"))
            let parentValues = try parentTest.labels[k].unwrapped("parent labels")
            var conditions = [evaluate(.parent, network: parent.source, model: model, scores: parentScores,
                                       values: parentValues, threshold: model.threshold, sets: sets)]
            var ceilingModel: LatentModel?, ceilingScores: [Double]?
            if let childSource = childSources[k], let childValues = childTest.labels[k], let childTrain,
               let childTrainValues = childTrain.labels[k] {
                conditions.append(evaluate(.transfer, network: child.source, model: model, scores: childScores, values: childValues,
                                           threshold: try LatentModelTrainer.threshold(for: childTrainValues), sets: sets))
                if setup.baselines {
                    let trainer = LatentModelTrainer(task: task, space: space, l2: model.l2)
                    let ceiling = try timed("child: training the ceiling model for '\(attribute.name)'") {
                        try trainer.train(childTrain, values: childTrainValues, name: model.name + "-ceiling", attribute: model.attribute,
                                          labels: childSource.description, sampling: setup.sampling,
                                          source: childDescription)
                    }
                    let scores = try ceiling.scores(childTest.features.unwrapped("child features"))
                    conditions.append(evaluate(.ceiling, network: child.source, model: ceiling, scores: scores, values: childValues,
                                               threshold: ceiling.threshold, sets: sets))
                    ceilingModel = ceiling
                    ceilingScores = scores
                }
            }
            var floorScores: [[Double]] = [], floorValues: [[Double]] = []
            if floorSources[k] != nil {
                for test in floorTests {
                    floorScores.append(try model.scores(test.features.unwrapped("floor features")))
                    floorValues.append(try test.labels[k].unwrapped("floor labels"))
                }
                if !floorTests.isEmpty {
                    let parts = try zip(floorScores, floorValues).map { ($0, $1, try LatentModelTrainer.threshold(for: $1)) }
                    conditions.append(evaluate(.floor, network: floors.map(\.source).joined(separator: ", "), model: model,
                                               parts: parts, sets: sets))
                }
            }

            let examples = RankedExamples(seeds: setup.testSeeds, scores: childScores, labels: childTest.labels[k],
                                          neutralScore: model.neutralScore, count: setup.examplesPerColumn)
            let pictures = try timed("example pictures for '\(attribute.name)'") {
                try self.pictures(examples, ws: wsTest, parent: parentSampler, child: childSampler)
            }
            let samples = setup.testSeeds.indices.map { i in
                TestSample(seed: setup.testSeeds[i], parentScore: parentScores[i], parentLabel: parentValues[i],
                           childScore: childScores[i], childLabel: childTest.labels[k]?[i], ceilingScore: ceilingScores?[i],
                           floorScore: floorScores.first?[i], floorLabel: floorValues.first?[i])
            }
            let result = TransferResult(
                attribute: attribute.name, task: task, space: space, modelName: model.name, labels: model.labels,
                childLabels: childSources[k]?.description,
                parent: parentDescription, child: childDescription, floors: floorScores.isEmpty ? [] : floorDescriptions,
                sampling: setup.sampling, trainingSeedCount: model.trainingSeeds.count, testSeedCount: nTest,
                trainingSeeds: SeedRanges.format(model.trainingSeeds), testSeeds: SeedRanges.format(setup.testSeeds),
                training: model.training, bootstrap: setup.bootstrap, conditions: conditions, examples: examples,
                samples: samples, timings: [], notes: notes)
            runs.append(TransferRun(result: result, model: model, ceilingModel: ceilingModel, pictures: pictures))
        }
        // Every attribute shares the run's phases: each result carries the whole list.
        for k in runs.indices { runs[k].result.timings = timings }
        return runs
    }

    /// Batches of samples `run` makes for these attributes and this many floor networks.
    public func batchCount(attributes: [ZeroShotAttribute], floors: Int) -> Int {
        let b = max(1, setup.batchSize)
        let train = (setup.trainSeeds.count + b - 1) / b, test = (setup.testSeeds.count + b - 1) / b
        var total = 2 * test
        if attributes.contains(where: { $0.model == nil }) { total += train }
        if attributes.contains(where: { $0.childLabels != nil || $0.labels.isComputable }) { total += train }
        if setup.baselines, attributes.contains(where: { $0.labels.isComputable }) { total += floors * test }
        return total
    }

    /// The metrics of one condition with their paired-bootstrap intervals, and its calibration.
    func evaluate(_ condition: TransferCondition, network: String, model: LatentModel, scores: [Double], values: [Double],
                  threshold: Double, sets: [[Int]]) -> ConditionResult {
        evaluate(condition, network: network, model: model, parts: [(scores, values, threshold)], sets: sets)
    }

    /// The same over several networks scored on the same test seeds: each metric is the mean of
    /// the networks' values, and every resample draws the same seeds in all of them.
    func evaluate(_ condition: TransferCondition, network: String, model: LatentModel,
                  parts: [(scores: [Double], values: [Double], threshold: Double)], sets: [[Int]]) -> ConditionResult {
        let n = parts.first?.values.count ?? 0
        let binary = parts.map { part in part.values.map { $0 > part.threshold } }
        // metric name -> value on (scores, values, binary labels) of one network
        typealias Statistic = (_ scores: [Double], _ values: [Double], _ labels: [Bool]) -> Double
        let statistics: [(name: String, value: Statistic)] = model.task == .classify
            ? ClassificationScore.allCases.map { score in
                (score.rawValue, { s, _, b in score.value(scores: s, threshold: model.neutralScore, labels: b) })
            }
            : RegressionScore.allCases.map { score in
                (score.rawValue, { s, v, _ in score.value(predictions: s, labels: v) })
            }
        let metrics = statistics.map { statistic in
            MetricEstimate(metric: statistic.name, estimate: setup.bootstrap.estimate(sets, count: n) { idx in
                Statistics.mean(parts.indices.map { k in
                    statistic.value(idx.map { parts[k].scores[$0] }, idx.map { parts[k].values[$0] }, idx.map { binary[k][$0] })
                })
            })
        }
        let perNetwork = parts.count < 2 ? [] : parts.indices.map { k in
            Dictionary(uniqueKeysWithValues: statistics.map { ($0.name, $0.value(parts[k].scores, parts[k].values, binary[k])) })
        }
        let calibration = Calibration.bins(scores: parts.flatMap(\.scores), threshold: model.neutralScore,
                                           labels: model.task == .classify ? binary.flatMap { $0.map { $0 ? 1.0 : 0.0 } }
                                                                           : parts.flatMap(\.values),
                                           classify: model.task == .classify, binCount: setup.calibrationBins)
        let positives = binary.flatMap { $0 }
        return ConditionResult(condition: condition, network: network, model: model.name, labelThresholds: parts.map(\.threshold),
                               positiveRate: Double(positives.filter { $0 }.count) / Double(max(1, positives.count)),
                               metrics: metrics, perNetwork: perNetwork, calibration: calibration)
    }

    /// Parent and child pictures of the ranked seeds.
    func pictures(_ examples: RankedExamples, ws: Tensor, parent: DomainSampler, child: DomainSampler) throws -> ExamplePictures {
        let resolution = setup.exampleResolution ?? min(256, parent.generator.config.resolution, child.generator.config.resolution)
        let index = Dictionary(setup.testSeeds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var parentColumns: [[ExampleImage]] = [], childColumns: [[ExampleImage]] = []
        for column in examples.columns {
            let rows = column.seeds.compactMap { index[$0.seed] }
            guard !rows.isEmpty else { parentColumns.append([]); childColumns.append([]); continue }
            let picked = Tensor.concatenate(rows.map { ws.slice($0..<($0 + 1)) })
            parentColumns.append(try parent.pictures(ws: picked, resolution: resolution))
            childColumns.append(try child.pictures(ws: picked, resolution: resolution))
        }
        return ExamplePictures(parent: parentColumns, child: childColumns)
    }
}

extension Optional {
    /// The value, or an error naming what is missing (an internal inconsistency, reported not trapped).
    func unwrapped(_ what: String = "a value") throws -> Wrapped {
        guard let self else { throw ZeroShotError("internal: \(what) was not computed") }
        return self
    }
}
