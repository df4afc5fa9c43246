import StyleGAN

/// The weight-reset experiment (StyleAlign §4.1): the child rendered with one group of tensors
/// put back to the parent's values, for the same seeds as the parent and the child, and how far
/// each reset moves the images toward the parent.
///
/// Every network maps the seeds' z with its own mapping network and truncates toward its own
/// w_avg, so a mapping reset also changes the ws, exactly as resetting a state dict does.
public struct ResetExperiment: Sendable {
    public let settings: RenderSettings
    public let targets: [ResetTarget]

    public init(settings: RenderSettings, targets: [ResetTarget]) {
        self.settings = settings
        self.targets = targets
    }

    /// Forward passes `run` makes for this pair: the parent, the child and every target whose
    /// weights differ.
    public func batchCount(parent: Generator, child: Generator) -> Int {
        let changed = targets.filter { !ResetGenerator.isNoOp(parent: parent, child: child, target: $0) }.count
        return (2 + changed) * SeedRenderer(settings: settings).batchCount
    }

    public func run(parent: Generator, child: Generator, progress: ProgressHandler? = nil) throws -> ResetResults {
        try ModelComparison.checkAligned(parent: parent.config, child: child.config)
        let renderer = SeedRenderer(settings: settings)
        let total = batchCount(parent: parent, child: child)
        var done = 0
        let step = { done += 1; progress?(done, total) }
        let parentImages = try renderer.render(parent, step: step)
        let childImages = try renderer.render(child, step: step)
        let kept = { ImageThumbnails.shrink($0, maxSide: self.settings.keptImageSide) }
        var outcomes: [ResetOutcome] = []
        for target in targets {
            let unchanged = ResetGenerator.isNoOp(parent: parent, child: child, target: target)
            // A reset of identical tensors is the child itself: its images need no rendering.
            let images = unchanged
                ? childImages
                : try renderer.render(ResetGenerator.make(parent: parent, child: child, target: target), step: step)
            outcomes.append(ResetOutcome(target: target, weightsUnchanged: unchanged, images: kept(images),
                                         toChild: try ImageDistance(images, childImages),
                                         toParent: try ImageDistance(images, parentImages)))
        }
        return ResetResults(settings: settings, parentImages: kept(parentImages), childImages: kept(childImages),
                            childToParent: try ImageDistance(childImages, parentImages), outcomes: outcomes)
    }
}

/// One reset of the experiment.
public struct ResetOutcome: Sendable {
    public let target: ResetTarget
    /// The target's tensors are identical in parent and child, so the reset is the child.
    public let weightsUnchanged: Bool
    /// [N, C, r, r]: as rendered, shrunk to at most `settings.keptImageSide` (distances were
    /// measured before shrinking).
    public let images: Tensor
    public let toChild: ImageDistance
    public let toParent: ImageDistance

    /// Share of the child-to-parent pixel distance this reset removes: 1 − d(reset, parent) /
    /// d(child, parent). 1 = the reset renders the parent's images, 0 = no closer than the child,
    /// negative = further away. Nil when child and parent render identical images.
    public func gapClosed(childToParent: ImageDistance) -> Double? {
        childToParent.pixel > 0 ? 1 - toParent.pixel / childToParent.pixel : nil
    }
}

/// Everything the reset experiment found, for one pair and one set of render settings.
public struct ResetResults: Sendable {
    public let settings: RenderSettings
    /// [N, C, r, r], kept like `ResetOutcome.images`.
    public let parentImages: Tensor
    public let childImages: Tensor
    /// The reference distance: how different the child's images are from the parent's.
    public let childToParent: ImageDistance
    /// In the order of the experiment's targets.
    public let outcomes: [ResetOutcome]

    public func gapClosed(_ outcome: ResetOutcome) -> Double? { outcome.gapClosed(childToParent: childToParent) }

    /// The reset whose images are closest to the parent's (smallest pixel distance), if any.
    public var closestToParent: ResetOutcome? { outcomes.min { $0.toParent.pixel < $1.toParent.pixel } }

    /// The reset whose images moved least from the child's, if any.
    public var leastChange: ResetOutcome? { outcomes.min { $0.toChild.pixel < $1.toChild.pixel } }
}
