import StyleGAN

/// How one parameter tensor changed from parent to child, under its NVIDIA name.
public struct TensorChange: Equatable, Sendable {
    public let name: String
    public let shape: [Int]
    public let component: ParameterComponent
    /// Block resolution, nil for the mapping network.
    public let resolution: Int?
    public let summary: ChangeSummary

    public init(spec: ParameterSpec, parent: Tensor, child: Tensor) {
        name = spec.name
        shape = spec.shape
        component = spec.component
        resolution = spec.resolution
        summary = ChangeSummary(parent: parent.data, child: child.data)
    }

    public var relativeChange: Double? { summary.relativeChange }
    public var cosineSimilarity: Double? { summary.cosineSimilarity }
}
