import XCTest
@testable import StyleGAN

/// The fast engine (non-fused modulation, sub-pixel up-sampling convs, channel-major GEMMs)
/// against the plain reference ops, on random weights and shapes.
final class FastVersusReferenceTests: XCTestCase {
    func check(_ config: GeneratorConfig, batch: Int, noise: NoiseMode, psi: Float = 1, tolerance: Float = 2e-5,
               file: StaticString = #filePath, line: UInt = #line) throws {
        let (fast, reference) = try TestNetworks.pair(config)
        let z = TestNetworks.latents(batch, config.zDim, seed: 7)
        let c = config.cDim > 0 ? try fast.classLabel(1, batch: batch) : nil
        let trunc = Truncation(psi: psi, cutoff: psi == 1 ? nil : 2)
        let ws = try fast.mapping(z: z, c: c, truncation: trunc)
        let wsRef = reference.mapping(z: z, c: c, truncation: trunc)
        let wsDiff = ws.maxAbsDifference(wsRef)
        let styles = try fast.styles(ws: ws)
        let stylesRef = reference.styles(ws: ws)
        let sDiff = zip(styles.layers, stylesRef).map { $0.maxAbsDifference($1) }.max() ?? 0
        let img = try fast.synthesis(ws: ws, noise: noise)
        let imgRef = reference.synthesis(ws: ws, noise: noise)
        let imgDiff = img.maxAbsDifference(imgRef)
        let scale = imgRef.data.map(abs).max() ?? 1
        print("fast vs reference \(config.architecture) c=\(config.cDim) batch=\(batch) noise=\(noise) psi=\(psi): " +
              "ws \(wsDiff), styles \(sDiff), image \(imgDiff) (|img| up to \(scale))")
        XCTAssertEqual(img.shape, [batch, config.imgChannels, config.resolution, config.resolution], file: file, line: line)
        XCTAssertLessThan(wsDiff, 1e-5, file: file, line: line)
        XCTAssertLessThan(sDiff, 1e-5, file: file, line: line)
        XCTAssertLessThan(imgDiff, tolerance * max(1, scale), file: file, line: line)
    }

    func testSkipBatchOfThreeConstNoise() throws { try check(TestNetworks.config(), batch: 3, noise: .const) }
    func testSkipSingleSampleNoNoiseTruncated() throws { try check(TestNetworks.config(), batch: 1, noise: .none, psi: 0.7) }
    func testResnet() throws { try check(TestNetworks.config(.resnet), batch: 2, noise: .const) }
    func testOrig() throws { try check(TestNetworks.config(.orig), batch: 2, noise: .const) }
    func testConditionalWithoutClamp() throws { try check(TestNetworks.config(cDim: 3, clamp: nil), batch: 2, noise: .const) }
    func testThirtyTwoPixels() throws { try check(TestNetworks.config(resolution: 32), batch: 5, noise: .const) }

    func testClampIsActive() throws {
        // The test networks clamp at 0.6; make sure that actually happens, or the tests above prove less.
        let config = TestNetworks.config()
        let (fast, _) = try TestNetworks.pair(config)
        let ws = try fast.mapping(z: TestNetworks.latents(2, config.zDim, seed: 3))
        let img = try fast.synthesis(ws: ws)
        XCTAssertTrue(img.data.contains { abs($0) > 0.6 }, "the sum of torgb outputs exceeds one layer's clamp")
        var unclamped = config; unclamped.convClamp = nil
        let (free, _) = try TestNetworks.pair(unclamped)
        XCTAssertGreaterThan(try free.synthesis(ws: ws).maxAbsDifference(img), 1e-3)
    }

    func testTransposedUpConvEqualsStuffFilterConvolve() throws {
        // One up-sampling layer alone, odd channel counts: transposed conv + FIR vs zero-stuff + FIR + conv.
        var rng = SplitMix64(seed: 5)
        let (o, i, h) = (5, 3, 6)
        let w = Tensor(shape: [o, i, 3, 3], data: rng.gaussians(o * i * 9, scale: 1))
        let x = Tensor(shape: [2, i, h, h], data: rng.gaussians(2 * i * h * h, scale: 1))
        let s = Tensor(shape: [2, i], data: rng.gaussians(2 * i, scale: 1))
        let zeros = Tensor(zeros: [o])
        let p = ["l.weight": w, "l.bias": zeros, "l.noise_strength": Tensor(shape: [], data: [0]),
                 "l.noise_const": Tensor(zeros: [2 * h, 2 * h])]
        let layer = SynthesisLayer(name: "l", parameters: p, resolution: 2 * h, up: true, gain: 1, clamp: nil)
        let fast = layer(Activation(nchw: x), styles: s.data, noise: .none, noiseSeed: 0, workspace: ConvWorkspace.single()).nchw
        var ref = ReferenceOps.modulatedConv2d(x, weight: w, styles: s, demodulate: true, up: 2, filter: ReferenceGenerator.filter)
        ref = ReferenceOps.biasAct(ref, bias: zeros, lrelu: true, gain: Float(2).squareRoot(), clamp: nil)
        let diff = fast.maxAbsDifference(ref)
        print("transposed up-conv vs reference: max |diff| \(diff)")
        XCTAssertLessThan(diff, 1e-5)
    }

    func testUpsampleEqualsUpfirdn() throws {
        var rng = SplitMix64(seed: 9)
        let x = Tensor(shape: [2, 3, 5, 5], data: rng.gaussians(150, scale: 1))
        let fast = upsample2x(x.data, planes: 6, height: 5, width: 5)
        let ref = ReferenceOps.upfirdn2d(x, filter: ReferenceGenerator.filter, up: 2, pad: (2, 1, 2, 1), gain: 4)
        let diff = Tensor(shape: ref.shape, data: fast).maxAbsDifference(ref)
        print("upsample2x vs upfirdn2d: max |diff| \(diff)")
        XCTAssertLessThan(diff, 1e-6)
    }
}
