import Checkpoints
import Foundation
import StyleGAN
import XCTest
import ZeroShot

/// Zero-shot transfer on the real stylegan2-ada-pytorch fixture pair (../shared/fixtures/sg2ada):
/// a brightness classifier trained in the parent's W must carry over to its fine-tuned child and
/// not to unaligned random networks of the same architecture.
final class FixturePairTests: XCTestCase {
    static let root: String = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/fixtures/sg2ada").path
    }()

    func network(_ name: String) throws -> NamedGenerator {
        let path = (Self.root as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("fixture sg2ada/\(name) not found: ../shared/fixtures is absent in this clone, so the fixture-pair test is skipped")
        }
        let loaded = try CheckpointLoader.load(path: path)
        return NamedGenerator(source: name, generator: try Generator(config: loaded.config, parameters: loaded.parameters))
    }

    func testBrightnessTransfersToTheChildAndNotToRandomNetworks() throws {
        let parent = try network("parent.pkl"), child = try network("child.pkl")
        let config = parent.generator.config
        let floors = try [101, 102].map { seed in
            NamedGenerator(source: "random-init \(seed)",
                           generator: try Generator(config: config, parameters: RandomInit.parameters(config: config, seed: UInt64(seed))))
        }
        // Small for a debug build: 200 training and 120 test seeds, measured on the 8 px skip image.
        let setup = TransferSetup(trainSeeds: Array(0..<200), testSeeds: Array(2000..<2120),
                                  sampling: LatentSampling(analysisResolution: 8), bootstrap: Bootstrap(resamples: 300, seed: 0),
                                  examplesPerColumn: 1, batchSize: 50)
        let run = try XCTUnwrap(ZeroShotTransfer(setup: setup).run(
            parent: parent, child: child, floors: floors,
            attributes: [ZeroShotAttribute(name: "brightness", modelName: "brightness-w", labels: .measure(ImageMeasure(kind: .brightness)))]).first)
        let metric = ClassificationScore.balancedAccuracy.rawValue
        let estimates = try TransferCondition.allCases.map { try XCTUnwrap(run.result.condition($0)?.metric(metric), "\($0)") }
        print("fixture pair, balanced accuracy:", zip(TransferCondition.allCases, estimates).map {
            String(format: "%@ %.3f [%.3f, %.3f]", $0.rawValue, $1.value, $1.lower, $1.upper)
        }.joined(separator: "; "))
        let (parentHome, transfer, ceiling, floor) = (estimates[0], estimates[1], estimates[2], estimates[3])
        XCTAssertGreaterThan(parentHome.value, 0.75)
        XCTAssertGreaterThan(transfer.lower, floor.upper, "the aligned child must beat the unaligned floor")
        XCTAssertGreaterThan(ceiling.value, 0.75)
        XCTAssertEqual(floor.value, 0.5, accuracy: 0.12)
        XCTAssertNotEqual(run.result.parent.fingerprint, run.result.child.fingerprint)
    }
}
