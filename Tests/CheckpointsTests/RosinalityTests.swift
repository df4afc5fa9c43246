import Foundation
import FileFormats
import StyleGAN
import XCTest
@testable import Checkpoints

/// rosinality checkpoints: the zip fixture, and hand-written legacy (pre-zip) files.
final class RosinalityTests: XCTestCase {
    /// The NVIDIA name of a rosinality entry, written out independently of the reader's table.
    private func nvidiaName(_ name: String) -> String? {
        let r = ["4", "8", "16", "32"]
        var n = name
        if n.hasSuffix(".kernel") { return nil }
        if n.hasPrefix("style.") {
            let parts = n.split(separator: ".")
            return "mapping.fc\(Int(parts[1])! - 1).\(parts[2])"
        }
        if n == "input.input" { return "synthesis.b4.const" }
        if n.hasPrefix("noises.noise_") {
            let i = Int(n.dropFirst(13))!
            return i == 0 ? "synthesis.b4.conv1.noise_const" : "synthesis.b\(r[(i + 1) / 2]).conv\(i % 2 == 1 ? 0 : 1).noise_const"
        }
        n = n.replacingOccurrences(of: "conv.modulation", with: "affine").replacingOccurrences(of: "conv.weight", with: "weight")
            .replacingOccurrences(of: "noise.weight", with: "noise_strength").replacingOccurrences(of: "activate.bias", with: "bias")
        if n.hasPrefix("conv1.") { return "synthesis.b4." + n }
        if n.hasPrefix("to_rgb1.") { return "synthesis.b4.torgb." + n.dropFirst(8) }
        let parts = n.split(separator: ".", maxSplits: 2).map(String.init)
        let k = Int(parts[1])!
        if parts[0] == "to_rgbs" { return "synthesis.b\(r[k + 1]).torgb.\(parts[2])" }
        return "synthesis.b\(r[k / 2 + 1]).conv\(k % 2).\(parts[2])"
    }

    func testZipFixture() throws {
        let manifest = try Fixtures.manifest("rosinality")
        let net = try CheckpointLoader.load(path: try Fixtures.path("rosinality/tiny.pt"))
        XCTAssertEqual(net.format, .rosinality)
        XCTAssertEqual(net.networkKey, "g_ema")
        XCTAssertEqual(net.config, GeneratorConfig(zDim: 64, wDim: 64, mappingLayers: 4, mappingLrMultiplier: 0.01,
                                                   resolution: 32, channelBase: 1024, channelMax: 128, convClamp: nil,
                                                   architecture: .skip, numFP16Res: 0))
        XCTAssertEqual(net.config.numWs, try XCTUnwrap(manifest["n_latent"] as? Int))
        let details = Dictionary(net.details, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(details["container"], "torch zip, record tiny/")
        XCTAssertNil(details["w_avg"])

        let expected = try ManifestTensor.list(manifest["g_ema_state_dict"])
        var compared = 0
        for e in expected {
            guard let name = nvidiaName(e.name) else { continue }
            let t = try XCTUnwrap(net.parameters[name], "\(e.name) -> \(name) missing")
            XCTAssertEqual(t.count, e.shape.reduce(1, *), e.name)
            XCTAssertEqual(t.data.reduce(0.0) { $0 + Double($1) }, e.sum,
                           accuracy: 1e-9 * max(t.data.reduce(0.0) { $0 + abs(Double($1)) }, 1), e.name)
            XCTAssertEqual(Array(t.data.prefix(e.first.count)), e.first.map(Float.init), e.name)
            compared += 1
        }
        XCTAssertEqual(compared, 67) // 73 entries less 6 fixed blur/upsample kernels
        XCTAssertEqual(Set(net.parameters.keys), Set(net.config.parameterSpecs.map(\.name))) // the 67 plus w_avg
        XCTAssertEqual(net.parameters["synthesis.b4.const"]?.shape, [128, 4, 4])
        XCTAssertEqual(net.parameters["synthesis.b8.conv0.noise_strength"]?.shape, [])
        XCTAssertEqual(net.parameters["synthesis.b32.torgb.bias"]?.shape, [3])

        let latentAvg = try NumpyArray.decode(try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path("rosinality/latent_avg.npy"))))
        XCTAssertEqual(net.parameters["mapping.w_avg"]?.data, latentAvg.values)
    }

    func testZipFixtureOtherStateDicts() throws {
        let path = try Fixtures.path("rosinality/tiny.pt")
        let g = try CheckpointLoader.load(path: path, networkKey: "g")
        let gEma = try CheckpointLoader.load(path: path)
        // g and g_ema differ only in their noise buffers (manifest note).
        XCTAssertEqual(g.parameters["mapping.fc0.weight"], gEma.parameters["mapping.fc0.weight"])
        XCTAssertNotEqual(g.parameters["synthesis.b4.conv1.noise_const"], gEma.parameters["synthesis.b4.conv1.noise_const"])
        XCTAssertThrowsError(try CheckpointLoader.load(path: path, networkKey: "d")) {
            XCTAssertTrue("\($0)".contains("state dict entry convs.0.0.weight is not part of a rosinality StyleGAN2 generator"), "\($0)")
        }
    }

    /// A 4 px rosinality generator (style_dim 4, n_mlp 1, 4 channels) as a legacy torch file:
    /// Python 2 style OrderedDict items, one storage shared by two tensors, no latent_avg.
    private func legacyTiny() -> (bytes: [UInt8], expected: [String: Tensor]) {
        // rosinality name and shape, NVIDIA name and shape.
        let table: [(String, [Int], String, [Int])] = [
            ("style.1.weight", [4, 4], "mapping.fc0.weight", [4, 4]),
            ("input.input", [1, 4, 4, 4], "synthesis.b4.const", [4, 4, 4]),
            ("conv1.conv.weight", [1, 4, 4, 3, 3], "synthesis.b4.conv1.weight", [4, 4, 3, 3]),
            ("conv1.conv.modulation.weight", [4, 4], "synthesis.b4.conv1.affine.weight", [4, 4]),
            ("conv1.conv.modulation.bias", [4], "synthesis.b4.conv1.affine.bias", [4]),
            ("conv1.noise.weight", [1], "synthesis.b4.conv1.noise_strength", []),
            ("to_rgb1.conv.weight", [1, 3, 4, 1, 1], "synthesis.b4.torgb.weight", [3, 4, 1, 1]),
            ("to_rgb1.conv.modulation.weight", [4, 4], "synthesis.b4.torgb.affine.weight", [4, 4]),
            ("to_rgb1.conv.modulation.bias", [4], "synthesis.b4.torgb.affine.bias", [4]),
            ("to_rgb1.bias", [1, 3, 1, 1], "synthesis.b4.torgb.bias", [3]),
            ("noises.noise_0", [1, 1, 4, 4], "synthesis.b4.conv1.noise_const", [4, 4]),
        ]
        var items: [Py] = []
        var storages: [(key: String, values: [Float])] = []
        var expected: [String: Tensor] = [:]
        for (i, (name, shape, nvidia, nvidiaShape)) in table.enumerated() {
            let values = (0 ..< shape.reduce(1, *)).map { Float(($0 * 5 + i) % 16) / 4 - 2 }
            storages.append((String(100 + i), values))
            expected[nvidia] = Tensor(shape: nvidiaShape, data: values)
            items.append(.list([.str(name), tensor(key: String(100 + i), shape: shape, count: values.count, offset: 0)]))
        }
        // style.1.bias and conv1.activate.bias share storage "7": offsets 0 and 4 of 8 values.
        let shared: [Float] = [1, 2, 3, 4, 5, 6, 7, 8]
        storages.append(("7", shared))
        items.append(.list([.str("style.1.bias"), tensor(key: "7", shape: [4], count: 8, offset: 0)]))
        items.append(.list([.str("conv1.activate.bias"), tensor(key: "7", shape: [4], count: 8, offset: 4)]))
        expected["mapping.fc0.bias"] = Tensor(shape: [4], data: [1, 2, 3, 4])
        expected["synthesis.b4.conv1.bias"] = Tensor(shape: [4], data: [5, 6, 7, 8])
        expected["mapping.w_avg"] = Tensor(zeros: [4])
        let object: Py = .dict([("g_ema", .call("collections", "OrderedDict", [.list(items)]))])
        return (PickleWriter.legacyFile(object, storages: storages.sorted { $0.key < $1.key }), expected)
    }

    private func tensor(key: String, shape: [Int], count: Int, offset: Int) -> Py {
        var strides = [Int](repeating: 1, count: shape.count)
        for d in stride(from: shape.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
        return .call("torch._utils", "_rebuild_tensor_v2", [
            PickleWriter.persistentStorage(key: key, count: count, legacy: true), .int(offset),
            .tuple(shape.map(Py.int)), .tuple(strides.map(Py.int)), .bool(false), .call("collections", "OrderedDict", []),
        ])
    }

    func testLegacyTorchFile() throws {
        let (bytes, expected) = legacyTiny()
        let net = try TemporaryCheckpoint.load(bytes, name: "tiny.pth")
        XCTAssertEqual(net.format, .rosinality)
        XCTAssertEqual(net.config, GeneratorConfig(zDim: 4, wDim: 4, mappingLayers: 1, resolution: 4, channelBase: 32768,
                                                   channelMax: 4, convClamp: nil, numFP16Res: 0))
        XCTAssertEqual(net.parameters, expected)
        let details = Dictionary(net.details, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(details["container"], "legacy torch.save file")
        XCTAssertEqual(details["w_avg"], "not in the checkpoint (no latent_avg): set to zeros, so use truncation psi = 1")
    }

    func testBrokenTorchContainers() throws {
        let (bytes, _) = legacyTiny()
        TemporaryCheckpoint.assertFails(Array(bytes.dropLast(10)), "legacy torch data is truncated: storage 7 needs 8 elements")
        var writer = ZipWriter(alignment: 64)
        try writer.add("model/data.pkl", PickleWriter.pickle(.dict([]), protocol: 2))
        try writer.add("model/constants.pkl", PickleWriter.pickle(.tuple([]), protocol: 2))
        try writer.add("model/code/__torch__/model.py", Array("def forward(self): ...".utf8))
        TemporaryCheckpoint.assertFails(writer.finish(), "is a TorchScript archive")
        var plain = ZipWriter()
        try plain.add("notes.txt", Array("hello".utf8))
        TemporaryCheckpoint.assertFails(plain.finish(), "is a zip archive without a data.pkl entry")
        // A zip checkpoint whose storage entry is shorter than its tensor.
        var short = ZipWriter(alignment: 64)
        try short.add("archive/data.pkl", PickleWriter.pickle(.dict([("input.input", .call("torch._utils", "_rebuild_tensor_v2", [
            PickleWriter.persistentStorage(key: "0", count: 64, legacy: false), .int(0), .tuple([.int(1), .int(4), .int(4), .int(4)]),
            .tuple([.int(64), .int(16), .int(4), .int(1)]), .bool(false), .call("collections", "OrderedDict", []),
        ]))]), protocol: 2))
        try short.add("archive/data/0", PickleWriter.float32Bytes([Float](repeating: 1, count: 10)))
        TemporaryCheckpoint.assertFails(short.finish(), "tensor input.input needs 64 values but its storage holds only 10")
    }
}
