import Foundation
import StyleGAN
import XCTest
@testable import Checkpoints

final class NvidiaPickleTests: XCTestCase {
    private func expectedConfig(_ manifest: [String: Any], _ network: String) throws -> GeneratorConfig {
        let entry = try XCTUnwrap(manifest[network] as? [String: Any])
        let kwargs = try XCTUnwrap(entry["G_ema_init_kwargs"] as? [String: Any])
        let mapping = try XCTUnwrap(kwargs["mapping_kwargs"] as? [String: Any])
        let synthesis = try XCTUnwrap(kwargs["synthesis_kwargs"] as? [String: Any])
        return GeneratorConfig(
            zDim: try XCTUnwrap(kwargs["z_dim"] as? Int), wDim: try XCTUnwrap(kwargs["w_dim"] as? Int),
            cDim: try XCTUnwrap(kwargs["c_dim"] as? Int), mappingLayers: try XCTUnwrap(mapping["num_layers"] as? Int),
            mappingLrMultiplier: 0.01, resolution: try XCTUnwrap(kwargs["img_resolution"] as? Int),
            imgChannels: try XCTUnwrap(kwargs["img_channels"] as? Int),
            channelBase: try XCTUnwrap(synthesis["channel_base"] as? Int),
            channelMax: try XCTUnwrap(synthesis["channel_max"] as? Int),
            convClamp: Float(try XCTUnwrap(synthesis["conv_clamp"] as? Int)), architecture: .skip,
            numFP16Res: try XCTUnwrap(synthesis["num_fp16_res"] as? Int))
    }

    func testArchitectureComesFromThePickle() throws {
        let manifest = try Fixtures.manifest("sg2ada")
        for network in ["parent", "child"] {
            let net = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/\(network).pkl"))
            XCTAssertEqual(net.format, .nvidiaPickle)
            XCTAssertEqual(net.networkKey, "G_ema")
            XCTAssertEqual(net.config, try expectedConfig(manifest, network))
            // The figures the brief names, spelled out so a manifest change cannot hide a regression.
            XCTAssertEqual(net.config.zDim, 64)
            XCTAssertEqual(net.config.wDim, 64)
            XCTAssertEqual(net.config.mappingLayers, 4)
            XCTAssertEqual(net.config.resolution, 32)
            XCTAssertEqual(net.config.channelBase, 1024)
            XCTAssertEqual(net.config.channelMax, 128)
            XCTAssertEqual(net.config.convClamp, 256)
            XCTAssertEqual(net.config.numFP16Res, 2)
            XCTAssertEqual(net.config.numWs, 8)
            let details = Dictionary(net.details, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(details["pickle protocol"], "4")
            XCTAssertEqual(details["training set"], network == "parent" ? "shapes32.zip, 32 px" : "shapes32b.zip, 32 px")
            XCTAssertEqual(details["torch layout"], "torch 2.x")
        }
    }

    func testEveryTensorMatchesTheManifest() throws {
        let manifest = try Fixtures.manifest("sg2ada")
        for network in ["parent", "child"] {
            let entry = try XCTUnwrap(manifest[network] as? [String: Any])
            let expected = try ManifestTensor.list(entry["G_ema_state_dict"])
            XCTAssertEqual(expected.count, 79)
            let net = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/\(network).pkl"))
            XCTAssertEqual(Set(net.parameters.keys), Set(expected.map(\.name)))
            for e in expected {
                let t = try XCTUnwrap(net.parameters[e.name], "\(network): \(e.name) missing")
                XCTAssertEqual(t.shape, e.shape, "\(network): \(e.name)")
                let sum = t.data.reduce(0.0) { $0 + Double($1) }
                let scale = t.data.reduce(0.0) { $0 + abs(Double($1)) }
                XCTAssertEqual(sum, e.sum, accuracy: 1e-9 * max(scale, 1), "\(network): sum of \(e.name)")
                // Foundation's JSON parser on Linux can be off by one Double ulp; compare in float32.
                XCTAssertEqual(Array(t.data.prefix(e.first.count)), e.first.map(Float.init), "\(network): first values of \(e.name)")
            }
        }
    }

    func testNetworkKeySelectsAnotherGenerator() throws {
        let g = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/parent.pkl"), networkKey: "G")
        let gEma = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/parent.pkl"))
        XCTAssertEqual(g.networkKey, "G")
        XCTAssertEqual(g.config, gEma.config)
        XCTAssertNotEqual(g.parameters["mapping.fc0.weight"], gEma.parameters["mapping.fc0.weight"])
        XCTAssertThrowsError(try CheckpointLoader.load(path: try Fixtures.path("sg2ada/parent.pkl"), networkKey: "D")) {
            XCTAssertTrue("\($0)".contains("D is a discriminator, not a generator"), "\($0)")
        }
    }
}
