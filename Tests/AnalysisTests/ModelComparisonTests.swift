import Analysis
import StyleGAN
import XCTest

final class ModelComparisonTests: XCTestCase {
    func testDifferentResolutionIsAnErrorNamingIt() throws {
        var other = TinyPairs.config
        other.resolution = 32
        let p = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let c = try Generator(config: other, parameters: RandomInit.parameters(config: other, seed: 1))
        XCTAssertThrowsError(try ModelComparison(parent: p, child: c)) { error in
            XCTAssertEqual((error as? AlignmentError)?.message.hasPrefix("not aligned: resolution 16 (parent) vs 32 (child)"), true, "\(error)")
        }
        XCTAssertThrowsError(try WeightChanges(parent: p, child: c))
    }

    func testDifferentChannelsNameTheTensor() throws {
        var other = TinyPairs.config
        other.channelMax = 12
        let p = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let c = try Generator(config: other, parameters: RandomInit.parameters(config: other, seed: 1))
        XCTAssertThrowsError(try ModelComparison(parent: p, child: c)) { error in
            let message = (error as? AlignmentError)?.message ?? ""
            XCTAssertTrue(message.contains("synthesis.b4.const has shape [13, 4, 4] in the parent, [12, 4, 4] in the child"), message)
            XCTAssertTrue(message.contains("more differences"), message)
        }
    }

    func testSettingsThatKeepShapesAreListedNotRefused() throws {
        var other = TinyPairs.config
        other.convClamp = nil
        let p = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let c = try Generator(config: other, parameters: TinyPairs.parent())
        let comparison = try ModelComparison(parent: p, child: c)
        XCTAssertEqual(comparison.behaviourDifferences, ["conv_clamp 256.0 vs none"])
        XCTAssertEqual(comparison.rows.filter(\.differs).map(\.property), ["conv_clamp"])
        XCTAssertTrue(comparison.weightsIdentical)
    }
}
