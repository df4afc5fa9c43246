import StyleGAN
import XCTest
@testable import Checkpoints

/// The TF-era fixtures hold the sg2ada networks re-expressed in TF names and layouts; reading
/// them must give back the same generator.
final class TensorflowPickleTests: XCTestCase {
    func testSameGeneratorAsTheNvidiaPickle() throws {
        for (network, proto) in [("parent", "3"), ("child", "4")] {
            let tf = try CheckpointLoader.load(path: try Fixtures.path("tf/\(network).pkl"))
            let nv = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/\(network).pkl"))
            XCTAssertEqual(tf.format, .tensorflowPickle)
            XCTAssertEqual(tf.networkKey, "Gs")
            XCTAssertEqual(tf.config, nv.config, network)
            XCTAssertEqual(Dictionary(tf.details, uniquingKeysWith: { a, _ in a })["pickle protocol"], proto)
            var identical = 0
            let specs = tf.config.parameterSpecs
            for spec in specs {
                let a = try XCTUnwrap(tf.parameters[spec.name], spec.name)
                let b = try XCTUnwrap(nv.parameters[spec.name], spec.name)
                XCTAssertEqual(a.shape, b.shape, spec.name)
                XCTAssertLessThanOrEqual(a.maxAbsDifference(b), 1e-6, "\(network): \(spec.name)")
                if a.data.map(\.bitPattern) == b.data.map(\.bitPattern) { identical += 1 }
            }
            // Only the style biases (TF stores them without the +1) may differ, by float32 rounding.
            let affineBiases = specs.filter { $0.name.hasSuffix("affine.bias") }.count
            XCTAssertGreaterThanOrEqual(identical, specs.count - affineBiases, network)
        }
    }

    func testOtherNetworksOfTheTuple() throws {
        let path = try Fixtures.path("tf/parent.pkl")
        let g = try CheckpointLoader.load(path: path, networkKey: "G")
        let gs = try CheckpointLoader.load(path: path)
        XCTAssertEqual(g.config, gs.config)
        XCTAssertNotEqual(g.parameters["mapping.fc0.weight"], gs.parameters["mapping.fc0.weight"])
        XCTAssertThrowsError(try CheckpointLoader.load(path: path, networkKey: "D")) {
            XCTAssertTrue("\($0)".contains("D is a discriminator"), "\($0)")
        }
    }

    /// A Gs network with the given static kwargs, build function and own variables.
    private func network(kwargs: [(String, Py)] = [], build: String = "G_main", variables: [(String, Py)]) -> [UInt8] {
        let state: Py = .dict([
            ("version", .int(4)), ("name", .str("Gs")), ("static_kwargs", .dict(kwargs)), ("components", .dict([])),
            ("build_module_src", .str("placeholder")), ("build_func_name", .str(build)),
            ("variables", .list(variables.map { .tuple([.str($0.0), $0.1]) })),
        ])
        return PickleWriter.pickle(.object("dnnlib.tflib.network", "Network", state))
    }

    func testRefusesOtherGeneratorsAndUnknownSettings() {
        let array = PickleWriter.ndarray([1, 2, 3, 4], shape: [2, 2])
        TemporaryCheckpoint.assertFails(network(variables: [("ToRGB_lod0/weight", array)]), "is a StyleGAN1 or progressive-growing network")
        TemporaryCheckpoint.assertFails(network(build: "G_style", variables: []), "is a StyleGAN1 generator")
        TemporaryCheckpoint.assertFails(network(kwargs: [("fmap_decay", .float(0.5))], variables: []), "static_kwargs fmap_decay is not 1")
        TemporaryCheckpoint.assertFails(network(kwargs: [("mystery", .int(1))], variables: []), "unknown key 'mystery'")
        TemporaryCheckpoint.assertFails(network(variables: [("synthesis/4x4/Conv/weird", array)]), "synthesis/4x4/Conv/weird that is not part of a StyleGAN2")
        TemporaryCheckpoint.assertFails(network(variables: [("dlatent_avg", array)]), "missing tensor mapping.fc0.weight")
    }

    func testReadsFortranOrderArrays() throws {
        // [[1, 2, 3], [4, 5, 6]] stored column by column.
        let bytes = PickleWriter.pickle(PickleWriter.ndarray([1, 4, 2, 5, 3, 6], shape: [2, 3], fortran: true))
        let source = ByteSource(copying: bytes)
        var machine = PickleMachine(input: source.all)
        guard case .ndarray(let array) = try machine.run().value else { return XCTFail("not an array") }
        XCTAssertEqual(try array.materialize(name: "a"), Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6]))
    }
}
