import StyleGAN

/// How far the truncation centre moved: `mapping.w_avg` of the child against the parent's.
/// A fine-tuned child keeps tracking the mean w of its own training, so this measures how far the
/// child's typical w drifted, in W units and relative to the parent's w_avg.
public struct WAvgShift: Equatable, Sendable {
    /// ‖w̄c − w̄p‖
    public let distance: Double
    /// ‖w̄p‖
    public let parentNorm: Double
    /// ‖w̄c‖
    public let childNorm: Double
    public let summary: ChangeSummary

    public init(parent: Tensor, child: Tensor) {
        summary = ChangeSummary(parent: parent.data, child: child.data)
        distance = summary.differenceNorm
        parentNorm = summary.parentNorm
        childNorm = summary.childNorm
    }

    public var relativeChange: Double? { summary.relativeChange }
    public var cosineSimilarity: Double? { summary.cosineSimilarity }
}
