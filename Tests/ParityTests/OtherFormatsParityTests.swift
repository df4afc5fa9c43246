import Checkpoints
import StyleGAN
import XCTest

/// The same engine reached through the other checkpoint formats: TensorFlow-era pickles of the
/// sg2ada networks, and a rosinality checkpoint with its own reference outputs.
final class OtherFormatsParityTests: XCTestCase {
    func load(_ relative: String) throws -> Generator {
        let loaded = try CheckpointLoader.load(path: Fixtures.path(relative))
        return try Generator(config: loaded.config, parameters: loaded.parameters)
    }

    func assertClose(_ a: Tensor, _ b: Tensor, _ tolerance: Float, _ what: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.shape, b.shape, what, file: file, line: line)
        guard a.shape == b.shape else { return }
        let diff = a.maxAbsDifference(b)
        print("parity \(what): max |diff| = \(diff)")
        XCTAssertLessThanOrEqual(diff, tolerance, what, file: file, line: line)
    }

    func testTensorFlowPicklesReproduceTheSG2ADAReferenceArrays() throws {
        for which in ["parent", "child"] {
            let g = try load("tf/\(which).pkl")
            let z = Tensor.seedLatents([0, 1, 2, 3], zDim: g.config.zDim)
            let ws1 = try g.mapping(z: z)
            assertClose(ws1, try Fixtures.array("sg2ada/\(which)_ws_psi1.npy"), 1e-5, "tf \(which) ws psi 1")
            assertClose(try g.mapping(z: z, truncation: Truncation(psi: 0.7)),
                        try Fixtures.array("sg2ada/\(which)_ws_psi07.npy"), 1e-5, "tf \(which) ws psi 0.7")
            assertClose(try g.synthesis(ws: ws1), try Fixtures.array("sg2ada/\(which)_img_const_psi1.npy"), 1e-4,
                        "tf \(which) image const psi 1")
            assertClose(try g.synthesis(ws: ws1, noise: .none), try Fixtures.array("sg2ada/\(which)_img_none_psi1.npy"),
                        1e-4, "tf \(which) image none psi 1")
            assertClose(try g.styles(ws: ws1).flattened, try Fixtures.array("sg2ada/\(which)_styles_psi1.npy"), 1e-5,
                        "tf \(which) styles")
        }
    }

    func testTensorFlowResetsReproduceTheReference() throws {
        let parent = try load("tf/parent.pkl"), child = try load("tf/child.pkl")
        let manifest = try Fixtures.manifest("sg2ada")
        let z = Tensor.seedLatents([0, 1, 2, 3], zDim: child.config.zDim)
        for (name, reset) in (manifest["resets"] as? [String: [String: Any]] ?? [:]).sorted(by: { $0.key < $1.key }) {
            var p = child.parameters
            for key in reset["keys"] as? [String] ?? [] where !key.hasSuffix("resample_filter") { p[key] = parent.parameters[key] }
            let g = try Generator(config: child.config, parameters: p)
            assertClose(try g.synthesis(ws: g.mapping(z: z)), try Fixtures.array("sg2ada/\(reset["file"] as? String ?? "")"),
                        1e-4, "tf child with \(name) reset")
        }
    }

    func testSameWeightsThroughTwoFormatsRenderIdenticalImages() throws {
        for which in ["parent", "child"] {
            let nvidia = try load("sg2ada/\(which).pkl"), tf = try load("tf/\(which).pkl")
            XCTAssertEqual(tf.config, nvidia.config)
            let ws = try nvidia.mapping(z: Tensor.seedLatents([0, 1, 2, 3], zDim: nvidia.config.zDim))
            XCTAssertEqual(try tf.mapping(z: Tensor.seedLatents([0, 1, 2, 3], zDim: tf.config.zDim)), ws)
            XCTAssertEqual(try tf.synthesis(ws: ws), try nvidia.synthesis(ws: ws), "\(which): TF pickle vs NVIDIA pickle")
        }
    }

    func testRosinalityCheckpointReproducesItsReferenceOutputs() throws {
        let g = try load("rosinality/tiny.pt")
        XCTAssertNil(g.config.convClamp, "rosinality has no conv_clamp")
        let z = Tensor.seedLatents([0, 1, 2, 3], zDim: g.config.zDim)
        assertClose(z, try Fixtures.array("rosinality/z.npy"), 0, "rosinality z")
        let w = try Fixtures.array("rosinality/w.npy")
        let ws = try g.mapping(z: z)
        let firstRows = Tensor(shape: w.shape, data: (0..<4).flatMap { s in
            ws.data[(s * g.config.numWs * g.config.wDim)..<(s * g.config.numWs * g.config.wDim + g.config.wDim)]
        })
        assertClose(firstRows, w, 1e-5, "rosinality w")
        func broadcast(_ w: Tensor) -> Tensor {
            let n = w.shape[0], d = w.shape[1], k = g.config.numWs
            return Tensor(shape: [n, k, d], data: (0..<n).flatMap { s in (0..<k).flatMap { _ in w.data[(s * d)..<((s + 1) * d)] } })
        }
        // Random-weight images reach |13|: compare relative to their magnitude.
        func tolerance(_ reference: Tensor) -> Float { 1e-5 * max(1, reference.data.map(abs).max() ?? 1) }
        let imgW = try Fixtures.array("rosinality/img_w.npy")
        assertClose(try g.synthesis(ws: broadcast(w)), imgW, tolerance(imgW), "rosinality image from w")
        let imgZ = try Fixtures.array("rosinality/img_z.npy")
        assertClose(try g.synthesis(ws: ws), imgZ, tolerance(imgZ), "rosinality image from z")
        let zero = try Fixtures.array("rosinality/img_w_zeronoise.npy")
        assertClose(try g.synthesis(ws: broadcast(w), noise: .none), zero, tolerance(zero), "rosinality image, zero noise")
        let wplus = try Fixtures.array("rosinality/wplus.npy"), imgPlus = try Fixtures.array("rosinality/img_wplus.npy")
        assertClose(try g.synthesis(ws: wplus), imgPlus, tolerance(imgPlus), "rosinality image from W+")
        // rosinality truncates every w toward latent_avg (no cutoff): psi 0.7 with NVIDIA's semantics.
        let avg = try Fixtures.array("rosinality/latent_avg.npy")
        XCTAssertEqual(g.parameters["mapping.w_avg"], avg)
        let trunc = Tensor(shape: [4, g.config.wDim], data: w.data.enumerated().map { i, v in
            avg.data[i % g.config.wDim] + 0.7 * (v - avg.data[i % g.config.wDim])
        })
        let imgTrunc = try Fixtures.array("rosinality/img_w_trunc07.npy")
        assertClose(try g.synthesis(ws: broadcast(trunc)), imgTrunc, tolerance(imgTrunc), "rosinality truncated image")
        let styles = try Fixtures.array("rosinality/styles.npy")
        assertClose(try g.styles(ws: broadcast(w)).flattened, styles, 1e-5 * max(1, styles.data.map(abs).max() ?? 1),
                    "rosinality styles")
    }
}
