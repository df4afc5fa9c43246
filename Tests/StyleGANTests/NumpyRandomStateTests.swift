import XCTest
import StyleGAN

final class NumpyRandomStateTests: XCTestCase {
    func testKnownValuesOfSeedZero() {
        // numpy.random.RandomState(0).randn(3) and RandomState(0).random_sample(): printed by numpy 1.26.
        var g = NumpyRandomState(seed: 0)
        XCTAssertEqual(g.randn(3), [1.764052345967664, 0.4001572083672233, 0.9787379841057392])
        var u = NumpyRandomState(seed: 0)
        XCTAssertEqual(u.nextDouble(), 0.5488135039273248)
    }

    func testSeedLatentsAreFloat32OfTheDoubles() {
        let z = Tensor.seedLatents([0, 85], zDim: 4)
        var g = NumpyRandomState(seed: 85)
        XCTAssertEqual(Array(z.data[4..<8]), g.randn(4).map { Float($0) })
        XCTAssertEqual(z.data[0], Float(1.764052345967664))
    }
}
