import Checkpoints
import StyleGAN
import XCTest

/// The engine on real stylegan2-ada-pytorch snapshots (a parent and a child fine-tuned from it)
/// against the outputs of NVIDIA's own code, recorded in ../shared/fixtures/sg2ada.
final class SG2ADAParityTests: XCTestCase {
    static let seeds: [UInt32] = [0, 1, 2, 3]
    static var cache: [String: Generator] = [:]

    func generator(_ which: String) throws -> Generator {
        if let g = Self.cache[which] { return g }
        let loaded = try CheckpointLoader.load(path: Fixtures.path("sg2ada/\(which).pkl"))
        let g = try Generator(config: loaded.config, parameters: loaded.parameters)
        Self.cache[which] = g
        return g
    }

    func assertClose(_ a: Tensor, _ b: Tensor, _ tolerance: Float, _ what: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.shape, b.shape, what, file: file, line: line)
        guard a.shape == b.shape else { return }
        let diff = a.maxAbsDifference(b)
        print("parity \(what): max |diff| = \(diff)")
        XCTAssertLessThanOrEqual(diff, tolerance, what, file: file, line: line)
    }

    func testSeedLatentsAreBitIdentical() throws {
        let reference = try Fixtures.array("sg2ada/z.npy")
        XCTAssertEqual(Tensor.seedLatents(Self.seeds, zDim: 64), reference)
    }

    func testMappingMatches() throws {
        for which in ["parent", "child"] {
            let g = try generator(which)
            let z = Tensor.seedLatents(Self.seeds, zDim: g.config.zDim)
            assertClose(try g.mapping(z: z), try Fixtures.array("sg2ada/\(which)_ws_psi1.npy"), 1e-5, "\(which) ws psi 1")
            assertClose(try g.mapping(z: z, truncation: Truncation(psi: 0.7)),
                        try Fixtures.array("sg2ada/\(which)_ws_psi07.npy"), 1e-5, "\(which) ws psi 0.7")
        }
    }

    func testImagesMatchForBothNoiseModesAndTruncations() throws {
        for which in ["parent", "child"] {
            let g = try generator(which)
            let ws1 = try Fixtures.array("sg2ada/\(which)_ws_psi1.npy")
            let ws07 = try Fixtures.array("sg2ada/\(which)_ws_psi07.npy")
            assertClose(try g.synthesis(ws: ws1, noise: .const), try Fixtures.array("sg2ada/\(which)_img_const_psi1.npy"),
                        1e-4, "\(which) image const psi 1")
            assertClose(try g.synthesis(ws: ws1, noise: .none), try Fixtures.array("sg2ada/\(which)_img_none_psi1.npy"),
                        1e-4, "\(which) image none psi 1")
            assertClose(try g.synthesis(ws: ws07, noise: .const), try Fixtures.array("sg2ada/\(which)_img_const_psi07.npy"),
                        1e-4, "\(which) image const psi 0.7")
        }
    }

    func testSeedToImageEndToEnd() throws {
        // From seeds alone, as `generate` does: z -> mapping -> synthesis.
        let g = try generator("child")
        let ws = try g.mapping(z: Tensor.seedLatents(Self.seeds, zDim: g.config.zDim), truncation: Truncation(psi: 0.7))
        assertClose(try g.synthesis(ws: ws), try Fixtures.array("sg2ada/child_img_const_psi07.npy"), 1e-4,
                    "child seeds 0-3 psi 0.7 end to end")
    }

    func testStyleSpaceCodesMatch() throws {
        for which in ["parent", "child"] {
            let g = try generator(which)
            let styles = try g.styles(ws: Fixtures.array("sg2ada/\(which)_ws_psi1.npy"))
            XCTAssertEqual(styles.layers.count, 11)
            assertClose(styles.flattened, try Fixtures.array("sg2ada/\(which)_styles_psi1.npy"), 1e-5, "\(which) styles")
        }
    }

    func testStyleSpaceLayoutMatchesManifest() throws {
        let manifest = try Fixtures.manifest("sg2ada")
        let layout = try generator("parent").layout
        let expected = ((manifest["parent"] as? [String: Any])?["styles_layout"] as? [[String: Any]]) ?? []
        XCTAssertEqual(expected.count, layout.layers.count)
        for (e, l) in zip(expected, layout.layers) {
            XCTAssertEqual(e["name"] as? String, l.name)
            XCTAssertEqual(e["w_index"] as? Int, l.wIndex)
            XCTAssertEqual(e["offset"] as? Int, l.offset)
            XCTAssertEqual(e["length"] as? Int, l.dimension)
            XCTAssertEqual(e["kind"] as? String, l.kind.rawValue)
        }
    }

    func testChildWithPartsResetToParentMatchesReference() throws {
        // The child with the manifest's tensors copied from the parent (a state-dict copy).
        let manifest = try Fixtures.manifest("sg2ada")
        let resets = manifest["resets"] as? [String: [String: Any]] ?? [:]
        XCTAssertEqual(Set(resets.keys), ["mapping", "b8", "affines"])
        let parent = try generator("parent"), child = try generator("child")
        let z = Tensor.seedLatents(Self.seeds, zDim: child.config.zDim)
        for (name, reset) in resets.sorted(by: { $0.key < $1.key }) {
            var p = child.parameters
            for key in reset["keys"] as? [String] ?? [] where !key.hasSuffix("resample_filter") {
                p[key] = try XCTUnwrap(parent.parameters[key], key)
            }
            let g = try Generator(config: child.config, parameters: p)
            let img = try g.synthesis(ws: g.mapping(z: z))
            assertClose(img, try Fixtures.array("sg2ada/\(reset["file"] as? String ?? "")"), 1e-4, "child with \(name) reset")
        }
    }
}
