import StyleGAN
import XCTest
@testable import Checkpoints

/// The NVIDIA reader on hand-written snapshots: strided views, storage types, kwargs layouts
/// and one inconsistency at a time.
final class TinyNetworkTests: XCTestCase {
    func testReadsEveryTensorThroughItsView() throws {
        let tiny = TinyNetwork()
        let net = try TemporaryCheckpoint.load(tiny.snapshotBytes)
        XCTAssertEqual(net.config, TinyNetwork.config)
        XCTAssertEqual(net.parameters, tiny.expected)
        XCTAssertEqual(Dictionary(net.details, uniquingKeysWith: { a, _ in a })["training set"], "tiny.zip, 4 px")
        XCTAssertEqual(Dictionary(net.details, uniquingKeysWith: { a, _ in a })["pickle protocol"], "3")
    }

    func testStylegan3RepositoryLayout() throws {
        var tiny = TinyNetwork()
        tiny.flatKwargs = true
        let net = try TemporaryCheckpoint.load(tiny.snapshotBytes)
        XCTAssertEqual(net.config, TinyNetwork.config)
        XCTAssertTrue(net.details.contains { $0.0 == "code base" && $0.1.contains("stylegan3") })
    }

    func testConvertsHalfBFloatAndDoubleStorages() throws {
        for storage in ["HalfStorage", "BFloat16Storage", "DoubleStorage"] {
            var tiny = TinyNetwork()
            tiny.constStorageClass = storage
            let net = try TemporaryCheckpoint.load(tiny.snapshotBytes)
            XCTAssertEqual(net.parameters["synthesis.b4.const"], tiny.expected["synthesis.b4.const"], storage)
        }
    }

    func testRefusesIntegerStorage() {
        var tiny = TinyNetwork()
        tiny.constStorageClass = "LongStorage"
        TemporaryCheckpoint.assertFails(tiny.snapshotBytes, "tensor synthesis.b4.const holds int64 values")
    }

    func testShortStorageNamesTheTensor() {
        var tiny = TinyNetwork()
        tiny.constStorageCount = 40
        TemporaryCheckpoint.assertFails(tiny.snapshotBytes, "tensor synthesis.b4.const needs 64 values but its storage holds only 40")
    }

    func testMissingAndInconsistentArchitecture() {
        var noZ = TinyNetwork()
        noZ.includeZDim = false
        TemporaryCheckpoint.assertFails(noZ.snapshotBytes, "the generator's _init_kwargs has no z_dim")
        var clamp = TinyNetwork()
        clamp.torgbConvClamp = .none
        TemporaryCheckpoint.assertFails(clamp.snapshotBytes, "synthesis layers disagree on conv_clamp (256.0, None)")
    }

    func testRefusesStylegan3AndDiscriminators() {
        var sg3 = TinyNetwork()
        sg3.extraSynthesisModules = [("input", .call("torch_utils.persistence", "_reconstruct_persistent_obj", [.dict([
            ("type", .str("class")), ("class_name", .str("SynthesisInput")), ("state", .dict([])),
        ])]))]
        TemporaryCheckpoint.assertFails(sg3.snapshotBytes, "G_ema is a StyleGAN3 generator")
        var d = TinyNetwork()
        d.generatorClass = "Discriminator"
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.dict([("D", d.generator)])),
                                        "holds a discriminator but no StyleGAN2 generator (top-level keys: D)")
        TemporaryCheckpoint.assertFails(TinyNetwork().snapshotBytes, "has no network 'G'", networkKey: "G")
    }
}
