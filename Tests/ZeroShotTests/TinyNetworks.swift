import StyleGAN
import ZeroShot

/// Small deterministic random generators for the known-answer tests: 16 px, w_dim 16, measured
/// at the 8 px skip image, so that hundreds of samples render in a second or two even in a debug build.
enum TinyNetworks {
    static func config(wDim: Int = 16) -> GeneratorConfig {
        GeneratorConfig(zDim: wDim, wDim: wDim, mappingLayers: 2, resolution: 16, channelBase: 256, channelMax: 32, numFP16Res: 0)
    }

    static func generator(seed: UInt64, wDim: Int = 16) throws -> Generator {
        try Generator(config: config(wDim: wDim), parameters: RandomInit.parameters(config: config(wDim: wDim), seed: seed))
    }

    static func named(seed: UInt64, wDim: Int = 16) throws -> NamedGenerator {
        NamedGenerator(source: "tiny-random:\(seed)", generator: try generator(seed: seed, wDim: wDim))
    }

    static func setup(task: LatentTask = .classify, space: LatentSpace = .w,
                      train: Int = 300, test: Int = 150, resolution: Int = 8, l2: Double = 1e-3) -> TransferSetup {
        TransferSetup(task: task, space: space,
                      trainSeeds: (0..<UInt32(train)).map { $0 }, testSeeds: (0..<UInt32(test)).map { 100_000 + $0 },
                      sampling: LatentSampling(analysisResolution: resolution), l2: l2,
                      bootstrap: Bootstrap(resamples: 200, seed: 7), examplesPerColumn: 2, calibrationBins: 5,
                      batchSize: 50)
    }

    static func attribute(_ name: String, _ labels: LabelSource, childLabels: LabelSource? = nil) -> ZeroShotAttribute {
        ZeroShotAttribute(name: name, modelName: name, labels: labels, childLabels: childLabels)
    }

    static let brightness = attribute("brightness", .measure(ImageMeasure(kind: .brightness)))
}
