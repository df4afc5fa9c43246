import StyleGAN

/// The two architectures side by side, and whether the pair can be analysed at all.
///
/// A pair is aligned when both networks have the same tensors under the same NVIDIA names with
/// the same shapes and the same synthesis architecture: then every tensor of the child has a
/// counterpart in the parent, which the weight-change and reset analyses need. Settings that do
/// not change any shape (conv clamp, mapping lr multiplier, fp16 blocks) may differ; they are
/// listed in `behaviourDifferences` and the resets run with the child's settings.
public struct ModelComparison: Sendable {
    public let rows: [ArchitectureRow]
    /// Tensor names whose values are bit-identical in both networks, in NVIDIA order.
    public let identicalTensors: [String]
    public let tensorCount: Int
    /// Properties that differ without changing any tensor shape.
    public let behaviourDifferences: [String]

    /// True when every tensor of the child equals the parent's: the "child" is the parent.
    public var weightsIdentical: Bool { identicalTensors.count == tensorCount }

    /// Throws `AlignmentError` naming what differs when the pair is not aligned.
    public init(parent: Generator, child: Generator) throws {
        try Self.checkAligned(parent: parent.config, child: child.config)
        let p = ArchitectureRow.describe(parent), c = ArchitectureRow.describe(child)
        rows = zip(p, c).map { ArchitectureRow(property: $0.0, parent: $0.1, child: $1.1) }
        let specs = parent.config.parameterSpecs
        tensorCount = specs.count
        identicalTensors = specs.map(\.name).filter { name in
            parent.parameters[name]?.data == child.parameters[name]?.data
        }
        var notes: [String] = []
        let a = parent.config, b = child.config
        if a.convClamp != b.convClamp {
            notes.append("conv_clamp \(a.convClamp.map { "\($0)" } ?? "none") vs \(b.convClamp.map { "\($0)" } ?? "none")")
        }
        if a.mappingLrMultiplier != b.mappingLrMultiplier {
            notes.append("mapping lr multiplier \(a.mappingLrMultiplier) vs \(b.mappingLrMultiplier)")
        }
        if a.numFP16Res != b.numFP16Res { notes.append("fp16 blocks \(a.numFP16Res) vs \(b.numFP16Res)") }
        behaviourDifferences = notes
    }

    /// Same synthesis architecture and the same tensor names and shapes; the error names the
    /// first differences (at most three) so a user sees at once why the pair is refused.
    public static func checkAligned(parent: GeneratorConfig, child: GeneratorConfig) throws {
        var problems: [String] = []
        if parent.resolution != child.resolution {
            problems.append("resolution \(parent.resolution) (parent) vs \(child.resolution) (child)")
        }
        if parent.architecture != child.architecture {
            problems.append("synthesis architecture \(parent.architecture.rawValue) (parent) vs \(child.architecture.rawValue) (child)")
        }
        if parent.zDim != child.zDim || parent.wDim != child.wDim || parent.cDim != child.cDim {
            problems.append("z/w/c dims \(parent.zDim)/\(parent.wDim)/\(parent.cDim) (parent) vs \(child.zDim)/\(child.wDim)/\(child.cDim) (child)")
        }
        if problems.isEmpty {
            let p = parent.parameterSpecs, c = child.parameterSpecs
            let childByName = Dictionary(c.map { ($0.name, $0.shape) }, uniquingKeysWith: { a, _ in a })
            let parentNames = Set(p.map(\.name))
            for spec in p {
                guard let shape = childByName[spec.name] else {
                    problems.append("\(spec.name) exists only in the parent")
                    continue
                }
                if shape != spec.shape { problems.append("\(spec.name) has shape \(spec.shape) in the parent, \(shape) in the child") }
            }
            for spec in c where !parentNames.contains(spec.name) {
                problems.append("\(spec.name) exists only in the child")
            }
        }
        guard problems.isEmpty else {
            let shown = problems.prefix(3).joined(separator: "; ")
            let more = problems.count > 3 ? " (and \(problems.count - 3) more differences)" : ""
            throw AlignmentError("not aligned: \(shown)\(more)")
        }
    }
}
