import StyleGAN

/// Where fine-tuning changed the weights: every tensor, summarised per component, per block
/// resolution and per (resolution, component), plus the shift of w_avg.
/// Group summaries treat the group as one concatenated vector (see `ChangeSummary`).
public struct WeightChanges: Sendable {
    /// One per tensor of the architecture, in NVIDIA order.
    public let tensors: [TensorChange]
    /// One per component present in the architecture, in `ParameterComponent` order.
    public let components: [ComponentChange]
    /// One per synthesis block resolution, ascending (the mapping network has no resolution and
    /// is only in `components`).
    public let resolutions: [ResolutionChange]
    /// All tensors together.
    public let total: ChangeSummary
    public let wAvg: WAvgShift

    public struct ComponentChange: Equatable, Sendable {
        public let component: ParameterComponent
        public let summary: ChangeSummary
    }

    public struct ResolutionChange: Equatable, Sendable {
        public let resolution: Int
        /// The whole block.
        public let summary: ChangeSummary
        /// The block's tensors of each component it has, in `ParameterComponent` order.
        public let components: [ComponentChange]

        public func summary(of component: ParameterComponent) -> ChangeSummary? {
            components.first { $0.component == component }?.summary
        }
    }

    /// The pair must be aligned (`ModelComparison.checkAligned`).
    public init(parent: Generator, child: Generator) throws {
        try ModelComparison.checkAligned(parent: parent.config, child: child.config)
        var tensors: [TensorChange] = []
        for spec in parent.config.parameterSpecs {
            guard let p = parent.parameters[spec.name], let c = child.parameters[spec.name] else {
                throw AlignmentError("tensor \(spec.name) is missing")
            }
            tensors.append(TensorChange(spec: spec, parent: p, child: c))
        }
        self.tensors = tensors
        total = tensors.reduce(ChangeSummary()) { $0 + $1.summary }
        components = Self.byComponent(tensors)
        let blockResolutions = parent.config.blockResolutions
        resolutions = blockResolutions.map { r in
            let inBlock = tensors.filter { $0.resolution == r }
            return ResolutionChange(resolution: r, summary: inBlock.reduce(ChangeSummary()) { $0 + $1.summary },
                                    components: Self.byComponent(inBlock))
        }
        guard let pAvg = parent.parameters["mapping.w_avg"], let cAvg = child.parameters["mapping.w_avg"] else {
            throw AlignmentError("mapping.w_avg is missing")
        }
        wAvg = WAvgShift(parent: pAvg, child: cAvg)
    }

    public func summary(of component: ParameterComponent) -> ChangeSummary? {
        components.first { $0.component == component }?.summary
    }

    static func byComponent(_ tensors: [TensorChange]) -> [ComponentChange] {
        ParameterComponent.allCases.compactMap { component in
            let members = tensors.filter { $0.component == component }
            guard !members.isEmpty else { return nil }
            return ComponentChange(component: component, summary: members.reduce(ChangeSummary()) { $0 + $1.summary })
        }
    }
}
