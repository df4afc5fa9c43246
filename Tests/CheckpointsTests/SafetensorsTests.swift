import Foundation
import StyleGAN
import XCTest
@testable import Checkpoints

/// A safetensors file assembled by hand, for files the writer never makes (other dtypes, broken layouts).
enum SafetensorsBytes {
    static func file(header: String, data: [UInt8] = []) -> [UInt8] {
        let h = Array(header.utf8)
        return PickleWriter.le(h.count, 8) + h + data
    }

    /// A header entry for one tensor.
    static func entry(_ name: String, _ dtype: String, _ shape: [Int], _ begin: Int, _ end: Int) -> String {
        "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[\(begin),\(end)]}"
    }
}

final class SafetensorsTests: XCTestCase {
    /// Written by the reference implementation (Python safetensors 0.8.0, `safetensors.numpy.save_file`):
    /// half [[0.5, -2], [1.25, 3]] F16, single [1.5, -0.25, 3] F32, double [[0.125]] F64, long [7, -1] I64,
    /// scalar 2.5 F32 0-d, metadata {format: np, note: made by safetensors 0.8.0}.
    static let referenceFile = Data(base64Encoded: """
        cAEAAAAAAAB7Il9fbWV0YWRhdGFfXyI6eyJmb3JtYXQiOiJucCIsIm5vdGUiOiJtYWRlIGJ5IHNhZmV0ZW5zb3JzIDAuOC4wIn0s\
        ImxvbmciOnsiZHR5cGUiOiJJNjQiLCJzaGFwZSI6WzJdLCJkYXRhX29mZnNldHMiOlswLDE2XX0sImRvdWJsZSI6eyJkdHlwZSI6\
        IkY2NCIsInNoYXBlIjpbMSwxXSwiZGF0YV9vZmZzZXRzIjpbMTYsMjRdfSwic2NhbGFyIjp7ImR0eXBlIjoiRjMyIiwic2hhcGUi\
        OltdLCJkYXRhX29mZnNldHMiOlsyNCwyOF19LCJzaW5nbGUiOnsiZHR5cGUiOiJGMzIiLCJzaGFwZSI6WzNdLCJkYXRhX29mZnNl\
        dHMiOlsyOCw0MF19LCJoYWxmIjp7ImR0eXBlIjoiRjE2Iiwic2hhcGUiOlsyLDJdLCJkYXRhX29mZnNldHMiOls0MCw0OF19fSAg\
        IAcAAAAAAAAA//////////8AAAAAAADAPwAAIEAAAMA/AACAvgAAQEAAOADAAD0AQg==
        """)!

    private func header(_ bytes: [UInt8]) throws -> SafetensorsHeader {
        try bytes.withUnsafeBytes { try SafetensorsHeader($0) }
    }

    private func assertHeaderFails(_ bytes: [UInt8], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try header(bytes), file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(expected), "message: \(message)", file: file, line: line)
            XCTAssertFalse(message.contains("\n"), "message is not one line: \(message)", file: file, line: line)
        }
    }

    func testReadsTheReferenceImplementationsFile() throws {
        let bytes = [UInt8](Self.referenceFile)
        let h = try header(bytes)
        XCTAssertEqual(h.metadata, ["format": "np", "note": "made by safetensors 0.8.0"])
        XCTAssertEqual(h.entries.map(\.name), ["long", "double", "scalar", "single", "half"])
        var values: [String: Tensor] = [:]
        try bytes.withUnsafeBytes { raw in
            for e in h.entries where e.dtype.floatingPoint != nil { values[e.name] = try SafetensorsNetwork.tensor(e, in: raw) }
            XCTAssertThrowsError(try SafetensorsNetwork.tensor(h.entries[0], in: raw)) {
                XCTAssertEqual("\($0)", "safetensors tensor long holds I64 values, not floating point")
            }
        }
        XCTAssertEqual(values["half"], Tensor(shape: [2, 2], data: [0.5, -2, 1.25, 3]))
        XCTAssertEqual(values["single"], Tensor(shape: [3], data: [1.5, -0.25, 3]))
        XCTAssertEqual(values["double"], Tensor(shape: [1, 1], data: [0.125]))
        XCTAssertEqual(values["scalar"], Tensor(shape: [], data: [2.5]))
    }

    func testReadsBFloat16() throws {
        // 1.5 = 0x3FC0, -4 = 0xC080 in bfloat16.
        let bytes = SafetensorsBytes.file(header: "{" + SafetensorsBytes.entry("b", "BF16", [2], 0, 4) + "}", data: [0xC0, 0x3F, 0x80, 0xC0])
        let h = try header(bytes)
        let t = try bytes.withUnsafeBytes { try SafetensorsNetwork.tensor(h.entries[0], in: $0) }
        XCTAssertEqual(t, Tensor(shape: [2], data: [1.5, -4]))
    }

    func testHeaderLengthStartingWithThePickleProtocolByteIsStillSafetensors() throws {
        // A header length whose low byte is 0x80 makes the file start like a pickle (PROTO).
        let source = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/parent.pkl"))
        let bytes = try (0..<300).lazy.map { pad in
            try SafetensorsNetwork.encode(config: source.config, parameters: source.parameters,
                                          provenance: [("note", String(repeating: "x", count: pad))])
        }.first { $0[0] == 0x80 }
        let file = try XCTUnwrap(bytes, "some padding gives a header length with low byte 0x80")
        let net = try TemporaryCheckpoint.load(file, name: "proto-looking.safetensors")
        XCTAssertEqual(net.format, .safetensors)
        XCTAssertEqual(net.config, source.config)
    }

    func testNetworkRoundTripIsBitIdentical() throws {
        let source = try CheckpointLoader.load(path: try Fixtures.path("sg2ada/parent.pkl"))
        let bytes = try SafetensorsNetwork.encode(config: source.config, parameters: source.parameters,
                                                  provenance: [("converted from", "parent.pkl (NVIDIA network pickle, G_ema)")])
        let net = try TemporaryCheckpoint.load(bytes, name: "parent.safetensors")
        XCTAssertEqual(net.format, .safetensors)
        XCTAssertNil(net.networkKey)
        XCTAssertEqual(net.config, source.config)
        XCTAssertEqual(Set(net.parameters.keys), Set(source.config.parameterSpecs.map(\.name)))
        for (name, t) in net.parameters {
            XCTAssertEqual(t.shape, source.parameters[name]?.shape, name)
            XCTAssertEqual(t.data.map(\.bitPattern), source.parameters[name]?.data.map(\.bitPattern), name)
        }
        XCTAssertEqual(net.details.first?.0, "container")
        XCTAssertTrue(net.details.contains { $0 == ("converted from", "parent.pkl (NVIDIA network pickle, G_ema)") })
        // The layout the reference implementation writes: header padded to 8 bytes, data right after it.
        let h = try header(bytes)
        XCTAssertEqual(h.dataStart % 8, 0)
        XCTAssertEqual(h.entries.map(\.name), source.config.parameterSpecs.map(\.name))
        XCTAssertEqual(h.metadata["stylealign.names"], "nvidia")
        XCTAssertEqual(h.metadata["format"], "pt")
    }

    func testHalfPrecisionNetworkFile() throws {
        // The tiny network with every tensor stored as F16 (its values are multiples of 1/8, exact in half).
        let tiny = TinyNetwork()
        let specs = TinyNetwork.config.parameterSpecs
        var entries: [String] = [], data: [UInt8] = []
        for spec in specs {
            let values = tiny.expected[spec.name]!.data
            entries.append(SafetensorsBytes.entry(spec.name, "F16", spec.shape, data.count, data.count + 2 * values.count))
            data += values.flatMap { PickleWriter.le(Int(Float16($0).bitPattern), 2) }
        }
        let config = String(decoding: try JSONEncoder().encode(TinyNetwork.config), as: UTF8.self)
        let meta = "\"__metadata__\":{\"stylealign.config\":\(SafetensorsEncoder.jsonString(config))}"
        let net = try TemporaryCheckpoint.load(SafetensorsBytes.file(header: "{\(meta),\(entries.joined(separator: ","))}", data: data),
                                               name: "half.safetensors")
        XCTAssertEqual(net.parameters, tiny.expected)
        XCTAssertEqual(net.config, TinyNetwork.config)
    }

    func testMalformedHeaders() {
        let one = SafetensorsBytes.entry("w", "F32", [1], 0, 4)
        let four: [UInt8] = [0, 0, 0, 0]
        assertHeaderFails([1, 2, 3], "too short for a safetensors file")
        assertHeaderFails(PickleWriter.le(200_000_000, 8) + Array("{}".utf8), "more than the 100 MB limit")
        assertHeaderFails(PickleWriter.le(50, 8) + Array("{}".utf8), "declares 50 bytes but the file has only 2")
        assertHeaderFails(SafetensorsBytes.file(header: "[1]"), "safetensors header is an array, not an object")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"a\":"), "text ends where a value should start")
        assertHeaderFails(SafetensorsBytes.file(header: "{} x"), "unexpected text after the JSON value")
        assertHeaderFails(SafetensorsBytes.file(header: "{\(one),\(one)}", data: four), "duplicate key \"w\"")
        assertHeaderFails(SafetensorsBytes.file(header: String(repeating: "[", count: 20)), "nesting deeper than 8 levels")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"\\ud800\":1}"), "unpaired surrogate escape")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"a\u{1}\":1}"), "raw control character in a string")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"a\":1e3}"), "a number with a fraction or exponent")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"a\":99999999999999999999}"), "integer beyond 2^53")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}"), "needs dtype, shape and data_offsets")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", data: four), "unknown field \"x\"")
        assertHeaderFails(SafetensorsBytes.file(header: "{" + SafetensorsBytes.entry("w", "Q4", [1], 0, 4) + "}", data: four), "unknown dtype \"Q4\"")
        assertHeaderFails(SafetensorsBytes.file(header: "{" + SafetensorsBytes.entry("w", "F32", [-1], 0, 4) + "}", data: four), "shape holds a number that is not a size")
        assertHeaderFails(SafetensorsBytes.file(header: "{" + SafetensorsBytes.entry("w", "F32", [2], 0, 4) + "}", data: four),
                          "shape [2] of F32 needs 8 bytes but data_offsets [0, 4] span 4")
        assertHeaderFails(SafetensorsBytes.file(header: "{" + SafetensorsBytes.entry("w", "F64", [1 << 30, 1 << 30, 1 << 30], 0, 4) + "}", data: four),
                          "has too many elements")
        assertHeaderFails(SafetensorsBytes.file(header: "{" + SafetensorsBytes.entry("w", "F32", [1], 4, 0) + "}", data: four), "0 <= begin <= end")
        // Layout: overlap, gap, data past the end, unused bytes at the end.
        let two = "{" + SafetensorsBytes.entry("a", "F32", [1], 0, 4) + "," + SafetensorsBytes.entry("b", "F32", [1], 2, 6) + "}"
        assertHeaderFails(SafetensorsBytes.file(header: two, data: four + four), "safetensors tensor b at data offset 2 overlaps the tensor before it")
        let gap = "{" + SafetensorsBytes.entry("a", "F32", [1], 4, 8) + "}"
        assertHeaderFails(SafetensorsBytes.file(header: gap, data: four + four), "safetensors tensor a at data offset 4 leaves a gap before it")
        assertHeaderFails(SafetensorsBytes.file(header: "{\(one)}", data: [0, 0]), "end 2 bytes past the end of the file")
        assertHeaderFails(SafetensorsBytes.file(header: "{\(one)}", data: four + four), "leave 4 bytes unused at the end of the file")
        let huge = "{" + SafetensorsBytes.entry("a", "U8", [1 << 52], 0, 1 << 52) + "}"
        assertHeaderFails(SafetensorsBytes.file(header: huge, data: four), "past the end of the file")
        assertHeaderFails(SafetensorsBytes.file(header: "{\"__metadata__\":{\"k\":1}}"), "__metadata__ entry \"k\" is a number, not a string")
    }

    func testNetworkLevelErrors() throws {
        let tiny = TinyNetwork()
        let good = try SafetensorsNetwork.encode(config: TinyNetwork.config, parameters: tiny.expected, provenance: [])
        XCTAssertEqual(try TemporaryCheckpoint.load(good, name: "t.safetensors").parameters, tiny.expected)
        TemporaryCheckpoint.assertFails(good, "holds a single network: there is no 'G' to choose", networkKey: "G")

        func withConfig(_ json: String, _ tensors: [String: Tensor] = tiny.expected, names: String = "nvidia") -> [UInt8] {
            var entries: [String] = [], data: [UInt8] = []
            for (name, t) in tensors.sorted(by: { $0.key < $1.key }) {
                entries.append(SafetensorsBytes.entry(name, "F32", t.shape, data.count, data.count + 4 * t.count))
                data += t.data.flatMap { PickleWriter.le(Int($0.bitPattern), 4) }
            }
            let meta = "\"__metadata__\":{\"stylealign.config\":\(SafetensorsEncoder.jsonString(json)),\"stylealign.names\":\"\(names)\"}"
            return SafetensorsBytes.file(header: "{\(meta),\(entries.joined(separator: ","))}", data: data)
        }
        let config = String(decoding: try JSONEncoder().encode(TinyNetwork.config), as: UTF8.self)
        TemporaryCheckpoint.assertFails(withConfig("{\"zDim\": 4}"), "stylealign.config lacks the field")
        TemporaryCheckpoint.assertFails(withConfig("not json"), "stylealign.config is not a valid architecture")
        TemporaryCheckpoint.assertFails(withConfig(config.replacingOccurrences(of: "\"resolution\":4", with: "\"resolution\":3")),
                                        "stylealign.config: invalid architecture: resolution 3 is not a power of two")
        TemporaryCheckpoint.assertFails(withConfig(config, names: "rosinality"), "whose tensors use rosinality names")
        var missing = tiny.expected
        missing["synthesis.b4.const"] = nil
        TemporaryCheckpoint.assertFails(withConfig(config, missing), "safetensors file has no tensor synthesis.b4.const")
        var reshaped = tiny.expected
        reshaped["synthesis.b4.const"] = reshaped["synthesis.b4.const"]?.reshaped([64])
        TemporaryCheckpoint.assertFails(withConfig(config, reshaped), "safetensors tensor synthesis.b4.const has shape [64], the architecture needs [4, 4, 4]")
    }

    func testTimeLoadReportsEachRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-time-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tiny.safetensors").path
        try Data(SafetensorsNetwork.encode(config: TinyNetwork.config, parameters: TinyNetwork().expected, provenance: [])).write(to: URL(fileURLWithPath: path))
        let times = try SafetensorsNetwork.timeLoad(path: path, runs: 3)
        XCTAssertEqual(times.count, 3)
        XCTAssertTrue(times.allSatisfy { $0 > 0 && $0 < 10 })
        let pickle = dir.appendingPathComponent("tiny.pkl").path
        try Data(TinyNetwork().snapshotBytes).write(to: URL(fileURLWithPath: pickle))
        XCTAssertThrowsError(try SafetensorsNetwork.timeLoad(path: pickle, runs: 1)) {
            XCTAssertTrue("\($0)".hasSuffix("is not a safetensors file (it reads as: NVIDIA network pickle)"), "\($0)")
        }
    }
}
