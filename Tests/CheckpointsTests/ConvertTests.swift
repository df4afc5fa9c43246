import FileFormats
import Foundation
import StyleGAN
import XCTest
@testable import Checkpoints

final class ConvertTests: XCTestCase {
    /// `archive/data.pkl` that torch 2.15's `torch.save` wrote for the checkpoint of the tiny network
    /// (read with `torch.load` from this writer's output and saved again); the writer must match it byte for byte.
    static let torchDataPickle = Data(base64Encoded: """
        gAJ9cQAoWAUAAABnX2VtYXEBY2NvbGxlY3Rpb25zCk9yZGVyZWREaWN0CnECKVJxAyhYDgAAAHN0eWxlLjEud2VpZ2h0cQRjdG9y\
        Y2guX3V0aWxzCl9yZWJ1aWxkX3RlbnNvcl92MgpxBSgoWAcAAABzdG9yYWdlcQZjdG9yY2gKRmxvYXRTdG9yYWdlCnEHWAEAAAAw\
        cQhYAwAAAGNwdXEJSxB0cQpRSwBLBEsEhnELSwRLAYZxDIloAilScQ10cQ5ScQ9YDAAAAHN0eWxlLjEuYmlhc3EQaAUoKGgGaAdY\
        AQAAADFxEWgJSwR0cRJRSwBLBIVxE0sBhXEUiWgCKVJxFXRxFlJxF1gLAAAAaW5wdXQuaW5wdXRxGGgFKChoBmgHWAEAAAAycRlo\
        CUtAdHEaUUsAKEsBSwRLBEsEdHEbKEtASxBLBEsBdHEciWgCKVJxHXRxHlJxH1gRAAAAY29udjEuY29udi53ZWlnaHRxIGgFKCho\
        BmgHWAEAAAAzcSFoCUuQdHEiUUsAKEsBSwRLBEsDSwN0cSMoS5BLJEsJSwNLAXRxJIloAilScSV0cSZScSdYHAAAAGNvbnYxLmNv\
        bnYubW9kdWxhdGlvbi53ZWlnaHRxKGgFKChoBmgHWAEAAAA0cSloCUsQdHEqUUsASwRLBIZxK0sESwGGcSyJaAIpUnEtdHEuUnEv\
        WBoAAABjb252MS5jb252Lm1vZHVsYXRpb24uYmlhc3EwaAUoKGgGaAdYAQAAADVxMWgJSwR0cTJRSwBLBIVxM0sBhXE0iWgCKVJx\
        NXRxNlJxN1gSAAAAY29udjEubm9pc2Uud2VpZ2h0cThoBSgoaAZoB1gBAAAANnE5aAlLAXRxOlFLAEsBhXE7SwGFcTyJaAIpUnE9\
        dHE+UnE/WBMAAABjb252MS5hY3RpdmF0ZS5iaWFzcUBoBSgoaAZoB1gBAAAAN3FBaAlLBHRxQlFLAEsEhXFDSwGFcUSJaAIpUnFF\
        dHFGUnFHWAwAAAB0b19yZ2IxLmJpYXNxSGgFKChoBmgHWAEAAAA4cUloCUsDdHFKUUsAKEsBSwNLAUsBdHFLKEsDSwFLAUsBdHFM\
        iWgCKVJxTXRxTlJxT1gTAAAAdG9fcmdiMS5jb252LndlaWdodHFQaAUoKGgGaAdYAQAAADlxUWgJSwx0cVJRSwAoSwFLA0sESwFL\
        AXRxUyhLDEsESwFLAUsBdHFUiWgCKVJxVXRxVlJxV1geAAAAdG9fcmdiMS5jb252Lm1vZHVsYXRpb24ud2VpZ2h0cVhoBSgoaAZo\
        B1gCAAAAMTBxWWgJSxB0cVpRSwBLBEsEhnFbSwRLAYZxXIloAilScV10cV5ScV9YHAAAAHRvX3JnYjEuY29udi5tb2R1bGF0aW9u\
        LmJpYXNxYGgFKChoBmgHWAIAAAAxMXFhaAlLBHRxYlFLAEsEhXFjSwGFcWSJaAIpUnFldHFmUnFnWA4AAABub2lzZXMubm9pc2Vf\
        MHFoaAUoKGgGaAdYAgAAADEycWloCUsQdHFqUUsAKEsBSwFLBEsEdHFrKEsQSxBLBEsBdHFsiWgCKVJxbXRxblJxb3VYCgAAAGxh\
        dGVudF9hdmdxcGgFKChoBmgHWAIAAAAxM3FxaAlLBHRxclFLAEsEhXFzSwGFcXSJaAIpUnF1dHF2UnF3dS4=
        """)!

    /// Every tensor of the architecture has the same shape and bits in both (readers may add fixed filters).
    private func assertBitIdentical(_ a: [String: Tensor], _ b: [String: Tensor], _ config: GeneratorConfig,
                                    file: StaticString = #filePath, line: UInt = #line) {
        for name in config.parameterSpecs.map(\.name) {
            XCTAssertNotNil(a[name], name, file: file, line: line)
            XCTAssertEqual(a[name]?.shape, b[name]?.shape, name, file: file, line: line)
            XCTAssertEqual(a[name]?.data.map(\.bitPattern), b[name]?.data.map(\.bitPattern), name, file: file, line: line)
        }
    }

    /// Images for two seeds at psi 1 with the stored noise buffers.
    private func render(_ config: GeneratorConfig, _ parameters: [String: Tensor]) throws -> Tensor {
        let g = try Generator(config: config, parameters: parameters)
        var rng = SplitMix64(seed: 7)
        let z = Tensor(shape: [2, config.zDim], data: rng.gaussians(2 * config.zDim, scale: 1))
        return try g.synthesis(ws: try g.mapping(z: z), noise: .const)
    }

    func testPickleToRosinalityToImagesIsBitIdentical() throws {
        let source = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/parent.pkl"))
        XCTAssertEqual(try RosinalityWriter.check(source.config), [
            "conv_clamp 256.0 is dropped: rosinality has no clamp, so images differ wherever a layer's output exceeds ±256.0",
            "the channel widths {4: 128, 8: 128, 16: 64, 32: 32} are not those of rosinality's stock Generator for any channel_multiplier; loading the file needs a Generator built with this channel table",
        ])
        let bytes = try RosinalityWriter.encode(config: source.config, parameters: source.parameters)
        let back = try TemporaryCheckpoint.load(bytes, name: "parent.pt")
        XCTAssertEqual(back.format, .rosinality)
        XCTAssertEqual(back.networkKey, "g_ema")
        assertBitIdentical(back.parameters, source.parameters, source.config)
        // rosinality stores no clamp and no fp16 setting; everything else survives.
        var expected = source.config
        expected.convClamp = nil
        expected.numFP16Res = 0
        XCTAssertEqual(back.config, expected)
        // The fixture's clamp at 256 never acts, so the images are the same to the bit.
        let original = try render(source.config, source.parameters)
        let converted = try render(back.config, back.parameters)
        XCTAssertEqual(original.shape, [2, 3, 32, 32])
        XCTAssertEqual(original.data.map(\.bitPattern), converted.data.map(\.bitPattern))
    }

    func testPickleToSafetensorsToImagesIsBitIdentical() throws {
        let source = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/child.pkl"))
        let bytes = try SafetensorsNetwork.encode(config: source.config, parameters: source.parameters, provenance: [])
        let back = try TemporaryCheckpoint.load(bytes, name: "child.safetensors")
        XCTAssertEqual(back.config, source.config)
        assertBitIdentical(back.parameters, source.parameters, source.config)
        XCTAssertEqual(try render(back.config, back.parameters).data.map(\.bitPattern),
                       try render(source.config, source.parameters).data.map(\.bitPattern))
    }

    func testTensorflowPickleMovesToRosinalityUnchanged() throws {
        // TF-era child -> rosinality .pt -> read: the same tensors as NVIDIA's own PyTorch pickle of that child.
        let tf = try CheckpointLoader.load(path: try Fixtures.path("tf/child.pkl"))
        let nvidia = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/child.pkl"))
        let back = try TemporaryCheckpoint.load(try RosinalityWriter.encode(config: tf.config, parameters: tf.parameters), name: "child.pt")
        assertBitIdentical(back.parameters, nvidia.parameters, nvidia.config)
    }

    func testArchiveIsWhatTorchSaveWrites() throws {
        let tiny = TinyNetwork()
        let bytes = try RosinalityWriter.encode(config: TinyNetwork.config, parameters: tiny.expected)
        let archive = try ZipArchive(bytes)
        XCTAssertEqual(archive.entries.map(\.name), ["archive/data.pkl", "archive/.format_version", "archive/.storage_alignment",
                                                    "archive/byteorder"] + (0 ..< 14).map { "archive/data/\($0)" } + ["archive/version"])
        XCTAssertTrue(archive.entries.allSatisfy { $0.isStored && $0.dataOffset % 64 == 0 })
        XCTAssertEqual(try archive.data(named: "archive/data.pkl"), [UInt8](Self.torchDataPickle))
        XCTAssertEqual(try archive.data(named: "archive/version"), Array("3\n".utf8))
        XCTAssertEqual(try archive.data(named: "archive/byteorder"), Array("little".utf8))
        // Storage 2 is input.input, the tiny network's const with a leading 1.
        XCTAssertEqual(try archive.data(named: "archive/data/2"), tiny.expected["synthesis.b4.const"]!.data.withUnsafeBytes { [UInt8]($0) })
        let back = try TemporaryCheckpoint.load(bytes, name: "tiny.pt")
        XCTAssertEqual(back.parameters, tiny.expected)
    }

    func testStateDictNamesAndKernelsOfA1024Generator() throws {
        let config = RandomInit.Preset.ffhq1024.config
        // Names and shapes are all this checks, so zeros do (and cost no random numbers).
        let p = Dictionary(uniqueKeysWithValues: config.parameterSpecs.map { ($0.name, Tensor(zeros: $0.shape)) })
        let state = try RosinalityWriter.stateDict(config, p)
        // stylegan2.md §3.2: 171 entries at 1024.
        XCTAssertEqual(state.count, 171)
        let names = state.map(\.0)
        XCTAssertEqual(Array(names.prefix(3)), ["style.1.weight", "style.1.bias", "style.2.weight"])
        XCTAssertEqual(names.last, "noises.noise_16")
        let shapes = Dictionary(state.map { ($0.0, $0.1.shape) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(shapes["input.input"], [1, 512, 4, 4])
        XCTAssertEqual(shapes["convs.14.conv.weight"], [1, 32, 64, 3, 3])  // b1024.conv0: C(1024) = 32 out, C(512) = 64 in
        XCTAssertEqual(shapes["convs.15.noise.weight"], [1])
        XCTAssertEqual(shapes["to_rgbs.7.bias"], [1, 3, 1, 1])
        XCTAssertEqual(shapes["noises.noise_16"], [1, 1, 1024, 1024])
        let kernels = state.filter { $0.0.hasSuffix("kernel") }
        XCTAssertEqual(kernels.count, 16)
        for (_, k) in kernels {
            XCTAssertEqual(k.data.reduce(0, +), 4)
            XCTAssertEqual(Array(k.data.prefix(4)), [1, 3, 3, 1].map { Float($0) / 16 })
        }
        XCTAssertEqual(try RosinalityWriter.check(config), ["conv_clamp 256.0 is dropped: rosinality has no clamp, so images differ wherever a layer's output exceeds ±256.0"])
        XCTAssertEqual(RosinalityWriter.stockChannelMultiplier(config), 2)
        XCTAssertEqual(RosinalityWriter.stockChannelMultiplier(RandomInit.Preset.paper256.config), 1)
    }

    func testRefusesWhatRosinalityCannotHold() {
        func refusal(_ change: (inout GeneratorConfig) -> Void) -> String {
            var c = GeneratorConfig(resolution: 64, convClamp: nil)
            change(&c)
            do {
                _ = try RosinalityWriter.check(c)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(refusal { _ in }, "accepted")
        XCTAssertTrue(refusal { $0.cDim = 10 }.contains("the network is conditional (c_dim 10)"))
        XCTAssertTrue(refusal { $0.architecture = .resnet }.contains("the synthesis architecture is resnet"))
        XCTAssertTrue(refusal { $0.imgChannels = 1 }.contains("makes 1-channel images"))
        XCTAssertTrue(refusal { $0.zDim = 256 }.contains("z_dim 256, mapping width 512 and w_dim 512 differ"))
        XCTAssertTrue(refusal { $0.mappingLrMultiplier = 0.02 }.contains("the mapping lr multiplier is 0.02"))
        XCTAssertTrue(refusal { $0.cDim = 10 }.hasPrefix("cannot write a rosinality checkpoint: "))
    }
}
