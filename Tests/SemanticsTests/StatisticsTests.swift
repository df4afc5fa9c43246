import XCTest
import StyleGAN
@testable import Semantics

final class StatisticsTests: XCTestCase {
    /// The ws of `sampling`, drawn in one go: z = RandomState(seed).randn(N, zDim).
    func allWs(_ g: Generator, _ sampling: LatentSampling) throws -> Tensor {
        var rng = NumpyRandomState(seed: sampling.seed)
        let z = Tensor(shape: [sampling.samples, g.config.zDim],
                       data: rng.randn(sampling.samples * g.config.zDim).map { Float($0) })
        return try g.mapping(z: z, truncation: sampling.truncation)
    }

    func testStyleStatisticsAreThePopulationMomentsOfTheSampledStyles() throws {
        let g = try TestNetworks.network()
        // 2500 samples: more than one batch of 1000, so the batch merge is exercised.
        let sampling = LatentSampling(samples: 2500, seed: 5, truncation: Truncation(psi: 0.7, cutoff: 4))
        let stats = try StyleStatistics(generator: g, sampling: sampling)
        let styles = try g.styles(ws: allWs(g, sampling))
        for (l, layer) in styles.layers.enumerated() {
            let d = layer.shape[1]
            for c in 0..<d {
                let x = (0..<sampling.samples).map { Double(layer.data[$0 * d + c]) }
                let mean = x.reduce(0, +) / Double(x.count)
                let std = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
                XCTAssertEqual(Double(stats.mean[l][c]), mean, accuracy: 1e-5 * max(1, abs(mean)))
                XCTAssertEqual(Double(stats.std[l][c]), std, accuracy: 1e-5 * max(1, std))
            }
        }
        XCTAssertEqual(try stats.sigma(StyleChannel(layer: 3, channel: 2)), stats.std[3][2])
        XCTAssertThrowsError(try stats.sigma(StyleChannel(layer: 99, channel: 0)))
    }

    func testPrincipalDirectionsDiagonaliseTheSampleCovariance() throws {
        let g = try TestNetworks.network()
        let sampling = LatentSampling(samples: 1500, seed: 2, truncation: .none)
        let pca = try PrincipalDirections(generator: g, sampling: sampling, keep: 4)
        let ws = try allWs(g, sampling)
        let d = g.config.wDim, numWs = g.config.numWs, n = sampling.samples
        let x = (0..<n).map { s in (0..<d).map { Double(ws.data[s * numWs * d + $0]) } }
        let mean = (0..<d).map { i in x.reduce(0) { $0 + $1[i] } / Double(n) }
        for i in 0..<d { XCTAssertEqual(Double(pca.mean[i]), mean[i], accuracy: 1e-4) }
        // Variance of the projections on u_k is λ_k; total variance is the trace.
        var trace = 0.0
        for i in 0..<d { trace += x.reduce(0) { $0 + ($1[i] - mean[i]) * ($1[i] - mean[i]) } / Double(n - 1) }
        XCTAssertEqual(pca.variances.reduce(0, +), trace, accuracy: 1e-6 * trace)
        for (k, u) in pca.components.enumerated() {
            let proj = x.map { row in (0..<d).reduce(0) { $0 + (row[$1] - mean[$1]) * Double(u[$1]) } }
            let variance = proj.reduce(0) { $0 + $1 * $1 } / Double(n - 1)
            XCTAssertEqual(variance, pca.variances[k], accuracy: 1e-5 * pca.variances[0])
            XCTAssertEqual(u.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-5)
            let largest = u.max { abs($0) < abs($1) } ?? 0
            XCTAssertGreaterThan(largest, 0, "sign convention: largest coordinate positive")
        }
        XCTAssertEqual(pca.variances, pca.variances.sorted(by: >))
        XCTAssertEqual((0..<d).reduce(0) { $0 + pca.explainedVarianceRatio($1) }, 1, accuracy: 1e-9)
        // pc k as a control: √λ_k · u_k.
        guard case let .direction(v, rows) = try pca.control(1, rows: 2..<4).kind else { return XCTFail("not a direction") }
        XCTAssertEqual(rows, 2..<4)
        XCTAssertEqual(Double(v[0]), Double(pca.components[1][0]) * pca.variances[1].squareRoot(), accuracy: 1e-6)
        XCTAssertThrowsError(try pca.control(4))
    }

    func testConditionalNetworksNeedAClass() throws {
        let c = GeneratorConfig(zDim: 11, wDim: 9, cDim: 3, mappingLayers: 2, resolution: 8, channelBase: 64, channelMax: 8,
                                convClamp: nil, numFP16Res: 0)
        let g = try Generator(config: c, parameters: RandomInit.parameters(config: c, seed: 3))
        XCTAssertThrowsError(try StyleStatistics(generator: g, sampling: TestNetworks.sampling)) { error in
            XCTAssertTrue("\(error)".contains("class"), "\(error)")
        }
        var sampling = TestNetworks.sampling
        sampling.classIndex = 2
        XCTAssertEqual(try StyleStatistics(generator: g, sampling: sampling).std.count, g.layout.layers.count)
        let settings = AlignmentSettings(seeds: [0], classIndex: nil, analysisResolution: 8)
        XCTAssertThrowsError(try settings.ws([0], g))
    }

    func testCacheStoresLoadsAndNeverServesAnotherModel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("semantics-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = StatisticsCache(directory: dir)
        let g = try TestNetworks.network()
        let (first, outcome1) = try cache.styleStatistics(g, sampling: TestNetworks.sampling)
        guard case let .computedAndStored(path) = outcome1 else { return XCTFail("not stored: \(outcome1)") }
        let (second, outcome2) = try cache.styleStatistics(g, sampling: TestNetworks.sampling)
        XCTAssertEqual(outcome2, .loaded(path: path))
        XCTAssertEqual(first, second)
        // A different affine weight, a different sampling: new keys, fresh computations.
        var p = g.parameters
        p["synthesis.b8.conv1.affine.weight"]!.data[0] += 1
        let changed = try Generator(config: g.config, parameters: p)
        let (third, outcome3) = try cache.styleStatistics(changed, sampling: TestNetworks.sampling)
        guard case .computedAndStored = outcome3 else { return XCTFail("stale entry served") }
        XCTAssertNotEqual(third, first)
        var other = TestNetworks.sampling
        other.seed += 1
        guard case .computedAndStored = try cache.styleStatistics(g, sampling: other).1 else { return XCTFail("stale entry served") }
        // A conv weight does not change S: same key.
        p = g.parameters
        p["synthesis.b8.conv1.weight"]!.data[0] += 1
        let convChanged = try Generator(config: g.config, parameters: p)
        XCTAssertEqual(try cache.styleStatistics(convChanged, sampling: TestNetworks.sampling).1, .loaded(path: path))

        let (pca, pcaOutcome) = try cache.principalDirections(g, sampling: TestNetworks.sampling, keep: 3)
        guard case let .computedAndStored(pcaPath) = pcaOutcome else { return XCTFail("not stored") }
        let (pcaAgain, again) = try cache.principalDirections(g, sampling: TestNetworks.sampling, keep: 3)
        XCTAssertEqual(again, .loaded(path: pcaPath))
        XCTAssertEqual(pca, pcaAgain)
    }

    func testUnwritableCacheStillComputes() throws {
        // A folder inside a regular file cannot be created.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("semantics-not-a-folder-\(UUID().uuidString)").path
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let cache = StatisticsCache(directory: file + "/cache")
        let (stats, outcome) = try cache.styleStatistics(try TestNetworks.network(), sampling: TestNetworks.sampling)
        XCTAssertEqual(stats.std.count, try TestNetworks.network().layout.layers.count)
        guard case .computedNotStored = outcome else { return XCTFail("\(outcome)") }
    }
}
