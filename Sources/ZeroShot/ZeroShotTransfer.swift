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

/// Zero-shot transfer (paper §5.4-5.5): a latent model trained with the parent's labels, applied
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

    /// - Parameters:
    ///   - labels: the parent's labels.
    ///   - childLabels: the child's labels; nil uses `labels` when it is computable (a measure,
    ///     a channel, a direction), and otherwise leaves the child unlabelled (no transfer metrics).
    ///   - floors: unaligned networks of the parent's architecture (independently initialised);
    ///     labelled with `labels` when computable. Several give a steadier floor: one random
    ///     network's overlap with the parent's attribute direction is itself random.
    ///   - model: a saved parent model to apply instead of training one.
    public func run(parent: NamedGenerator, child: NamedGenerator, floors: [NamedGenerator], labels: LabelSource,
                    childLabels: LabelSource? = nil, model savedModel: LatentModel? = nil,
                    progress: (String) -> Void = { _ in }) throws -> TransferRun {
        let task = savedModel?.task ?? setup.task, space = savedModel?.space ?? setup.space
        guard !setup.testSeeds.isEmpty else { throw ZeroShotError("no test seeds") }
        guard savedModel != nil || setup.trainSeeds.count >= 2 else { throw ZeroShotError("training needs at least 2 seeds") }
        var notes: [String] = []
        if !Set(setup.trainSeeds).isDisjoint(with: setup.testSeeds) {
            notes.append("training and test seeds overlap: the test numbers are optimistic")
        }
        let childSource = childLabels ?? (labels.isComputable ? labels : nil)
        let floorSource: LabelSource? = setup.baselines && labels.isComputable ? labels : nil
        if childSource == nil { notes.append("the child has no labels (give a CSV for the child's seeds): no transfer metrics") }
        if setup.baselines, !floors.isEmpty, floorSource == nil {
            notes.append("a user's CSV cannot label a random network: no floor")
        }
        if case .direction = labels {
            notes.append("W-direction labels depend on w alone, so every network has the same labels: this checks the model, not the alignment")
        }

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

        let (wsTrain, wsTest) = try timed("ws from the parent's mapping") {
            (try setup.sampling.ws(seeds: setup.trainSeeds, mapping: parent.generator),
             try setup.sampling.ws(seeds: setup.testSeeds, mapping: parent.generator))
        }

        // The parent model.
        let model: LatentModel
        if let savedModel {
            try savedModel.validate()
            try savedModel.check(against: parent.generator)
            model = savedModel
        } else {
            let trainer = LatentModelTrainer(task: task, space: space, l2: setup.l2)
            let samples = try timed("parent training samples (\(setup.trainSeeds.count))") {
                try parentSampler.samples(seeds: setup.trainSeeds, ws: wsTrain, space: space, task: task, labels: labels)
            }
            model = try timed("training the parent model") {
                try trainer.train(samples, name: setup.modelName, attribute: setup.attribute, labels: labels.description,
                                  sampling: setup.sampling, source: NetworkDescription(source: parent.source, generator: parent.generator))
            }
        }
        try model.check(against: child.generator)
        for floor in floors { try model.check(against: floor.generator) }

        let parentTest = try timed("parent test samples (\(setup.testSeeds.count))") {
            try parentSampler.samples(seeds: setup.testSeeds, ws: wsTest, space: space, task: task, labels: labels)
        }
        let childTest = try timed("child test samples (\(setup.testSeeds.count))") {
            try childSampler.samples(seeds: setup.testSeeds, ws: wsTest, space: space, task: task, labels: childSource)
        }
        let sets = setup.bootstrap.indexSets(count: setup.testSeeds.count)
        let parentScores = try model.scores(parentTest.features.unwrapped())
        let childScores = try model.scores(childTest.features.unwrapped())

        var conditions: [ConditionResult] = []
        let parentValues = try parentTest.labels.unwrapped()
        conditions.append(evaluate(.parent, network: parent.source, model: model, scores: parentScores, values: parentValues,
                                   threshold: model.threshold, sets: sets))

        // The child: its labels' threshold and the ceiling both come from its training seeds.
        var ceilingModel: LatentModel?
        var ceilingScores: [Double]?
        if let childSource, let childValues = childTest.labels {
            let childTrain = try timed("child training samples (\(setup.trainSeeds.count))") {
                try childSampler.samples(seeds: setup.trainSeeds, ws: wsTrain, space: setup.baselines ? space : nil,
                                         task: task, labels: childSource)
            }
            let childThreshold = try LatentModelTrainer.threshold(for: childTrain.labels.unwrapped())
            conditions.append(evaluate(.transfer, network: child.source, model: model, scores: childScores, values: childValues,
                                       threshold: childThreshold, sets: sets))
            if setup.baselines {
                let trainer = LatentModelTrainer(task: task, space: space, l2: model.l2)
                let ceiling = try timed("training the ceiling model") {
                    try trainer.train(childTrain, name: model.name + "-ceiling", attribute: model.attribute,
                                      labels: childSource.description, sampling: setup.sampling,
                                      source: NetworkDescription(source: child.source, generator: child.generator))
                }
                let scores = try ceiling.scores(childTest.features.unwrapped())
                conditions.append(evaluate(.ceiling, network: child.source, model: ceiling, scores: scores, values: childValues,
                                           threshold: ceiling.threshold, sets: sets))
                ceilingModel = ceiling
                ceilingScores = scores
            }
        }

        // The floor: same ws, same parent model, networks that were never aligned with the parent.
        // Each floor network's labels are cut at the median of its own test values (balanced
        // classes, no training seeds to render); the floor's metrics are the mean over the networks.
        var floorScores: [[Double]] = [], floorValues: [[Double]] = [], floorThresholds: [Double] = []
        if let floorSource, !floors.isEmpty {
            for (k, floor) in floors.enumerated() {
                let sampler = DomainSampler(generator: floor.generator, sampling: setup.sampling, batchSize: setup.batchSize)
                let test = try timed("floor network \(k + 1) of \(floors.count): test samples (\(setup.testSeeds.count))") {
                    try sampler.samples(seeds: setup.testSeeds, ws: wsTest, space: space, task: task, labels: floorSource)
                }
                let values = try test.labels.unwrapped()
                floorScores.append(try model.scores(test.features.unwrapped()))
                floorValues.append(values)
                floorThresholds.append(try LatentModelTrainer.threshold(for: values))
            }
            conditions.append(evaluate(.floor, network: floors.map(\.source).joined(separator: ", "), model: model,
                                       parts: zip(zip(floorScores, floorValues), floorThresholds).map { ($0.0, $0.1, $1) },
                                       sets: sets))
        }

        let examples = RankedExamples(seeds: setup.testSeeds, scores: childScores, labels: childTest.labels,
                                      neutralScore: model.neutralScore, count: setup.examplesPerColumn)
        let pictures = try timed("example pictures") {
            try self.pictures(examples, ws: wsTest, parent: parentSampler, child: childSampler)
        }
        let samples = setup.testSeeds.indices.map { i in
            TestSample(seed: setup.testSeeds[i], parentScore: parentScores[i], parentLabel: parentValues[i],
                       childScore: childScores[i], childLabel: childTest.labels?[i], ceilingScore: ceilingScores?[i],
                       floorScore: floorScores.first?[i], floorLabel: floorValues.first?[i])
        }
        let result = TransferResult(
            attribute: model.attribute, task: task, space: space, modelName: model.name, labels: model.labels,
            childLabels: childSource?.description,
            parent: NetworkDescription(source: parent.source, generator: parent.generator),
            child: NetworkDescription(source: child.source, generator: child.generator),
            floors: floors.map { NetworkDescription(source: $0.source, generator: $0.generator) },
            sampling: setup.sampling, trainingSeedCount: model.trainingSeeds.count, testSeedCount: setup.testSeeds.count,
            training: model.training, bootstrap: setup.bootstrap, conditions: conditions, examples: examples,
            samples: samples, timings: timings, notes: notes)
        return TransferRun(result: result, model: model, ceilingModel: ceilingModel, pictures: pictures)
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
