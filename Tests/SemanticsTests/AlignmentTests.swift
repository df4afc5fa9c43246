import XCTest
import StyleGAN
@testable import Semantics

final class AlignmentTests: XCTestCase {
    static let seeds: [UInt32] = Array(0..<8)

    func settings(resolution: Int = 16) -> AlignmentSettings {
        AlignmentSettings(seeds: Self.seeds, analysisResolution: resolution, channelAlpha: 5, directionAlpha: 2, batchSize: 5)
    }

    func controls(_ g: Generator) throws -> [Control] {
        let channels = ChannelSample(perLayer: 4).channels(of: g.layout).map { Control(name: "\($0)", kind: .channel($0)) }
        let pca = try PrincipalDirections(generator: g, sampling: TestNetworks.sampling, keep: 3)
        return try channels + (0..<3).map { try pca.control($0) } + [pca.control(0, rows: 5..<8)]
    }

    func testAModelIsPerfectlyAlignedWithItself() throws {
        let g = try TestNetworks.network()
        let controls = try controls(g)
        let results = try SemanticAlignment(parent: g, child: g, statistics: TestNetworks.statistics(g), settings: settings())
            .measure(controls)
        XCTAssertEqual(results.count, controls.count)
        for r in results {
            XCTAssertGreaterThan(r.parentMagnitude, 0, r.control.name)
            XCTAssertEqual(r.childMagnitude, r.parentMagnitude, r.control.name)
            XCTAssertEqual(r.ratio ?? 0, 1, accuracy: 1e-12, r.control.name)
            XCTAssertEqual(r.agreement ?? 0, 1, accuracy: 1e-9, r.control.name)
            XCTAssertEqual(r.signedAgreement ?? 0, 1, accuracy: 1e-9, r.control.name)
            XCTAssertEqual(r.seedAgreements.count, Self.seeds.count)
        }
    }

    /// Children made by adding growing noise to the parent's conv weights: agreement falls
    /// step by step; an independently initialised network of the same architecture (not
    /// fine-tuned from the parent) shows no agreement.
    func testAgreementFallsAsTheChildDrifts() throws {
        let parent = try TestNetworks.network()
        let stats = try TestNetworks.statistics(parent)
        let controls = try controls(parent)
        func meanAgreement(_ child: Generator) throws -> Double {
            let results = try SemanticAlignment(parent: parent, child: child, statistics: stats, settings: settings()).measure(controls)
            let values = results.compactMap(\.agreement)
            XCTAssertGreaterThan(values.count, controls.count * 9 / 10)
            return values.reduce(0, +) / Double(values.count)
        }
        let amounts: [Float] = [0.05, 0.2, 0.5, 1, 2]
        let curve = try amounts.map { try meanAgreement(TestNetworks.perturbed(parent, amount: $0)) }
        let unrelated = try meanAgreement(TestNetworks.network(seed: 777))
        print("mean agreement for conv noise \(amounts): \(curve.map { String(format: "%.3f", $0) }); independent network: \(String(format: "%.3f", unrelated))")
        for (a, b) in zip(curve, curve.dropFirst()) { XCTAssertGreaterThan(a, b) }
        XCTAssertGreaterThan(curve[0], 0.9)
        XCTAssertLessThan(abs(unrelated), 0.15)
    }

    /// A child whose conv layer no longer reads input channel c (its weights for c are zero)
    /// cannot show that channel's edit: the channel is forgotten, its neighbours are not.
    func testAChildThatLostAChannelForgetsIt() throws {
        let parent = try TestNetworks.network()
        let layer = parent.layout.layers[5]                    // b16.conv0, 12 input channels
        var p = parent.parameters
        let name = "\(layer.name).weight", w = p[name]!
        var data = w.data
        let (o, i) = (w.shape[0], w.shape[1])
        for out in 0..<o { for k in 0..<9 { data[(out * i + 3) * 9 + k] = 0 } }
        p[name] = Tensor(shape: w.shape, data: data)
        let child = try Generator(config: parent.config, parameters: p)
        let controls = (0..<layer.dimension).map { Control(name: "5_\($0)", kind: .channel(StyleChannel(layer: 5, channel: $0))) }
        let results = try SemanticAlignment(parent: parent, child: child, statistics: TestNetworks.statistics(parent), settings: settings())
            .measure(controls)
        let summary = AlignmentSummary(results: results, layout: parent.layout, criteria: AlignmentCriteria())
        XCTAssertEqual(results[3].childMagnitude, 0)
        XCTAssertGreaterThan(results[3].parentMagnitude, AlignmentCriteria().activeMagnitude)
        XCTAssertEqual(summary.topForgotten(5).map(\.control.name), ["5_3"])
        XCTAssertNil(results[3].agreement, "no child effect: no map to correlate")
    }

    func testControlsBeyondTheAnalysisResolutionAreMeasuredAtTheirOwnBlock() throws {
        // Analysis at 8 px: a channel of b32 (layer 8) must still show an effect, measured on
        // the 32 px skip image averaged down to 8 px.
        let g = try TestNetworks.network()
        let child = try TestNetworks.perturbed(g, amount: 0.3)
        let stats = try TestNetworks.statistics(g)
        let control = Control(name: "8_2", kind: .channel(StyleChannel(layer: 8, channel: 2)))
        let s = AlignmentSettings(seeds: [0, 1, 2], analysisResolution: 8, channelAlpha: 5, batchSize: 2)
        let result = try XCTUnwrap(SemanticAlignment(parent: g, child: child, statistics: stats, settings: s).measure([control]).first)
        // The same numbers computed by hand with full passes.
        let editor = try StyleEditor(generator: g, statistics: stats)
        var rms = 0.0
        for seed in s.seeds {
            let ws = try g.mapping(z: Tensor.seedLatents([seed], zDim: g.config.zDim))
            let base = try g.styles(ws: ws)
            let a = try g.synthesis(styles: base).boxDownsampled(to: 8)
            let b = try g.synthesis(styles: editor.styles(ws: ws, base: base, control: control, alpha: 5)).boxDownsampled(to: 8)
            let e = zip(a.data, b.data).map { Double(min(max($1, -1), 1) - min(max($0, -1), 1)) }
            rms += (e.reduce(0) { $0 + $1 * $1 } / Double(e.count)).squareRoot()
        }
        XCTAssertEqual(result.parentMagnitude, rms / 3, accuracy: 1e-6)
        XCTAssertGreaterThan(result.parentMagnitude, 0)
    }

    func testMismatchedPairsAndBadSettingsAreRefused() throws {
        let g = try TestNetworks.network()
        let small = try TestNetworks.network(resolution: 16)
        XCTAssertThrowsError(try SemanticAlignment(parent: g, child: small, statistics: nil, settings: settings()))
        XCTAssertThrowsError(try SemanticAlignment(parent: g, child: g, statistics: nil, settings: settings(resolution: 12)))
        let aligner = try SemanticAlignment(parent: g, child: g, statistics: nil, settings: settings())
        XCTAssertThrowsError(try aligner.measure([Control(name: "3_1", kind: .channel(StyleChannel(layer: 3, channel: 1)))]),
                             "a channel without statistics")
    }

    func testEffectComparisons() {
        XCTAssertEqual(EffectComparison.correlation([1, 2, 3], [2, 4, 6]) ?? 0, 1, accuracy: 1e-15)
        XCTAssertEqual(EffectComparison.correlation([1, 2, 3], [3, 2, 1]) ?? 0, -1, accuracy: 1e-15)
        XCTAssertNil(EffectComparison.correlation([1, 1, 1], [1, 2, 3]))
        XCTAssertEqual(EffectComparison.cosine([1, 0], [0, 1]), 0)
        XCTAssertNil(EffectComparison.cosine([0, 0], [0, 1]))
        // Two channels of 2 × 2 pixels; clamping makes the effect [1, 0, 0, 0 | 1, 0.6, 0, 0].
        let base = Tensor(shape: [1, 2, 2, 2], data: [0, 0.5, 0, 0, -2, 0, 0, 0])
        let edited = Tensor(shape: [1, 2, 2, 2], data: [3, 0.5, 0, 0, 0, 0.6, 0, 0])
        let e = EffectImage(base: base, edited: edited)
        XCTAssertEqual(e.values, [1, 0, 0, 0, 1, 0.6, 0, 0])
        let m = e.magnitudeMap(0)
        XCTAssertEqual(m[0], 2.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(m[1], 0.6, accuracy: 1e-7)
        XCTAssertEqual(m[2], 0)
        XCTAssertEqual(e.rootMeanSquare(0), ((1 + 1 + 0.36) / 8).squareRoot(), accuracy: 1e-7)
    }

    func testBoxDownsample() {
        let t = Tensor(shape: [1, 1, 4, 4], data: (0..<16).map(Float.init))
        XCTAssertEqual(t.boxDownsampled(to: 2).data, [2.5, 4.5, 10.5, 12.5])
        XCTAssertEqual(t.boxDownsampled(to: 4), t)
    }
}
