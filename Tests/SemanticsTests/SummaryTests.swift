import XCTest
import StyleGAN
@testable import Semantics

final class SummaryTests: XCTestCase {
    func result(_ layer: Int, _ channel: Int, parent: Double, child: Double, agreement: Double?) -> ControlAlignment {
        ControlAlignment(control: Control(name: "\(layer)_\(channel)", kind: .channel(StyleChannel(layer: layer, channel: channel))),
                         parentMagnitude: parent, childMagnitude: child, agreement: agreement, signedAgreement: nil,
                         seedAgreements: [agreement])
    }

    func testRanksForgottenAndAligned() throws {
        let layout = try TestNetworks.network().layout
        let criteria = AlignmentCriteria(activeMagnitude: 0.01, forgottenRatio: 0.25)
        let results = [
            result(0, 0, parent: 0.5, child: 0.5, agreement: 0.9),
            result(0, 1, parent: 0.8, child: 0.1, agreement: 0.2),     // ratio 0.125: forgotten
            result(0, 2, parent: 0.005, child: 0, agreement: nil),     // inactive: never forgotten
            result(3, 4, parent: 0.2, child: 0.19, agreement: 0.95),
            result(3, 5, parent: 0.3, child: 0.06, agreement: 0.5),    // ratio 0.2: forgotten
        ]
        let summary = AlignmentSummary(results: results, layout: layout, criteria: criteria)
        XCTAssertEqual(summary.rows.map(\.layer.index), [0, 3])
        XCTAssertEqual(summary.rows[0].ranked.map(\.control.name), ["0_1", "0_0", "0_2"])
        XCTAssertEqual(summary.rows[0].activeCount, 2)
        XCTAssertEqual(summary.rows[0].forgottenCount, 1)
        XCTAssertEqual(summary.rows[0].meanAgreement ?? 0, 0.55, accuracy: 1e-12)
        XCTAssertEqual(summary.topAligned(5).map(\.control.name), ["3_4", "0_0"])
        XCTAssertEqual(summary.topForgotten(5).map(\.control.name), ["0_1", "3_5"])
        XCTAssertEqual(summary.activeCount, 4)
        XCTAssertEqual(summary.forgottenCount, 2)
        let m = summary.matrix(ranks: 3) { $0.agreement }
        XCTAssertEqual(m[0][0], 0.2); XCTAssertEqual(m[0][1], 0.9); XCTAssertTrue(m[0][2].isNaN)
        XCTAssertEqual(m[1][0], 0.5); XCTAssertEqual(m[1][1], 0.95); XCTAssertTrue(m[1][2].isNaN)
    }

    func testHistogramBins() {
        let (edges, counts) = AlignmentSummary.histogram([-1, -0.5, 0, 0.49, 0.5, 1, 7, .nan], bins: 4, range: -1...1)
        XCTAssertEqual(edges, [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(counts, [1, 1, 2, 3])
    }

    func testChannelSampleIsDeterministicAndBounded() throws {
        let layout = try TestNetworks.network().layout
        let all = ChannelSample(perLayer: 100).channels(of: layout)
        XCTAssertEqual(all.count, layout.convLayers.reduce(0) { $0 + $1.dimension })
        let some = ChannelSample(perLayer: 3, seed: 4).channels(of: layout)
        XCTAssertEqual(some, ChannelSample(perLayer: 3, seed: 4).channels(of: layout))
        XCTAssertNotEqual(some, ChannelSample(perLayer: 3, seed: 5).channels(of: layout))
        XCTAssertEqual(some.count, 3 * layout.convLayers.count)
        XCTAssertTrue(some.allSatisfy { layout.layers[$0.layer].kind == .conv })
        XCTAssertEqual(ChannelSample(perLayer: 2, includeToRGB: true).channels(of: layout).count, 2 * layout.layers.count)
    }
}
