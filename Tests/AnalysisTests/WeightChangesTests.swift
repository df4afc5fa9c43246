import Analysis
import StyleGAN
import XCTest

final class WeightChangesTests: XCTestCase {
    func testIdenticalPairHasZeroChangeEverywhere() throws {
        let p = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let c = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let changes = try WeightChanges(parent: p, child: c)
        XCTAssertEqual(changes.tensors.count, TinyPairs.config.parameterSpecs.count)
        for t in changes.tensors {
            XCTAssertEqual(t.relativeChange, 0, t.name)
            XCTAssertEqual(t.cosineSimilarity, 1, t.name)
        }
        for entry in changes.components { XCTAssertEqual(entry.summary.relativeChange, 0, entry.component.rawValue) }
        for block in changes.resolutions { XCTAssertEqual(block.summary.relativeChange, 0, "\(block.resolution)") }
        XCTAssertEqual(changes.total.relativeChange, 0)
        XCTAssertEqual(changes.wAvg.distance, 0)
        XCTAssertTrue(try ModelComparison(parent: p, child: c).weightsIdentical)
    }

    func testPerturbedConvWeightsShowExactlyThatAmountThereAndZeroElsewhere() throws {
        let epsilon = 0.125
        let (p, c) = try TinyPairs.perturbed([.convWeight], by: epsilon)
        let changes = try WeightChanges(parent: p, child: c)
        for t in changes.tensors {
            if t.component == .convWeight {
                XCTAssertEqual(t.relativeChange ?? -1, epsilon, accuracy: 1e-6, t.name)
            } else {
                XCTAssertEqual(t.relativeChange, 0, t.name)
            }
        }
        for entry in changes.components {
            let expected = entry.component == .convWeight ? epsilon : 0
            XCTAssertEqual(entry.summary.relativeChange ?? -1, expected, accuracy: 1e-6, entry.component.rawValue)
        }
        for block in changes.resolutions {
            XCTAssertEqual(block.summary(of: .convWeight)?.relativeChange ?? -1, epsilon, accuracy: 1e-6)
            XCTAssertEqual(block.summary(of: .affine)?.relativeChange, 0)
            XCTAssertEqual(block.summary(of: .torgbWeight)?.relativeChange, 0)
        }
        XCTAssertEqual(changes.wAvg.distance, 0)
        let comparison = try ModelComparison(parent: p, child: c)
        XCTAssertFalse(comparison.weightsIdentical)
        let convCount = TinyPairs.config.parameterSpecs.filter { $0.component == .convWeight }.count
        XCTAssertEqual(comparison.identicalTensors.count, comparison.tensorCount - convCount)
    }

    func testGroupSummaryIsTheConcatenatedVector() {
        // Two tensors: parent (3, 4) and (0, 0, 1), child (3, 4) + (1, 0) and (0, 0, 1) + (0, 2, 0).
        let a = ChangeSummary(parent: [3, 4], child: [4, 4])
        let b = ChangeSummary(parent: [0, 0, 1], child: [0, 2, 1])
        let group = a + b
        // ‖Δ‖² = 1 + 4 = 5, ‖θp‖² = 25 + 1 = 26, ⟨p, c⟩ = 28 + 1 = 29, ‖θc‖² = 32 + 5 = 37.
        XCTAssertEqual(group.relativeChange ?? -1, (5.0 / 26).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(group.cosineSimilarity ?? -1, 29 / (26.0 * 37).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(group.tensorCount, 2)
        XCTAssertEqual(group.valueCount, 5)
        XCTAssertEqual(a.relativeChange ?? -1, 0.2, accuracy: 1e-12)
    }

    func testZeroParentTensorHasUndefinedRelativeChange() {
        XCTAssertNil(ChangeSummary(parent: [0, 0], child: [0, 1]).relativeChange)
        XCTAssertNil(ChangeSummary(parent: [0, 0], child: [0, 1]).cosineSimilarity)
        XCTAssertEqual(ChangeSummary(parent: [0, 0], child: [0, 0]).relativeChange, 0)
    }

    func testWAvgShiftIsMeasuredAndCountedInTheMappingComponent() throws {
        var p = TinyPairs.parent()
        var c = p
        let old = p["mapping.w_avg"]!
        c["mapping.w_avg"] = Tensor(shape: old.shape, data: old.data.map { $0 + 1 })
        p["mapping.w_avg"] = old
        let changes = try WeightChanges(parent: try Generator(config: TinyPairs.config, parameters: p),
                                        child: try Generator(config: TinyPairs.config, parameters: c))
        XCTAssertEqual(changes.wAvg.distance, Double(TinyPairs.config.wDim).squareRoot(), accuracy: 1e-5)
        XCTAssertGreaterThan(changes.summary(of: .mapping)?.differenceSquaredNorm ?? 0, 0)
        XCTAssertEqual(changes.summary(of: .convWeight)?.relativeChange, 0)
    }
}
