import Analysis
import Report
import StyleGAN
import ZeroShot

/// "Zero-shot transfer" (StyleAlign §5.4): classifiers of built-in image measures trained in the
/// parent's W and applied to the child, with the ceiling (trained on the child) and the floor
/// (unaligned random networks). Not run by default: it renders about
/// 2 · (train + test) + floors · test images per network pair, at a reduced analysis resolution.
public struct ZeroShotSection: ReportSection {
    public let id = "zeroshot"
    public let title = "Zero-shot transfer"
    public let summary = "parent-trained W classifiers of brightness, colourfulness, hue and left/right asymmetry applied to the child, with ceiling and floor (opt-in: renders thousands of small images)"
    public var runsByDefault: Bool { false }

    /// The attributes: built-in measures on the whole image.
    public var measures: [ImageMeasure]
    public var space: LatentSpace
    public var trainSeeds: [UInt32]
    public var testSeeds: [UInt32]
    /// Independently initialised networks of the parent's architecture for the floor.
    public var floorCount: Int
    /// The measures' resolution: at most this, and at most the report's --resolution.
    public var maxAnalysisResolution: Int

    public init(measures: [ImageMeasure] = ImageMeasure.Kind.allCases.map { ImageMeasure(kind: $0) }, space: LatentSpace = .w,
                trainSeeds: [UInt32] = Array(0...1999), testSeeds: [UInt32] = Array(2000...2499), floorCount: Int = 3,
                maxAnalysisResolution: Int = 32) {
        self.measures = measures
        self.space = space
        self.trainSeeds = trainSeeds
        self.testSeeds = testSeeds
        self.floorCount = floorCount
        self.maxAnalysisResolution = maxAnalysisResolution
    }

    /// Seeds of the floor networks' random weights (RandomInit), fixed so the report is reproducible.
    public static let floorWeightSeeds: [UInt64] = [101, 102, 103, 104, 105, 106, 107, 108]

    func setup(_ context: SectionContext) -> TransferSetup {
        let s = context.settings, config = context.parent.generator.config
        let analysis = min(maxAnalysisResolution, s.resolution ?? config.resolution, config.resolution)
        return TransferSetup(task: .classify, space: space, trainSeeds: trainSeeds, testSeeds: testSeeds,
                             sampling: LatentSampling(truncationPsi: s.truncation.psi, truncationCutoff: s.truncation.cutoff,
                                                      noiseMode: s.noise, classIndex: s.classIndex, analysisResolution: analysis),
                             exampleResolution: min(s.resolution ?? config.resolution, 256, config.resolution),
                             batchSize: max(16, s.batchSize))
    }

    var attributes: [ZeroShotAttribute] {
        measures.map { ZeroShotAttribute(name: $0.description, modelName: "\($0.kind.rawValue)-\($0.region.rawValue)-\(space)",
                                         labels: .measure($0)) }
    }

    public func batchCount(_ context: SectionContext) -> Int {
        ZeroShotTransfer(setup: setup(context)).batchCount(attributes: attributes, floors: floorCount)
    }

    public func make(_ context: SectionContext) throws -> SectionCells {
        let config = context.parent.generator.config
        let floors = try Self.floorWeightSeeds.prefix(floorCount).map { seed in
            NamedGenerator(source: "random-init seed \(seed)",
                           generator: try Generator(config: config, parameters: RandomInit.parameters(config: config, seed: seed)))
        }
        let transfer = ZeroShotTransfer(setup: setup(context))
        let total = transfer.batchCount(attributes: attributes, floors: floors.count)
        var done = 0
        let runs = try transfer.run(parent: NamedGenerator(source: context.parent.source, generator: context.parent.generator),
                                    child: NamedGenerator(source: context.child.source, generator: context.child.generator),
                                    floors: floors, attributes: attributes,
                                    batchDone: { done += 1; context.progress?(done, total) })
        return SectionCells(body: ZeroShotCells.cells(runs))
    }
}
