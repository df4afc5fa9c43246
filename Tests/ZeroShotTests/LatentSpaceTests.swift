import StyleGAN
import XCTest
import ZeroShot

final class LatentSpaceTests: XCTestCase {
    func testParsingAndDescription() throws {
        XCTAssertEqual(try LatentSpace(parsing: "W"), .w)
        XCTAssertEqual(try LatentSpace(parsing: "s"), .s)
        XCTAssertEqual(try LatentSpace(parsing: "wplus:0-3"), .wPlus(0...3))
        XCTAssertEqual(try LatentSpace(parsing: "wplus:5"), .wPlus(5...5))
        XCTAssertEqual(LatentSpace.wPlus(2...4).description, "wplus:2-4")
        for bad in ["z", "wplus:3-1", "wplus:", "wplus:a-b", "wplus:-1-2"] {
            XCTAssertThrowsError(try LatentSpace(parsing: bad), bad)
        }
    }

    func testFeaturesOfEachSpace() throws {
        let g = try TinyNetworks.generator(seed: 1)
        let ws = try g.mapping(z: Tensor.seedLatents([0, 1, 2], zDim: g.config.zDim), truncation: Truncation(psi: 0.5, cutoff: 2))
        let wd = g.config.wDim, numWs = g.config.numWs
        let w = try LatentSpace.w.features(ws: ws, generator: g, task: .classify)
        XCTAssertEqual([w.rows, w.columns], [3, wd])
        XCTAssertEqual(Array(w.values[wd..<(2 * wd)]), Array(ws.data[(numWs * wd)..<(numWs * wd + wd)]))

        // Rows 1-2 differ (truncation cut-off 2): concatenated for a classifier, averaged for the regressor.
        let plus = try LatentSpace.wPlus(1...2).features(ws: ws, generator: g, task: .classify)
        XCTAssertEqual(plus.columns, 2 * wd)
        XCTAssertEqual(Array(plus.values[0..<(2 * wd)]), Array(ws.data[wd..<(3 * wd)]))
        let mean = try LatentSpace.wPlus(1...2).features(ws: ws, generator: g, task: .regress)
        XCTAssertEqual(mean.columns, wd)
        XCTAssertEqual(mean.values[0], (ws.data[wd] + ws.data[2 * wd]) / 2, accuracy: 1e-6)
        XCTAssertNotEqual(ws.data[wd], ws.data[2 * wd])

        let s = try LatentSpace.s.features(ws: ws, generator: g, task: .classify)
        XCTAssertEqual(s.columns, g.layout.totalDimension)
        XCTAssertEqual(s.values, try g.styles(ws: ws).flattened.data)
        XCTAssertThrowsError(try LatentSpace.wPlus(0...numWs).features(ws: ws, generator: g, task: .classify))
    }
}
