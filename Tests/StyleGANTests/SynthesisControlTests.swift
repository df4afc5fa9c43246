import XCTest
import StyleGAN

/// StyleSpace, partial synthesis and resuming: each must equal the full computation.
final class SynthesisControlTests: XCTestCase {
    func testRenderingFromStylesEqualsRenderingFromWs() throws {
        let (g, _) = try TestNetworks.pair(TestNetworks.config())
        let ws = try g.mapping(z: TestNetworks.latents(2, 11, seed: 1))
        XCTAssertEqual(try g.synthesis(styles: g.styles(ws: ws)), try g.synthesis(ws: ws))
    }

    func testResumeFromEveryLayerEqualsFullPass() throws {
        let (g, _) = try TestNetworks.pair(TestNetworks.config(resolution: 32))
        let styles = try g.styles(ws: g.mapping(z: TestNetworks.latents(2, 11, seed: 2)))
        let full = try g.synthesis(styles: styles)
        for l in 0...g.layout.layers.count {
            let state = try g.state(before: l, styles: styles)
            XCTAssertEqual(try g.resume(from: state, styles: styles), full, "resuming at layer \(l)")
        }
    }

    func testSavedStateSurvivesLaterPasses() throws {
        // A state handed to the caller shares its maps with the engine (copy on write): later
        // passes, and resuming from it with other styles, must leave its values alone.
        // 16 channels at 64 px, batch 2: maps big enough for every kernel path (fused Winograd, huge pages).
        let config = GeneratorConfig(zDim: 11, wDim: 9, mappingLayers: 2, resolution: 64, channelBase: 1024,
                                     channelMax: 16, convClamp: 0.6, numFP16Res: 0)
        let g = try Generator(config: config, parameters: RandomInit.parameters(config: config, seed: 3))
        let styles = try g.styles(ws: g.mapping(z: TestNetworks.latents(2, 11, seed: 6)))
        let other = try g.styles(ws: g.mapping(z: TestNetworks.latents(2, 11, seed: 7)))
        let full = try g.synthesis(styles: styles)
        for l in [5, g.layout.layers.count - 1] {
            let state = try g.state(before: l, styles: styles)
            _ = try g.synthesis(styles: other)
            XCTAssertEqual(try g.resume(from: state, styles: styles), full, "resuming at layer \(l) after other passes")
            _ = try g.resume(from: state, styles: other)
            XCTAssertEqual(try g.resume(from: state, styles: styles), full, "resuming twice from layer \(l)")
        }
    }

    func testEditAtLayerLeavesEarlierLayersAlone() throws {
        // Resuming from the unedited state with edited styles equals a full pass with the edit.
        let (g, _) = try TestNetworks.pair(TestNetworks.config(resolution: 32))
        let styles = try g.styles(ws: g.mapping(z: TestNetworks.latents(1, 11, seed: 4)))
        let l = 5
        var edited = styles
        edited.layers[l].data[2] += 3
        let state = try g.state(before: l, styles: styles)
        XCTAssertEqual(try g.resume(from: state, styles: edited), try g.synthesis(styles: edited))
        XCTAssertNotEqual(try g.synthesis(styles: edited), try g.synthesis(styles: styles))
    }

    func testPartialSynthesisEqualsSmallerNetwork() throws {
        // The image after block 16 of a 32 px network is the output of the same weights built as a 16 px network.
        let big = TestNetworks.config(resolution: 32)
        let small = TestNetworks.config(resolution: 16)
        let p = RandomInit.parameters(config: big, seed: 1)
        let g32 = try Generator(config: big, parameters: p), g16 = try Generator(config: small, parameters: p)
        let styles = try g32.styles(ws: g32.mapping(z: TestNetworks.latents(2, 11, seed: 5)))
        let preview = try g32.synthesis(styles: styles, upTo: 16)
        let styles16 = StyleCodes(layers: Array(styles.layers.prefix(g16.layout.layers.count)))
        XCTAssertEqual(preview.shape, [2, 3, 16, 16])
        XCTAssertEqual(preview, try g16.synthesis(styles: styles16))
    }

    func testStyleSpaceLayoutOf1024ConfigF() {
        let layout = StyleSpaceLayout(config: RandomInit.Preset.ffhq1024.config)
        XCTAssertEqual(layout.layers.count, 26)
        XCTAssertEqual(layout.convLayers.count, 17)
        XCTAssertEqual(layout.totalDimension, 9088)
        XCTAssertEqual(layout.convLayers.reduce(0) { $0 + $1.dimension }, 6048)
        XCTAssertEqual(layout.layers[6].name, "synthesis.b16.conv1")
        XCTAssertEqual(layout.layers[14].dimension, 512)    // b128.conv0: input channels
        XCTAssertEqual(layout.layers[25].offset, 9056)
        XCTAssertEqual(layout.layers.map(\.wIndex).last, 17)
        XCTAssertEqual(RandomInit.Preset.ffhq1024.config.numWs, 18)
        XCTAssertEqual(try layout.layer(for: StyleChannel("6_501")!).name, "synthesis.b16.conv1")
        XCTAssertThrowsError(try layout.layer(for: StyleChannel("24_40")!))
    }

    func testParameterCountOf1024ConfigF() {
        // Reference §3.1: 30,370,060 parameters and 182 tensors, counting the 26 resample-filter
        // buffers (which the engine does not read) but not the noise_const / w_avg buffers' values.
        let specs = RandomInit.Preset.ffhq1024.config.parameterSpecs
        let buffers = specs.filter { $0.component == .noiseBuffer || $0.name == "mapping.w_avg" }
        let parameters = specs.filter { s in !buffers.contains { $0.name == s.name } }
        XCTAssertEqual(parameters.reduce(0) { $0 + $1.shape.reduce(1, *) }, 30_370_060)
        XCTAssertEqual(specs.count + 26, 182)
    }
}
