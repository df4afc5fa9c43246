import Analysis
import StyleGAN
import XCTest

final class ResetExperimentTests: XCTestCase {
    let settings = RenderSettings(seeds: [0, 1, 2], batchSize: 2)

    func testResettingEverythingGivesTheParentAndNothingGivesTheChild() throws {
        let (p, c) = try TinyPairs.unrelated()
        let all = ResetTarget(id: "all", title: "everything", names: TinyPairs.config.parameterSpecs.map(\.name))
        let none = ResetTarget(id: "none", title: "nothing", names: [])
        let results = try ResetExperiment(settings: settings, targets: [all, none]).run(parent: p, child: c)
        XCTAssertEqual(results.outcomes[0].images, results.parentImages)
        XCTAssertEqual(results.outcomes[0].toParent, .zero)
        XCTAssertEqual(results.outcomes[0].toChild, results.childToParent)
        XCTAssertEqual(results.gapClosed(results.outcomes[0]), 1)
        XCTAssertEqual(results.outcomes[1].images, results.childImages)
        XCTAssertTrue(results.outcomes[1].weightsUnchanged)
        XCTAssertEqual(results.gapClosed(results.outcomes[1]), 0)
        XCTAssertGreaterThan(results.childToParent.pixel, 0.01)
        XCTAssertEqual(results.parentImages.shape, [3, 3, 16, 16])
    }

    func testEveryComponentResetInTurnReproducesTheParent() throws {
        // Resetting the components one after another on the same child arrives at the parent.
        let (p, c) = try TinyPairs.unrelated()
        var current = c
        for target in ResetTarget.standard(config: TinyPairs.config) where ParameterComponent(rawValue: target.id) != nil {
            current = try ResetGenerator.make(parent: p, child: current, target: target)
        }
        let renderer = SeedRenderer(settings: settings)
        XCTAssertEqual(try renderer.render(current), try renderer.render(p))
    }

    func testStandardTargetsPartitionTheTensors() {
        let config = TinyPairs.config
        let all = config.parameterSpecs.map(\.name)
        let targets = ResetTarget.standard(config: config)
        let single = targets.filter { ParameterComponent(rawValue: $0.id) != nil }
        XCTAssertEqual(single.count, ParameterComponent.allCases.count)
        XCTAssertEqual(single.flatMap(\.names).sorted(), all.sorted())
        let convs = ResetTarget.synthesisConvs(config: config).names
        let rest = ResetTarget.everythingButConvs(config: config).names
        XCTAssertTrue(Set(convs).isDisjoint(with: rest))
        XCTAssertEqual((convs + rest).sorted(), all.sorted())
        XCTAssertTrue(ResetTarget.component(.mapping, config: config).names.contains("mapping.w_avg"))
    }

    func testMappingResetUsesTheParentsWs() throws {
        let (p, c) = try TinyPairs.unrelated()
        let reset = try ResetGenerator.make(parent: p, child: c, target: .component(.mapping, config: TinyPairs.config))
        let renderer = SeedRenderer(settings: RenderSettings(seeds: [4, 5], truncation: Truncation(psi: 0.7)))
        XCTAssertEqual(try renderer.ws(reset), try renderer.ws(p))
        XCTAssertNotEqual(try renderer.ws(reset), try renderer.ws(c))
    }

    func testConvOnlyChildIsUndoneByTheConvResetAlone() throws {
        let (p, c) = try TinyPairs.perturbed([.convWeight], by: 0.3)
        let experiment = ResetExperiment(settings: settings, targets: ResetTarget.standard(config: TinyPairs.config))
        // Parent, child, conv weights and all synthesis convs render; the other resets are the child.
        XCTAssertEqual(experiment.batchCount(parent: p, child: c), 4 * 2)
        var batches: [Int] = []
        let results = try experiment.run(parent: p, child: c) { done, total in
            batches.append(done)
            XCTAssertEqual(total, 8)
        }
        XCTAssertEqual(batches, Array(1...8))
        for outcome in results.outcomes {
            switch outcome.target.id {
            case "convWeight", "synthesisConvs":
                XCTAssertFalse(outcome.weightsUnchanged)
                XCTAssertEqual(outcome.images, results.parentImages, outcome.target.id)
                XCTAssertEqual(results.gapClosed(outcome), 1)
            default:
                XCTAssertTrue(outcome.weightsUnchanged, outcome.target.id)
                XCTAssertEqual(outcome.images, results.childImages, outcome.target.id)
                XCTAssertEqual(outcome.toChild, .zero)
            }
        }
        XCTAssertEqual(results.closestToParent?.target.id, "convWeight")
    }

    func testPreviewResolutionAndItsErrors() throws {
        let (p, c) = try TinyPairs.unrelated()
        let preview = RenderSettings(seeds: [0], resolution: 8)
        let results = try ResetExperiment(settings: preview, targets: []).run(parent: p, child: c)
        XCTAssertEqual(results.childImages.shape, [1, 3, 8, 8])
        XCTAssertThrowsError(try RenderSettings(seeds: [0], resolution: 12).check(TinyPairs.config)) { error in
            XCTAssertTrue("\(error)".contains("not a block resolution"), "\(error)")
        }
        XCTAssertThrowsError(try RenderSettings(seeds: []).check(TinyPairs.config))
    }

    func testSameLatentGalleryFeedsTheParentsWsToBoth() throws {
        let (p, c) = try TinyPairs.unrelated()
        let gallery = try SameLatentGallery(parent: p, child: c, settings: settings)
        let renderer = SeedRenderer(settings: settings)
        XCTAssertEqual(gallery.ws, try renderer.ws(p))
        XCTAssertEqual(gallery.childImages, try renderer.render(c, ws: renderer.ws(p)))
        XCTAssertEqual(gallery.parentImages, try renderer.render(p))
        XCTAssertEqual(gallery.distance, try ImageDistance(gallery.childImages, gallery.parentImages))
    }
}
