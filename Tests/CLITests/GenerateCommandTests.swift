import FileFormats
import Foundation
import XCTest

/// `stylealign generate` and `inspect` as a user runs them.
final class GenerateCommandTests: XCTestCase {
    func testSeedsWriteNVIDIANamedFilesThatMatchTheReference() throws {
        let network = try fixture("sg2ada/child.pkl")
        let out = try temporaryDirectory() + "/new/dir"
        let r = try StyleAlignBinary.run(["generate", "--network", network, "--seeds", "1-2,0", "--trunc", "0.7",
                                          "--outdir", out, "--save-raw", "--save-ws", "--threads", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let reference = try NumpyArray.decode(FileBytes.read(fixture("sg2ada/child_img_const_psi07.npy")))
        let refWs = try NumpyArray.decode(FileBytes.read(fixture("sg2ada/child_ws_psi07.npy")))
        for seed in 0...2 {
            let base = "\(out)/seed000\(seed)"
            let raw = try NumpyArray.decode(FileBytes.read(base + ".npy"))
            XCTAssertEqual(raw.shape, [1, 3, 32, 32])
            let ref = Array(reference.values[(seed * 3072)..<((seed + 1) * 3072)])
            let diff = zip(raw.values, ref).map { abs($0 - $1) }.max() ?? 1
            XCTAssertLessThan(diff, 1e-4, "seed \(seed) image")
            let ws = try XCTUnwrap(NumpyArchive.read(FileBytes.read(base + ".npz"))["w"])
            XCTAssertEqual(ws.shape, [1, 8, 64])
            let wsDiff = zip(ws.values, refWs.values[(seed * 512)..<((seed + 1) * 512)]).map { abs($0 - $1) }.max() ?? 1
            XCTAssertLessThan(wsDiff, 1e-5)
            // The PNG is NVIDIA's uint8(clamp(img*127.5+128, 0, 255)) of the raw output.
            let png = try PNGImage.decode(FileBytes.readArray(base + ".png"))
            XCTAssertEqual([png.width, png.height, png.channels], [32, 32, 3])
            let expected = UInt8(min(max(raw.values[0] * 127.5 + 128, 0), 255))
            XCTAssertEqual(png.pixels[0], expected)
        }
    }

    func testSavedWsRenderTheSameImage() throws {
        let network = try fixture("sg2ada/parent.pkl")
        let dir = try temporaryDirectory()
        XCTAssertEqual(try StyleAlignBinary.run(["generate", "--network", network, "--seeds", "3", "--outdir", dir,
                                                 "--save-ws"]).status, 0)
        let r = try StyleAlignBinary.run(["generate", "--network", network, "--ws", dir + "/seed0003.npz", "--outdir", dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileBytes.readArray(dir + "/proj00.png"), try FileBytes.readArray(dir + "/seed0003.png"))
    }

    func testRandomInitRendersWithoutACheckpoint() throws {
        let dir = try temporaryDirectory()
        let r = try StyleAlignBinary.run(["generate", "--random-init", "paper256", "--seeds", "0", "--outdir", dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        let png = try PNGImage.decode(FileBytes.readArray(dir + "/seed0000.png"))
        XCTAssertEqual([png.width, png.height], [256, 256])
        XCTAssertGreaterThan(Set(png.pixels).count, 50, "a random network still draws a varied image")
    }

    func testInspectDescribesTheFixture() throws {
        let r = try StyleAlignBinary.run(["inspect", try fixture("sg2ada/parent.pkl")])
        XCTAssertEqual(r.status, 0, r.stderr)
        for expected in ["NVIDIA network pickle", "32x32", "channel_base 1024", "ws                  8",
                         "11 (7 conv + 4 torgb)", "non-finite tensors  none"] {
            XCTAssertTrue(r.stdout.contains(expected), "inspect output lacks '\(expected)':\n\(r.stdout)")
        }
    }
}
