import StyleGAN

/// A set of tensors of the child to put back to the parent's values, named for the report.
public struct ResetTarget: Equatable, Hashable, Sendable {
    /// Short identifier for file names and data, e.g. "convWeight", "b8", "synthesisConvs".
    public let id: String
    /// What a reader sees, e.g. "conv weights".
    public let title: String
    /// The tensors reset, under NVIDIA names, in NVIDIA order.
    public let names: [String]

    public init(id: String, title: String, names: [String]) {
        self.id = id
        self.title = title
        self.names = names
    }

    /// Every tensor of one component (the mapping component includes `mapping.w_avg`, so a
    /// mapping reset also moves the truncation centre back, as a state-dict copy does).
    public static func component(_ component: ParameterComponent, config: GeneratorConfig) -> ResetTarget {
        ResetTarget(id: component.rawValue, title: component.title,
                    names: config.parameterSpecs.filter { $0.component == component }.map(\.name))
    }

    /// The synthesis convolutions: the 3×3 feature-conv weights and biases and the 1×1 toRGB
    /// weights and biases (with the resnet skip convs) — every kernel that maps features, none of
    /// the style path.
    public static func synthesisConvs(config: GeneratorConfig) -> ResetTarget {
        ResetTarget(id: "synthesisConvs", title: "all synthesis convs",
                    names: config.parameterSpecs.filter { convComponents.contains($0.component) }.map(\.name))
    }

    /// The complement of `synthesisConvs`: mapping (with w_avg), every affine, noise strengths and
    /// buffers, and the const input. Resetting this keeps only the child's convolutions.
    public static func everythingButConvs(config: GeneratorConfig) -> ResetTarget {
        ResetTarget(id: "allButConvs", title: "everything but convs",
                    names: config.parameterSpecs.filter { !convComponents.contains($0.component) }.map(\.name))
    }

    /// Every affine (style) layer, of the convs and of the toRGB layers.
    public static func allAffines(config: GeneratorConfig) -> ResetTarget {
        ResetTarget(id: "affines", title: "all affines",
                    names: config.parameterSpecs.filter { $0.component == .affine || $0.component == .torgbAffine }.map(\.name))
    }

    /// Every tensor of one synthesis block (`synthesis.b<resolution>.*`).
    public static func block(_ resolution: Int, config: GeneratorConfig) -> ResetTarget {
        ResetTarget(id: "b\(resolution)", title: "block \(resolution)×\(resolution)",
                    names: config.parameterSpecs.filter { $0.resolution == resolution }.map(\.name))
    }

    /// Each component on its own, then all synthesis convs and everything but convs.
    public static func standard(config: GeneratorConfig) -> [ResetTarget] {
        let present = Set(config.parameterSpecs.map(\.component))
        return ParameterComponent.allCases.filter(present.contains).map { component($0, config: config) }
            + [synthesisConvs(config: config), everythingButConvs(config: config)]
    }

    static let convComponents: Set<ParameterComponent> = [.convWeight, .convBias, .torgbWeight]
}
