import Foundation
import FileFormats
import StyleGAN

/// The project's own fast format: a standard safetensors file holding every tensor of
/// `config.parameterSpecs` under its NVIDIA name as F32, with the architecture and where the
/// weights came from in `__metadata__`. Loading maps the file and copies each tensor once;
/// no pickle is parsed.
///
/// Metadata keys: `stylealign.config` (the `GeneratorConfig` as JSON), `stylealign.names`
/// (`nvidia`: the naming of the tensors), `stylealign.provenance` (a JSON list of
/// `[label, value]` pairs, shown by `inspect`), and `format` = `pt` as other tools expect.
public enum SafetensorsNetwork {
    static let configKey = "stylealign.config"
    static let namesKey = "stylealign.names"
    static let provenanceKey = "stylealign.provenance"

    /// The file's bytes. `provenance` is free text about the source, in display order.
    public static func encode(config: GeneratorConfig, parameters: [String: Tensor],
                              provenance: [(String, String)]) throws -> [UInt8] {
        do {
            try config.validate()
            try config.check(parameters: parameters)
        } catch let e as EngineError {
            throw ConversionError(e.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let configJSON = String(decoding: try encoder.encode(config), as: UTF8.self)
        let provenanceJSON = "[" + provenance.map {
            "[\(SafetensorsEncoder.jsonString($0.0)),\(SafetensorsEncoder.jsonString($0.1))]"
        }.joined(separator: ",") + "]"
        let tensors = try config.parameterSpecs.map { spec -> (name: String, tensor: Tensor) in
            guard let t = parameters[spec.name] else { throw ConversionError("missing tensor \(spec.name)") }
            return (spec.name, t)
        }
        return try SafetensorsEncoder.encode(tensors, metadata: [
            "format": "pt", configKey: configJSON, namesKey: "nvidia", provenanceKey: provenanceJSON,
        ])
    }

    /// Loads `path` `runs` times through `CheckpointLoader` (which maps the file and copies each
    /// tensor once) and returns the wall time of each load in seconds, for benchmarks.
    public static func timeLoad(path: String, runs: Int = 5) throws -> [Double] {
        var times: [Double] = []
        for _ in 0 ..< max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let network = try CheckpointLoader.load(path: path)
            let end = DispatchTime.now().uptimeNanoseconds
            guard network.format == .safetensors else {
                throw CheckpointError(path: path, message: "is not a safetensors file (it reads as: \(network.format.rawValue))")
            }
            times.append(Double(end - start) / 1e9)
        }
        return times
    }

    /// Reads a whole file that `CheckpointContainer` recognised as safetensors.
    static func read(_ bytes: UnsafeRawBufferPointer, networkKey: String?) throws -> NetworkContents {
        let header = try SafetensorsHeader(bytes)
        guard let configJSON = header.metadata[configKey] else {
            throw ReadFailure("is a safetensors file without stylealign's '\(configKey)' metadata, so its architecture is unknown (write one with `stylealign convert --to safetensors`)")
        }
        if let names = header.metadata[namesKey], names != "nvidia" {
            throw ReadFailure("is a safetensors file whose tensors use \(names.prefix(40)) names; only NVIDIA names are read")
        }
        guard networkKey == nil else {
            throw ReadFailure("is a safetensors file, which holds a single network: there is no '\(networkKey ?? "")' to choose")
        }
        let config = try decodeConfig(configJSON)
        var parameters: [String: Tensor] = [:]
        let entries = Dictionary(header.entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for spec in config.parameterSpecs {
            guard let entry = entries[spec.name] else { throw ReadFailure("safetensors file has no tensor \(spec.name)") }
            guard entry.shape == spec.shape else {
                throw ReadFailure("safetensors tensor \(spec.name) has shape \(entry.shape), the architecture needs \(spec.shape)")
            }
            parameters[spec.name] = try tensor(entry, in: bytes)
        }
        var details: [(String, String)] = [("container", "safetensors, \(header.entries.count) tensors")]
        if let text = header.metadata[provenanceKey] { details += try provenance(text) }
        return try NetworkContents(format: .safetensors, networkKey: nil, config: config,
                                   parameters: parameters, details: details).checked()
    }

    /// One tensor's values, copied once from the (mapped) file.
    static func tensor(_ entry: SafetensorsHeader.Entry, in bytes: UnsafeRawBufferPointer) throws -> Tensor {
        guard let dtype = entry.dtype.floatingPoint else {
            throw ReadFailure("safetensors tensor \(entry.name) holds \(entry.dtype.rawValue) values, not floating point")
        }
        let source = UnsafeRawBufferPointer(rebasing: bytes[entry.range])
        let values: [Float]
        if dtype == .float32 {
            // The data need not be 4-byte aligned in another writer's file, so copy bytes.
            values = [Float](unsafeUninitializedCapacity: entry.count) { out, initialized in
                UnsafeMutableRawBufferPointer(out).copyMemory(from: source)
                initialized = entry.count
            }
        } else {
            let view = try StridedView(offset: 0, shape: [entry.count], strides: [1])
            values = gatherFloats(from: source, dtype: dtype, view: view)
        }
        return Tensor(shape: entry.shape, data: values)
    }

    private static func decodeConfig(_ json: String) throws -> GeneratorConfig {
        let config: GeneratorConfig
        do {
            config = try JSONDecoder().decode(GeneratorConfig.self, from: Data(json.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ReadFailure("safetensors metadata \(configKey) lacks the field \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ReadFailure("safetensors metadata \(configKey) is not a valid architecture\(path.isEmpty ? "" : " (at \(path))")")
        } catch {
            throw ReadFailure("safetensors metadata \(configKey) is not a valid architecture")
        }
        do {
            try config.validate()
        } catch let e as EngineError {
            throw ReadFailure("safetensors metadata \(configKey): \(e.message)")
        }
        return config
    }

    private static func provenance(_ text: String) throws -> [(String, String)] {
        let json = try Array(text.utf8).withUnsafeBytes { try StrictJSONParser.parse($0) }
        guard case .array(let items) = json else { throw ReadFailure("safetensors metadata \(provenanceKey) is not a list") }
        return try items.map { item in
            guard case .array(let pair) = item, pair.count == 2, case .string(let label) = pair[0], case .string(let value) = pair[1] else {
                throw ReadFailure("safetensors metadata \(provenanceKey) holds something other than [label, value] pairs")
            }
            return (label, value)
        }
    }
}
