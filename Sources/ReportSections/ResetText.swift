import Analysis
import StyleGAN

/// The sentences under the reset table: what the distances show for the pair at hand.
enum ResetText {
    /// A reset "changes little" when it moves the images by less than this share of the
    /// child–parent distance.
    static let smallShare = 0.1
    /// A reset "moves the child back" when it closes more than this share of the gap.
    static let largeShare = 0.5

    static func finding(_ results: ResetResults) -> String {
        let d = results.childToParent.pixel
        guard d > 0 else {
            return "The parent and the child render identical images for these seeds, so no reset can move the child toward the parent."
        }
        var sentences: [String] = []
        let changed = results.outcomes.filter { !$0.weightsUnchanged }
        if let closest = changed.min(by: { $0.toParent.pixel < $1.toParent.pixel }) {
            sentences.append("Resetting \(phrase(closest.target)) moves the child closest to the parent: the mean pixel distance to the parent falls from \(Cells.distanceText(d)) (the child) to \(Cells.distanceText(closest.toParent.pixel)), \(Cells.percentText(results.gapClosed(closest))) of the gap closed.")
        }
        let single = changed.filter { ParameterComponent(rawValue: $0.target.id) != nil }
        if let best = single.min(by: { $0.toParent.pixel < $1.toParent.pixel }),
           best.target != changed.min(by: { $0.toParent.pixel < $1.toParent.pixel })?.target {
            sentences.append("Of the single components, the \(best.target.title) reset closes most of the gap (\(Cells.percentText(results.gapClosed(best)))).")
        }
        let small = single.filter { $0.toChild.pixel < smallShare * d }
        if !small.isEmpty {
            let largest = small.map(\.toChild.pixel).max() ?? 0
            sentences.append("Resetting \(Cells.list(small.map { phrase($0.target) })) leaves the child's images almost as they are (distance to the child at most \(Cells.distanceText(largest)), under \(Int(smallShare * 100)) % of the child–parent distance), so little of the change is stored there.")
        }
        let unchanged = results.outcomes.filter(\.weightsUnchanged).map { phrase($0.target) }
        if !unchanged.isEmpty {
            sentences.append("Resetting \(Cells.list(unchanged)) changes nothing: those tensors are identical in both networks.")
        }
        sentences.append(paperComparison(results, single: single))
        if let byStructure = changed.min(by: { $0.toParent.structure < $1.toParent.structure }),
           let byPixel = changed.min(by: { $0.toParent.pixel < $1.toParent.pixel }), byStructure.target != byPixel.target {
            sentences.append("The 8 × 8 structure distance ranks differently: by layout and colour, resetting \(phrase(byStructure.target)) comes closest to the parent (\(Cells.distanceText(byStructure.toParent.structure)) against \(Cells.distanceText(results.childToParent.structure)) for the child).")
        }
        return sentences.joined(separator: " ")
    }

    /// "the conv weights" for a component, "all synthesis convs" for a combined group.
    static func phrase(_ target: ResetTarget) -> String {
        ParameterComponent(rawValue: target.id) != nil ? "the \(target.title)" : target.title
    }

    /// Whether the pair shows the StyleAlign paper's finding: the feature convolutions carry the
    /// change, the mapping and affine layers little of it.
    static func paperComparison(_ results: ResetResults, single: [ResetOutcome]) -> String {
        func outcome(_ c: ParameterComponent) -> ResetOutcome? { single.first { $0.target.id == c.rawValue } }
        let convClosed = outcome(.convWeight).flatMap(results.gapClosed) ?? 0
        let styleMoves = [ParameterComponent.mapping, .affine].compactMap(outcome)
            .filter { (results.gapClosed($0) ?? 0) > largeShare }.map { phrase($0.target) }
        if convClosed > largeShare && styleMoves.isEmpty {
            return "This is the pattern the StyleAlign paper reports for real pairs: the feature convolutions carry the change from parent to child, while the mapping network and the affine (style) layers stay close to the parent's."
        }
        if !styleMoves.isEmpty {
            return "Unlike the paper's finding for close domains, resetting \(Cells.list(styleMoves)) moves the child most of the way back, so W or StyleSpace may be less aligned for this pair."
        }
        return "No single component carries most of the change for this pair (the conv-weight reset closes \(Cells.percentText(convClosed)) of the gap); the change is spread over several components."
    }
}
