import ArgumentParser
import FileFormats
import Foundation
import Semantics
import StyleGAN

/// Turns what follows `--control` into a `Control` defined on the parent network:
///   `6_501`               StyleSpace channel (layer_channel, torgb layers counted)
///   `pc3`                 W principal component 3 of the parent (GANSpace), alpha in its std
///   `dir.npy`, `d.npz[:key]`  a W direction of w_dim values, alpha multiplies it as stored
///   `smile`, `ffhq1024/smile`  a name from the named-controls table (data/controls.json)
/// `rows` limits W directions to those ws rows (a table entry may give its own).
struct ControlResolver {
    let parent: Generator
    let parentSource: String
    let statistics: StatisticsOptions
    let classIndex: Int?
    /// --controls, or nil for the shipped table.
    let tablePath: String?

    func resolve(_ spec: String, rows: Range<Int>?) throws -> Control {
        if let control = try direct(spec, rows: rows, relativeTo: nil) { return control }
        guard let path = tablePath ?? NamedControls.shippedTablePath() else {
            throw CLIError("unknown control '\(spec)': not a channel like 6_501, a principal component like pc0 or a .npy/.npz file, and no named-controls table was found (data/controls.json here or above the executable); give one with --controls FILE")
        }
        let table = try withFileContext(path) { try NamedControls.read(path: path) }
        guard let (family, entry) = try withFileContext(path, { try table.entry(spec, for: parent.config) }).map({ ($0.family, $0.entry) }) else {
            let names = table.families(for: parent.config).flatMap { $0.controls.map(\.name) }
            throw CLIError("unknown control '\(spec)': not a channel like 6_501, a principal component like pc0, a .npy/.npz file, or a name in \(path)" +
                           (names.isEmpty ? " (it has no names for this architecture)" : " (names for this network: \(names.joined(separator: ", ")))"))
        }
        let entryRows = try entry.rows.map { text -> Range<Int> in
            guard let r = RowRange(argument: text) else { throw CLIError("\(path): control \(entry.name) has rows '\(text)', not like 0-7") }
            return r.range
        }
        let directory = (path as NSString).deletingLastPathComponent
        guard var control = try direct(entry.control, rows: rows ?? entryRows, relativeTo: directory) else {
            throw CLIError("\(path): control \(family.family)/\(entry.name) is '\(entry.control)', which is not a channel, pcK or direction file")
        }
        control.name = "\(entry.name) (\(control.name))"
        return control
    }

    /// A channel, principal component or direction file; nil when `spec` is none of these.
    func direct(_ spec: String, rows: Range<Int>?, relativeTo directory: String?) throws -> Control? {
        if let channel = StyleChannel(spec) {
            if rows != nil { throw CLIError("--rows applies to W directions, not to the StyleSpace channel \(spec)") }
            do { _ = try parent.layout.layer(for: channel) } catch let e as EngineError { throw CLIError("\(parentSource): \(e.message)") }
            return Control(name: spec, kind: .channel(channel))
        }
        if spec.hasPrefix("pc"), let k = Int(spec.dropFirst(2)), k >= 0 {
            guard k < parent.config.wDim else { throw CLIError("\(spec): W has only \(parent.config.wDim) principal components") }
            let pca = try statistics.principalDirections(parent, keep: min(parent.config.wDim, max(k + 1, 16)),
                                                         classIndex: classIndex, source: parentSource)
            var control = try pca.control(k, rows: rows)
            control.name = spec
            return control
        }
        let (file, key) = Self.splitKey(spec)
        guard file.hasSuffix(".npy") || file.hasSuffix(".npz") else { return nil }
        let path = directory.map { file.hasPrefix("/") ? file : ($0 as NSString).appendingPathComponent(file) } ?? file
        let values = try withFileContext(path) { try Self.direction(path: path, key: key, wDim: parent.config.wDim) }
        return Control(name: (spec as NSString).lastPathComponent, kind: .direction(values, rows: rows))
    }

    /// `file.npz:key` -> ("file.npz", "key").
    static func splitKey(_ spec: String) -> (String, String?) {
        guard let colon = spec.range(of: ".npz:", options: .backwards) else { return (spec, nil) }
        return (String(spec[..<colon.lowerBound]) + ".npz", String(spec[colon.upperBound...]))
    }

    /// The w_dim values of a direction file: any shape holding exactly w_dim values ([512],
    /// [1, 512], [1, 1, 512]); an .npz must hold one array or be given its key.
    static func direction(path: String, key: String?, wDim: Int) throws -> [Float] {
        let array: NumpyArray
        if path.hasSuffix(".npz") {
            let arrays = try NumpyArchive.read(FileBytes.read(path))
            if let key {
                guard let a = arrays[key] else { throw CLIError("\(path): no array '\(key)' (found: \(arrays.keys.sorted().joined(separator: ", ")))") }
                array = a
            } else {
                guard arrays.count == 1, let a = arrays.values.first else {
                    throw CLIError("\(path): holds \(arrays.count) arrays (\(arrays.keys.sorted().joined(separator: ", "))); name one as \(path):KEY")
                }
                array = a
            }
        } else {
            array = try NumpyArray.decode(FileBytes.read(path))
        }
        guard array.values.count == wDim else {
            throw CLIError("\(path): a direction needs \(wDim) values (w_dim), this array has shape \(array.shape); per-row W+ directions are not supported, give one vector and --rows")
        }
        guard array.values.allSatisfy(\.isFinite) else { throw CLIError("\(path): the direction holds NaN or infinite values") }
        return array.values
    }
}

/// ws rows written `3` or `0-7` (inclusive), as a half-open range.
struct RowRange: ExpressibleByArgument {
    let range: Range<Int>

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let lo = Int(parts[0]), let hi = parts.count == 2 ? Int(parts[1]) : lo,
              lo >= 0, lo <= hi, hi < 10_000 else { return nil }
        range = lo..<(hi + 1)
    }

    static var defaultValueDescription: String { "rows like 0-7" }
}
