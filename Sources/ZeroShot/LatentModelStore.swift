import Foundation

/// A directory of saved latent models, one `<name>.json` each (default `data/models`), so a
/// model trained once on the parent can be applied to any child by name.
public struct LatentModelStore: Sendable {
    public static let defaultDirectory = "data/models"
    public let directory: String

    public init(directory: String = LatentModelStore.defaultDirectory) { self.directory = directory }

    /// Names are file-name safe: letters, digits, '.', '_' and '-', not starting with '.'.
    public static func validate(name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.count <= 120, !name.hasPrefix("."), name.allSatisfy({ allowed.contains($0) }) else {
            throw ZeroShotError("'\(name)' is not a usable model name: use letters, digits, '.', '_' and '-' (not starting with '.')")
        }
    }

    /// A model name made from an attribute and a space, e.g. `brightness-center-wplus-0-3`.
    public static func name(attribute: String, space: LatentSpace, task: LatentTask) -> String {
        let raw = "\(attribute)-\(space)" + (task == .regress ? "-regress" : "")
        return String(raw.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." ? $0 : "-" })
    }

    public func path(for name: String) -> String { (directory as NSString).appendingPathComponent(name + ".json") }

    /// Writes `<directory>/<model.name>.json` (atomically, creating the directory) and returns its path.
    @discardableResult
    public func save(_ model: LatentModel) throws -> String {
        try Self.validate(name: model.name)
        try model.validate()
        let target = path(for: model.name)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try ZeroShotJSON.encode(model).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch let error as ZeroShotError {
            throw error
        } catch {
            throw ZeroShotError("\(target): cannot write the model: \(error.localizedDescription)")
        }
        return target
    }

    /// Loads a model by name from the directory, or from a path when `reference` contains '/' or ends in `.json`.
    public func load(_ reference: String) throws -> LatentModel {
        let isPath = reference.contains("/") || reference.hasSuffix(".json")
        if !isPath { try Self.validate(name: reference) }
        let file = isPath ? reference : path(for: reference)
        guard let data = FileManager.default.contents(atPath: file) else {
            if isPath { throw ZeroShotError("\(file): no such model file") }
            let known = names()
            throw ZeroShotError("no model named '\(reference)' in \(directory)" +
                                (known.isEmpty ? "" : " (it has: \(known.joined(separator: ", ")))"))
        }
        do {
            let model = try ZeroShotJSON.decode(LatentModel.self, from: data)
            try model.validate()
            return model
        } catch let error as ZeroShotError {
            throw ZeroShotError("\(file): \(error.message)")
        }
    }

    /// The names of the models in the directory, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }
}
