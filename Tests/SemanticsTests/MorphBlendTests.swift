import XCTest
import StyleGAN
@testable import Semantics

final class MorphBlendTests: XCTestCase {
    func testMorphEndsAreTheParentAndTheChildExactly() throws {
        let parent = try TestNetworks.network(), child = try TestNetworks.perturbed(parent, amount: 0.5)
        let wsA = try parent.mapping(z: Tensor.seedLatents([1, 2], zDim: 11))
        let wsB = try child.mapping(z: Tensor.seedLatents([3, 4], zDim: 11))
        let morph = try Morph(parent: parent, child: child)
        for noise in [NoiseMode.const, .random] {
            XCTAssertEqual(try morph.frame(at: 0, wsA: wsA, wsB: wsB, noise: noise, noiseSeed: 9),
                           try parent.synthesis(ws: wsA, noise: noise, noiseSeed: 9))
            XCTAssertEqual(try morph.frame(at: 1, wsA: wsA, wsB: wsB, noise: noise, noiseSeed: 9),
                           try child.synthesis(ws: wsB, noise: noise, noiseSeed: 9))
        }
        let middle = try morph.network(at: 0.25)
        let name = "synthesis.b16.conv0.weight"
        XCTAssertEqual(middle.parameters[name]!.data[3], 0.75 * parent.parameters[name]!.data[3] + 0.25 * child.parameters[name]!.data[3])
        XCTAssertEqual(Morph.times(frames: 5), [0, 0.25, 0.5, 0.75, 1])
        XCTAssertEqual(Morph.times(frames: 110).count, 110)
    }

    func testBlendingAtTheEndsGivesOneOfTheModels() throws {
        let a = try TestNetworks.network(), b = try TestNetworks.perturbed(a, amount: 1)
        let ws = try a.mapping(z: Tensor.seedLatents([5, 6], zDim: 11))
        let swaps = LayerSwap.resolutions(a.config)
        XCTAssertEqual(swaps, [4, 8, 16, 32, 64])
        let lowest = try LayerSwap(swapResolution: 4).blend(low: a, high: b, mapping: a)
        let highest = try LayerSwap(swapResolution: 64).blend(low: a, high: b, mapping: a)
        XCTAssertEqual(try lowest.synthesis(ws: ws), try b.synthesis(ws: ws))
        XCTAssertEqual(try highest.synthesis(ws: ws), try a.synthesis(ws: ws))
        // Swap at 16: b4 and b8 from the low model, b16 and b32 from the high one.
        let mid = try LayerSwap(swapResolution: 16).blend(low: a, high: b, mapping: a)
        XCTAssertEqual(mid.parameters["synthesis.b8.conv1.weight"], a.parameters["synthesis.b8.conv1.weight"])
        XCTAssertEqual(mid.parameters["synthesis.b16.conv0.weight"], b.parameters["synthesis.b16.conv0.weight"])
        XCTAssertEqual(try mid.synthesis(ws: ws, upTo: 8), try a.synthesis(ws: ws, upTo: 8))
        XCTAssertNotEqual(try mid.synthesis(ws: ws), try a.synthesis(ws: ws))
        XCTAssertThrowsError(try LayerSwap(swapResolution: 12).blend(low: a, high: b, mapping: a))
    }

    func testSoftTransitionWeights() {
        let hard = LayerSwap(swapResolution: 16)
        XCTAssertEqual([4, 8, 16, 32].map(hard.highWeight), [0, 0, 1, 1])
        let soft = LayerSwap(swapResolution: 16, width: 0.5)
        let w = [4, 8, 16, 32].map(soft.highWeight)
        XCTAssertEqual(w[1] + w[2], 1, accuracy: 1e-12, "symmetric about the step between 8 and 16")
        XCTAssertEqual(w[2], 1 / (1 + exp(-1)), accuracy: 1e-12)
        XCTAssertEqual(w, w.sorted())
    }
}
