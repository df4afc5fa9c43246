import FileFormats
import Foundation
import StyleGAN

/// Keeps StyleSpace statistics and W principal directions on disk, one JSON file per model and
/// sampling. The file name and the key inside it are the SHA-256 of everything the result
/// depends on: the bytes of the tensors involved (mapping, plus the affine layers for StyleSpace),
/// the mapping's shape settings and the sampling settings. A changed checkpoint or setting
/// gives a different key, so a stale entry is never used.
public struct StatisticsCache: Sendable {
    public enum Outcome: Equatable, Sendable {
        case loaded(path: String)
        case computedAndStored(path: String)
        /// Computed; storing failed (read-only folder, ...): the reason.
        case computedNotStored(String)
    }

    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// $XDG_CACHE_HOME/stylealign, or ~/.cache/stylealign.
    public static var defaultDirectory: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (base as NSString).appendingPathComponent("stylealign")
    }

    public func styleStatistics(_ g: Generator, sampling: LatentSampling) throws -> (StyleStatistics, Outcome) {
        let key = Self.key("style-statistics-v1", g, sampling: sampling, extra: "") { name in
            name.hasPrefix("mapping.") || name.contains(".affine.")
        }
        return try cached("style-statistics", key: key) { try StyleStatistics(generator: g, sampling: sampling) }
    }

    public func principalDirections(_ g: Generator, sampling: LatentSampling, keep: Int) throws -> (PrincipalDirections, Outcome) {
        let key = Self.key("w-principal-directions-v1", g, sampling: sampling, extra: "keep \(keep)") { $0.hasPrefix("mapping.") }
        return try cached("w-pca", key: key) { try PrincipalDirections(generator: g, sampling: sampling, keep: keep) }
    }

    private struct Entry<Value: Codable>: Codable {
        var key: String
        var value: Value
    }

    private func cached<Value: Codable>(_ stem: String, key: String, compute: () throws -> Value) throws -> (Value, Outcome) {
        let path = (directory as NSString).appendingPathComponent("\(stem)-\(key.prefix(24)).json")
        if let data = FileManager.default.contents(atPath: path),
           let entry = try? JSONDecoder().decode(Entry<Value>.self, from: data), entry.key == key {
            return (entry.value, .loaded(path: path))
        }
        let value = try compute()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(Entry(key: key, value: value))
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return (value, .computedAndStored(path: path))
        } catch {
            return (value, .computedNotStored("\(path): \(error.localizedDescription)"))
        }
    }

    /// SHA-256 hex of the kind, the settings and the tensors `include` selects (in NVIDIA order).
    static func key(_ kind: String, _ g: Generator, sampling: LatentSampling, extra: String,
                    include: (String) -> Bool) -> String {
        var hash = SHA256()
        let c = g.config
        hash.update("\(kind)|z \(c.zDim) w \(c.wDim) c \(c.cDim) ws \(c.numWs) lr \(c.mappingLrMultiplier)|")
        hash.update("samples \(sampling.samples) seed \(sampling.seed) psi \(sampling.truncation.psi) cutoff \(sampling.truncation.cutoff.map(String.init) ?? "all") class \(sampling.classIndex.map(String.init) ?? "none")|\(extra)|")
        for spec in c.parameterSpecs where include(spec.name) {
            guard let t = g.parameters[spec.name] else { continue }
            hash.update("\(spec.name)\(t.shape)")
            hash.update(floats: t.data)
        }
        return hash.finalizeHex()
    }
}
