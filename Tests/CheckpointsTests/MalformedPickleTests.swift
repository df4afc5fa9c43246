import Foundation
import XCTest
@testable import Checkpoints

/// Files that must be refused with a one-line message: never a crash, a hang or code execution.
final class MalformedPickleTests: XCTestCase {
    func testEmptyFile() {
        TemporaryCheckpoint.assertFails([], "is empty")
    }

    func testRandomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        for round in 0 ..< 40 {
            var bytes = (0 ..< 2048).map { _ in next() }
            // Half the rounds look like a pickle so the machine itself meets the garbage.
            if round % 2 == 1 { bytes[0] = 0x80; bytes[1] = UInt8(2 + round % 4) }
            TemporaryCheckpoint.assertFails(bytes, round % 2 == 1 ? nil : "is not a checkpoint this tool reads")
        }
    }

    func testTruncatedFixture() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path("sg2ada/parent.pkl"))))
        for cut in [1, 2, 3, 11, 100, 1000, 4096, 50_000, 400_000, bytes.count / 2, bytes.count - 100, bytes.count - 1] {
            TemporaryCheckpoint.assertFails(Array(bytes.prefix(cut)), "truncated")
        }
    }

    func testRefusesToCallCode() {
        // protocol 2: GLOBAL 'os system', ('ls',), REDUCE
        let osSystem: [UInt8] = [0x80, 0x02, 0x63] + Array("os\nsystem\n".utf8) + [0x71, 0x00]
            + [0x58, 0x02, 0, 0, 0] + Array("ls".utf8) + [0x85, 0x52, 0x2e]
        TemporaryCheckpoint.assertFails(osSystem, "refuses to call os.system: a checkpoint is data, not code")
        // protocol 4: STACK_GLOBAL builtins.eval
        let eval: [UInt8] = [0x80, 0x04, 0x8c, 0x08] + Array("builtins".utf8) + [0x94, 0x8c, 0x04] + Array("eval".utf8)
            + [0x94, 0x93, 0x94, 0x8c, 0x01, 0x31, 0x85, 0x52, 0x2e]
        TemporaryCheckpoint.assertFails(eval, "refuses to call builtins.eval: a checkpoint is data, not code")
        for (module, name) in [("posix", "system"), ("builtins", "exec"), ("subprocess", "Popen"), ("builtins", "getattr"),
                               ("nt", "system"), ("torch", "load"), ("numpy", "load")] {
            let bytes = PickleWriter.pickle(.call(module, name, [.str("x")]))
            TemporaryCheckpoint.assertFails(bytes, "refuses to call \(module).\(name)")
        }
    }

    func testLengthFieldsBeyondTheFile() {
        let binBytes: [UInt8] = [0x80, 0x03, 0x42, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]
        TemporaryCheckpoint.assertFails(binBytes, "BINBYTES at byte 2 needs 2147483647 bytes, only 3 remain")
        let unicode8: [UInt8] = [0x80, 0x04, 0x8d] + [UInt8](repeating: 0xff, count: 8) + [0x2e]
        TemporaryCheckpoint.assertFails(unicode8, "BINUNICODE8 at byte 2 needs 18446744073709551615 bytes")
        let long4: [UInt8] = [0x80, 0x02, 0x8b, 0x00, 0x00, 0x00, 0x40, 0x2e]
        TemporaryCheckpoint.assertFails(long4, "LONG4 at byte 2 needs 1073741824 bytes")
        let frame: [UInt8] = [0x80, 0x04, 0x95, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e]
        TemporaryCheckpoint.assertFails(frame, "FRAME at byte 2 needs 4096 bytes")
        // A storage blob whose element count runs past the blob.
        let blob = PickleWriter.storageBlob(elements: PickleWriter.float32Bytes([1, 2]), count: 1 << 40)
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.call("torch.storage", "_load_from_bytes", [.bytes(blob)])),
                                        "storage 0 needs 1099511627776 elements of 4 bytes, only 8 bytes remain")
    }

    func testDeepNestingFailsQuickly() {
        let start = Date()
        let n = 100_000
        let lists: [UInt8] = [0x80, 0x02] + [UInt8](repeating: 0x5d, count: n) + [UInt8](repeating: 0x61, count: n - 1) + [0x2e]
        TemporaryCheckpoint.assertFails(lists, "nested too deeply")
        let marks: [UInt8] = [0x80, 0x02] + [UInt8](repeating: 0x28, count: n) + [0x2e]
        TemporaryCheckpoint.assertFails(marks, "nested too deeply")
        let tuples: [UInt8] = [0x80, 0x02, 0x4e] + [UInt8](repeating: 0x85, count: n) + [0x2e]
        TemporaryCheckpoint.assertFails(tuples, "nested too deeply")
        // {1: {1: {1: ...}}}: EMPTY_DICT, then (key, EMPTY_DICT) pairs, then one SETITEM per level.
        let dicts: [UInt8] = [0x80, 0x02, 0x7d] + Array([[UInt8]](repeating: [0x4b, 0x01, 0x7d], count: n - 1).joined())
            + [UInt8](repeating: 0x73, count: n - 1) + [0x2e]
        TemporaryCheckpoint.assertFails(dicts, "nested too deeply")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testDeepestAllowedNestingIsReleasedOnASmallStack() {
        // 999 nested lists (the cap is 1,000) built and released on a 512 KB thread stack (the
        // smallest default secondary-thread stack): releasing nested values recurses in the Swift
        // runtime, and the cap must keep that recursion inside it, in debug builds too.
        let depth = PickleLimits.maxDepth - 1
        let bytes: [UInt8] = [0x80, 0x02] + [UInt8](repeating: 0x5d, count: depth) + [UInt8](repeating: 0x61, count: depth - 1) + [0x2e]
        let done = expectation(description: "parsed and released")
        var parsedDepth = 0
        let thread = Thread {
            let source = ByteSource(copying: bytes)
            var machine = PickleMachine(input: source.all)
            parsedDepth = (try? machine.run().value.depth) ?? -1
            done.fulfill()
        }
        thread.stackSize = 512 << 10
        thread.start()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(parsedDepth, depth)
    }

    func testMissingFile() {
        XCTAssertThrowsError(try CheckpointLoader.load(path: "no-such-checkpoint.pkl")) {
            XCTAssertEqual("\($0)", "no-such-checkpoint.pkl: no such file")
        }
    }

    func testStructuralErrorsNameTheOffset() {
        TemporaryCheckpoint.assertFails([0x80, 0x02, 0x49, 0x31, 0x0a, 0x2e], "INT (protocol 0 text) at byte 2 is not supported")
        TemporaryCheckpoint.assertFails([0x80, 0x02, 0x4e, 0xff, 0x2e], "unknown pickle opcode 0xff at byte 3")
        TemporaryCheckpoint.assertFails([0x80, 0x02, 0x68, 0x05, 0x2e], "memo entry 5 is read before it is stored")
        TemporaryCheckpoint.assertFails([0x80, 0x02, 0x2e], "STOP finds the stack empty")
        // A list appended to itself: a cycle, which no checkpoint holds.
        TemporaryCheckpoint.assertFails([0x80, 0x02, 0x5d, 0x71, 0x00, 0x68, 0x00, 0x61, 0x2e], "cyclic")
    }

    func testValidPickleWithoutANetwork() {
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.dict([("a", .int(1)), ("b", .int(2))])),
                                        "holds no StyleGAN2 generator (top-level keys: a, b)")
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.list([.int(1)])), "holds a list, not a StyleGAN2 network")
    }

    func testRecognisesOtherContents() {
        let header = Array("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}".utf8)
        TemporaryCheckpoint.assertFails(PickleWriter.le(header.count, 8) + header + [0, 0, 0, 0], "is a safetensors file")
        let tensor = PickleWriter.tensor(storageValues: [1], size: [1])
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.dict([("d", .dict([("convs.0.0.weight", tensor)]))])),
                                        "holds a discriminator but no StyleGAN2 generator (top-level keys: d)")
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.dict([("mapping.fc0.weight", tensor), ("synthesis.b4.const", tensor)])),
                                        "holds a bare NVIDIA state dict")
        let many = (0 ..< 20).map { ("k\($0)", Py.int($0)) }
        TemporaryCheckpoint.assertFails(PickleWriter.pickle(.dict(many)), "(top-level keys: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11 and 8 more)")
    }
}
