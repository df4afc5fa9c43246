import StyleGAN
import XCTest
import ZeroShot

/// The known answers of the issue, on tiny random networks.
final class TransferTests: XCTestCase {
    func value(_ result: TransferResult, _ condition: TransferCondition, _ metric: String) throws -> Estimate {
        try XCTUnwrap(result.condition(condition)?.metric(metric), "\(condition) \(metric)")
    }

    func report(_ result: TransferResult) {
        for c in result.conditions {
            print(c.condition.rawValue, c.metrics.map { String(format: "%@ %.3f [%.3f, %.3f]", $0.metric, $0.estimate.value, $0.estimate.lower, $0.estimate.upper) }.joined(separator: "; "))
        }
    }

    func testLabelsLinearInWAreLearnedExactly() throws {
        // A StyleSpace channel of a conv layer is an affine function of w: s = A·w/√w_dim + b. With a weak
        // penalty and 2000 samples in 16 dimensions (no images to render) the hyperplane is recovered.
        let parent = try TinyNetworks.named(seed: 1)
        let run = try XCTUnwrap(ZeroShotTransfer(setup: TinyNetworks.setup(train: 2000, test: 500, l2: 1e-6)).run(
            parent: parent, child: parent, floors: [],
            attributes: [TinyNetworks.attribute("channel", .channel(StyleChannel(layer: 3, channel: 5)))]).first)
        report(run.result)
        // Only the two training samples that straddle the median can sit closer to the threshold than the fit resolves.
        XCTAssertGreaterThanOrEqual(run.model.training.trainingAccuracy, 0.999)
        XCTAssertEqual(try value(run.result, .parent, "accuracy").value, 1)
        XCTAssertEqual(try value(run.result, .parent, "ROC AUC").value, 1)
    }

    func testRegressionRecoversALinearAttribute() throws {
        // A W direction's projection: y = ⟨w, d⟩/‖d‖ is exactly the signed distance to the fitted hyperplane when it is learned.
        let parent = try TinyNetworks.named(seed: 1)
        let d: [Float] = (0..<16).map { Float(($0 * 7) % 5) - 2 }
        let run = try XCTUnwrap(ZeroShotTransfer(setup: TinyNetworks.setup(task: .regress, space: .wPlus(0...3))).run(
            parent: parent, child: parent, floors: [], attributes: [TinyNetworks.attribute("projection", .direction(d, name: "d"))]).first)
        report(run.result)
        XCTAssertGreaterThan(try value(run.result, .parent, "Pearson r").value, 0.99)
        XCTAssertGreaterThan(try value(run.result, .parent, "Spearman ρ").value, 0.99)
        let mae = try value(run.result, .parent, "MAE").value
        let spread = Statistics.quantile(run.result.samples.compactMap(\.parentLabel), 0.75)
            - Statistics.quantile(run.result.samples.compactMap(\.parentLabel), 0.25)
        XCTAssertLessThan(mae, 0.1 * spread)
    }

    func testAChildIdenticalToTheParentTransfersWithTheParentsAccuracy() throws {
        let parent = try TinyNetworks.named(seed: 1)
        let child = NamedGenerator(source: "copy", generator: try TinyNetworks.generator(seed: 1))
        for space in [LatentSpace.w, .s] {
            let run = try XCTUnwrap(ZeroShotTransfer(setup: TinyNetworks.setup(space: space)).run(
                parent: parent, child: child, floors: [], attributes: [TinyNetworks.brightness]).first)
            report(run.result)
            let parentResult = try XCTUnwrap(run.result.condition(.parent))
            let transfer = try XCTUnwrap(run.result.condition(.transfer))
            let ceiling = try XCTUnwrap(run.result.condition(.ceiling))
            XCTAssertEqual(transfer.metrics, parentResult.metrics)
            XCTAssertEqual(ceiling.metrics, parentResult.metrics)
            XCTAssertEqual(run.ceilingModel?.hyperplane, run.model.hyperplane)
            XCTAssertGreaterThan(try value(run.result, .parent, "balanced accuracy").value, 0.7, "brightness must be learnable for this test to mean anything")
        }
    }

    func testTheUnalignedFloorIsNearChance() throws {
        // One random network's brightness direction overlaps the parent's by chance (about 1/√w_dim), so
        // the floor is the mean over four of them, in a 64-dimensional W like the fixture's.
        let parent = try TinyNetworks.named(seed: 1, wDim: 64)
        let floors = try (90..<94).map { try TinyNetworks.named(seed: UInt64($0), wDim: 64) }
        let run = try XCTUnwrap(ZeroShotTransfer(setup: TinyNetworks.setup(train: 300, test: 300)).run(
            parent: parent, child: parent, floors: floors, attributes: [TinyNetworks.brightness]).first)
        report(run.result)
        let floor = try XCTUnwrap(run.result.condition(.floor))
        let floorAccuracy = try value(run.result, .floor, "balanced accuracy")
        XCTAssertEqual(floorAccuracy.value, 0.5, accuracy: 0.05)
        XCTAssertLessThan(floorAccuracy.lower, 0.5)
        XCTAssertGreaterThan(floorAccuracy.upper, 0.5)
        XCTAssertGreaterThan(try value(run.result, .parent, "balanced accuracy").lower, floorAccuracy.upper)
        XCTAssertEqual(floor.positiveRate, 0.5, accuracy: 1e-9, "each floor network is cut at its own test median")
        XCTAssertEqual(floor.perNetwork.count, 4)
        XCTAssertEqual(Statistics.mean(floor.perNetwork.compactMap { $0["balanced accuracy"] }), floorAccuracy.value, accuracy: 1e-12)
    }

    func testExamplesAndPicturesFollowTheScores() throws {
        let parent = try TinyNetworks.named(seed: 1)
        let run = try XCTUnwrap(ZeroShotTransfer(setup: TinyNetworks.setup(train: 100, test: 60)).run(
            parent: parent, child: parent, floors: [], attributes: [TinyNetworks.brightness]).first)
        let examples = run.result.examples
        XCTAssertEqual(examples.positive.count, 2)
        XCTAssertGreaterThan(examples.positive[0].score, examples.neutral[0].score)
        XCTAssertGreaterThan(abs(examples.negative[0].score), abs(examples.neutral[0].score))
        XCTAssertEqual(run.pictures.child.map(\.count), [2, 2, 2])
        XCTAssertEqual(run.pictures.child[0][0].pixels.count, 16 * 16 * 3)
        XCTAssertEqual(run.pictures.parent, run.pictures.child)
        XCTAssertEqual(run.result.samples.count, 60)
        XCTAssertEqual(run.result.conditions.map(\.condition), [.parent, .transfer, .ceiling])
        // results.json survives a round trip, NaNs included.
        let back = try ZeroShotJSON.decode(TransferResult.self, from: ZeroShotJSON.encode(run.result))
        XCTAssertEqual(back.conditions.count, run.result.conditions.count)
        XCTAssertEqual(back.samples, run.result.samples)
    }

    func testACSVForTheParentOnlyGivesNoTransferMetricsAndNoFloor() throws {
        let parent = try TinyNetworks.named(seed: 1)
        let setup = TinyNetworks.setup(train: 40, test: 20)
        var rows: [String] = []
        for seed in setup.trainSeeds + setup.testSeeds { rows.append("\(seed),a,\(seed % 2)") }
        let table = try LabelTable(csv: rows.joined(separator: "\n"))
        let run = try XCTUnwrap(ZeroShotTransfer(setup: setup).run(
            parent: parent, child: parent, floors: [try TinyNetworks.named(seed: 2)],
            attributes: [TinyNetworks.attribute("a", .table(table, attribute: "a", file: "labels.csv"))]).first)
        XCTAssertEqual(run.result.conditions.map(\.condition), [.parent])
        XCTAssertEqual(run.model.threshold, 0.5)
        XCTAssertEqual(run.result.notes.count, 2, "\(run.result.notes)")
    }

    func testSeveralAttributesShareOneRenderingAndMatchSeparateRuns() throws {
        let parent = try TinyNetworks.named(seed: 1), child = try TinyNetworks.named(seed: 1)
        let colour = TinyNetworks.attribute("colour", .measure(ImageMeasure(kind: .colourfulness, region: .center)))
        let setup = TinyNetworks.setup(train: 80, test: 40)
        let both = try ZeroShotTransfer(setup: setup).run(parent: parent, child: child, floors: [], attributes: [TinyNetworks.brightness, colour])
        let alone = try ZeroShotTransfer(setup: setup).run(parent: parent, child: child, floors: [], attributes: [colour])
        XCTAssertEqual(both.map(\.result.attribute), ["brightness", "colour"])
        XCTAssertEqual(both[1].result.conditions, alone[0].result.conditions)
        XCTAssertEqual(both[1].model, alone[0].model)
        XCTAssertEqual(both[0].result.timings, both[1].result.timings)
    }

    func testASavedModelIsAppliedAsItWasTrained() throws {
        let parent = try TinyNetworks.named(seed: 1), child = try TinyNetworks.named(seed: 5)
        let setup = TinyNetworks.setup(train: 80, test: 40)
        let trained = try XCTUnwrap(ZeroShotTransfer(setup: setup).run(parent: parent, child: child, floors: [],
                                                                       attributes: [TinyNetworks.brightness]).first)
        let loaded = try ZeroShotJSON.decode(LatentModel.self, from: ZeroShotJSON.encode(trained.model))
        var attribute = TinyNetworks.brightness
        attribute.model = loaded
        let applied = try XCTUnwrap(ZeroShotTransfer(setup: setup).run(parent: parent, child: child, floors: [], attributes: [attribute]).first)
        XCTAssertEqual(applied.result.conditions, trained.result.conditions)
        XCTAssertTrue(applied.result.notes.isEmpty, "\(applied.result.notes)")
        let elsewhere = try XCTUnwrap(ZeroShotTransfer(setup: setup).run(parent: child, child: parent, floors: [], attributes: [attribute]).first)
        XCTAssertTrue(elsewhere.result.notes.contains { $0.contains("was trained on another network") }, "\(elsewhere.result.notes)")
        var wrongSpace = setup
        wrongSpace.space = .s
        XCTAssertThrowsError(try ZeroShotTransfer(setup: wrongSpace).run(parent: parent, child: child, floors: [], attributes: [attribute])) {
            XCTAssertTrue("\($0)".contains("is a classify model in w, this run is classify in s"), "\($0)")
        }
    }
}
