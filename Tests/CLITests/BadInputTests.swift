import Foundation
import XCTest

/// Every kind of bad input: a one-line error naming the file and the problem, a non-zero exit,
/// no crash, no hang, nothing written.
final class BadInputTests: XCTestCase {
    func assertRefused(_ bytes: [UInt8], _ expected: String, file: StaticString = #filePath, line: UInt = #line,
                       name: String = #function) throws {
        let dir = try temporaryDirectory(name)
        let input = dir + "/input.pkl", out = dir + "/out"
        FileManager.default.createFile(atPath: input, contents: Data(bytes))
        let r = try StyleAlignBinary.run(["generate", "--network", input, "--seeds", "0", "--outdir", out], timeout: 60)
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one line, got:\n\(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(input), "names the file: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.lowercased().contains(expected.lowercased()), "says '\(expected)': \(r.stderr)", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written", file: file, line: line)
    }

    func testEmptyFile() throws { try assertRefused([], "empty") }
    func testRandomBytes() throws {
        var g = SystemRandomNumberGenerator()
        try assertRefused([0x13, 0x37] + (0..<4000).map { _ in UInt8.random(in: 0...255, using: &g) }, "not a checkpoint")
    }
    func testTruncatedPickle() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("sg2ada/parent.pkl"))))
        for cut in [3, 100, bytes.count / 2, bytes.count - 1] {
            try assertRefused(Array(bytes[0..<cut]), "truncated", name: "truncated\(cut)")
        }
    }
    /// proto 2; GLOBAL 'posix system'; ( 'echo pwned' tuple ; REDUCE ; STOP
    func testPickleCallingOsSystem() throws {
        let marker = try temporaryDirectory("marker") + "/pwned"
        try assertRefused(Pickle.call("posix", "system", "touch \(marker)"), "posix.system")
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the command did not run")
    }
    func testPickleCallingEval() throws { try assertRefused(Pickle.call("builtins", "eval", "1+1"), "builtins.eval") }
    func testLengthFieldFarLargerThanTheFile() throws {
        // proto 4; BINUNICODE8 with a 2^60-byte length.
        try assertRefused([0x80, 0x04, 0x8d] + withUnsafeBytes(of: UInt64(1 << 60).littleEndian, Array.init) + [0x2e], "byte")
    }
    func testNestedAHundredThousandLevels() throws {
        // proto 2; 100,000 × (MARK EMPTY_LIST) — a list inside a list ... — never closed.
        try assertRefused([0x80, 0x02] + Array(repeating: [0x28, 0x5d], count: 100_000).flatMap { $0 } + [0x2e], "nested")
    }
    func testValidPickleWithoutANetwork() throws {
        // proto 2; {'a': 1}
        try assertRefused([0x80, 0x02, 0x7d, 0x58, 0x01, 0, 0, 0, 0x61, 0x4b, 0x01, 0x73, 0x2e], "no StyleGAN2 generator")
    }
    func testMissingFile() throws {
        let r = try StyleAlignBinary.run(["generate", "--network", "/nonexistent/x.pkl", "--seeds", "0", "--outdir", "/tmp"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("/nonexistent/x.pkl"))
    }
    func testWsFileOfTheWrongShape() throws {
        let dir = try temporaryDirectory()
        let network = try fixture("sg2ada/parent.pkl")
        XCTAssertEqual(try StyleAlignBinary.run(["generate", "--network", network, "--seeds", "0", "--outdir", dir,
                                                 "--save-ws"]).status, 0)
        let r = try StyleAlignBinary.run(["generate", "--random-init", "paper256", "--ws", dir + "/seed0000.npz", "--outdir", dir + "/o"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("seed0000.npz") && r.stderr.contains("[1, 8, 64]"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/o"))
    }
    func testNonFiniteWAvgIsNamed() throws {
        // The parent with its w_avg overwritten by NaN: inspect reports it, truncation refuses.
        let dir = try temporaryDirectory()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("sg2ada/parent.pkl"))))
        let wAvgFirst: [Float] = try wAvgPrefix()
        let pattern = wAvgFirst.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian, Array.init) }
        // G and G_ema share their buffers' values: overwrite every copy.
        let places = find(pattern, in: bytes)
        XCTAssertFalse(places.isEmpty, "w_avg bytes located in the pickle")
        let nan = withUnsafeBytes(of: Float.nan.bitPattern.littleEndian, Array.init)
        for at in places { bytes.replaceSubrange(at..<(at + 4), with: nan) }
        let path = dir + "/nan.pkl"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let inspect = try StyleAlignBinary.run(["inspect", path])
        XCTAssertTrue(inspect.stdout.contains("non-finite tensors  mapping.w_avg"), inspect.stdout + inspect.stderr)
        let r = try StyleAlignBinary.run(["generate", "--network", path, "--seeds", "0", "--trunc", "0.7", "--outdir", dir + "/o"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("mapping.w_avg"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/o/seed0000.png"))
    }

    /// The first values of the parent's w_avg, from the manifest.
    func wAvgPrefix() throws -> [Float] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("sg2ada/manifest.json")))
        let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let tensors = (manifest?["parent"] as? [String: Any])?["G_ema_state_dict"] as? [[String: Any]] ?? []
        let entry = try XCTUnwrap(tensors.first { $0["name"] as? String == "mapping.w_avg" })
        return (entry["first"] as? [Double] ?? []).map(Float.init)
    }

    func find(_ pattern: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return [] }
        return (0...(bytes.count - pattern.count)).filter {
            bytes[$0] == pattern[0] && bytes[$0..<($0 + pattern.count)].elementsEqual(pattern)
        }
    }
}

/// Hand-written hostile pickles.
enum Pickle {
    /// proto 2; GLOBAL 'module\nname\n'; MARK; BINUNICODE arg; TUPLE; REDUCE; STOP
    static func call(_ module: String, _ name: String, _ argument: String) -> [UInt8] {
        let arg = Array(argument.utf8)
        return [0x80, 0x02, 0x63] + Array("\(module)\n\(name)\n".utf8) + [0x28, 0x58]
            + withUnsafeBytes(of: UInt32(arg.count).littleEndian, Array.init) + arg + [0x74, 0x52, 0x2e]
    }
}
