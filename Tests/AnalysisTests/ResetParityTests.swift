import Analysis
import Checkpoints
import StyleGAN
import XCTest

/// The reset experiment on the real stylegan2-ada-pytorch pair against NVIDIA's own code: the
/// child with its mapping network, all its affines, or block 8 copied from the parent
/// (../shared/fixtures/sg2ada/child_reset_*.npy), seeds 0-3, psi 1, const noise.
final class ResetParityTests: XCTestCase {
    static var pair: (Generator, Generator)?

    func pair() throws -> (parent: Generator, child: Generator) {
        if let pair = Self.pair { return pair }
        let p = try CheckpointLoader.load(path: AnalysisFixtures.path("sg2ada/parent.pkl"))
        let c = try CheckpointLoader.load(path: AnalysisFixtures.path("sg2ada/child.pkl"))
        let pair = (try Generator(config: p.config, parameters: p.parameters), try Generator(config: c.config, parameters: c.parameters))
        Self.pair = pair
        return pair
    }

    /// The manifest's key list for a reset, without the fixed resample filters (not parameters).
    func manifestKeys(_ name: String) throws -> [String] {
        let resets = try AnalysisFixtures.manifest("sg2ada")["resets"] as? [String: Any]
        let keys = (resets?[name] as? [String: Any])?["keys"] as? [String] ?? []
        XCTAssertFalse(keys.isEmpty, "manifest lists no keys for reset \(name)")
        return keys.filter { !$0.hasSuffix("resample_filter") }
    }

    func testResetRendersMatchTheReference() throws {
        let (p, c) = try pair()
        let config = c.config
        let cases: [(fixture: String, target: ResetTarget)] = [
            ("mapping", .component(.mapping, config: config)),
            ("affines", .allAffines(config: config)),
            ("b8", .block(8, config: config)),
        ]
        let settings = RenderSettings(seeds: [0, 1, 2, 3], truncation: .none, noise: .const)
        let results = try ResetExperiment(settings: settings, targets: cases.map(\.target)).run(parent: p, child: c)
        for ((fixture, target), outcome) in zip(cases, results.outcomes) {
            XCTAssertEqual(target.names.sorted(), try manifestKeys(fixture).sorted(), "tensors of reset \(fixture)")
            let reference = try AnalysisFixtures.array("sg2ada/child_reset_\(fixture)_img_const_psi1.npy")
            XCTAssertEqual(outcome.images.shape, reference.shape)
            let diff = outcome.images.maxAbsDifference(reference)
            print("reset parity \(fixture): max |diff| = \(diff)")
            XCTAssertLessThanOrEqual(diff, 1e-4, "reset \(fixture)")
            XCTAssertFalse(outcome.weightsUnchanged)
        }
        XCTAssertLessThanOrEqual(results.parentImages.maxAbsDifference(try AnalysisFixtures.array("sg2ada/parent_img_const_psi1.npy")), 1e-4)
        XCTAssertLessThanOrEqual(results.childImages.maxAbsDifference(try AnalysisFixtures.array("sg2ada/child_img_const_psi1.npy")), 1e-4)
    }

    func testMappingResetWsEqualTheParents() throws {
        let (p, c) = try pair()
        let reset = try ResetGenerator.make(parent: p, child: c, target: .component(.mapping, config: c.config))
        let ws = try SeedRenderer(settings: RenderSettings(seeds: [0, 1, 2, 3])).ws(reset)
        XCTAssertLessThanOrEqual(ws.maxAbsDifference(try AnalysisFixtures.array("sg2ada/child_reset_mapping_ws_psi1.npy")), 1e-5)
    }
}
