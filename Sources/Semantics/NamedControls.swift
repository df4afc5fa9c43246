import Foundation
import StyleGAN

/// A table of named controls for known model families (data/controls.json), so that
/// "smile = 6_501 in FFHQ 1024" can be shipped and extended by users.
///
/// A control string is what `--control` accepts: `layer_channel` (a StyleSpace channel in the
/// papers' numbering, counting torgb layers), `pc<k>` (principal component k of the model's W),
/// or a `.npy` / `.npz` direction file (relative paths are relative to the table's file).
/// `rows` optionally limits a W direction to ws rows, written like `0-7` or `3`.
public struct NamedControls: Codable, Equatable, Sendable {
    public struct Family: Codable, Equatable, Sendable {
        public var family: String
        public var description: String
        /// Where the names come from.
        public var source: String
        public var architecture: Architecture
        public var controls: [Entry]
    }

    /// What a network must look like for the family's channel numbers to mean anything.
    public struct Architecture: Codable, Equatable, Sendable {
        public var resolution: Int
        public var styleLayers: Int
        public var styleChannels: Int

        public func matches(_ config: GeneratorConfig) -> Bool {
            let layout = StyleSpaceLayout(config: config)
            return config.resolution == resolution && layout.layers.count == styleLayers && layout.totalDimension == styleChannels
        }
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var name: String
        public var control: String
        public var rows: String?
        public var note: String?
    }

    public var about: String
    public var families: [Family]

    public static func read(path: String) throws -> NamedControls {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EngineError("\(path): cannot read the named-controls table")
        }
        do { return try JSONDecoder().decode(NamedControls.self, from: data) } catch let DecodingError.keyNotFound(key, context) {
            throw EngineError("\(path): missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw EngineError("\(path): not a valid named-controls table (\(error.localizedDescription))")
        }
    }

    /// data/controls.json of this checkout: in the current folder, or above the executable (which
    /// lives in .build*/<triple>/<configuration>/); nil when neither has it.
    public static func shippedTablePath() -> String? {
        let relative = "data/controls.json"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The families whose architecture is that of `config`.
    public func families(for config: GeneratorConfig) -> [Family] {
        families.filter { $0.architecture.matches(config) }
    }

    /// The entry called `name` (or `family/name`) among the families that fit `config`.
    public func entry(_ name: String, for config: GeneratorConfig) throws -> (family: Family, entry: Entry)? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        let familyName = parts.count == 2 ? parts[0] : nil, controlName = parts.last ?? name
        let found = families.filter { familyName == nil || $0.family == familyName }.compactMap { family in
            family.controls.first { $0.name == controlName }.map { (family: family, entry: $0) }
        }
        if let hit = found.first(where: { $0.family.architecture.matches(config) }) {
            return hit
        }
        if let other = found.first?.family {
            throw EngineError("control \(name) is defined for \(other.family) (\(other.architecture.resolution) px, \(other.architecture.styleLayers) style layers, \(other.architecture.styleChannels) channels), not for this \(config.resolution) px network")
        }
        return nil
    }
}
