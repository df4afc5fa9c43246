import Analysis
import Foundation
import StyleGAN

/// Sentences that state what the weight-change numbers show for the pair at hand.
enum WeightChangeText {
    /// Where most of the change went (share of Σ‖Δ‖², what moves the network), which component
    /// moved most relative to its own size (often a small group such as noise strengths), the
    /// block that changed most, and what did not change at all.
    static func finding(_ changes: WeightChanges) -> String {
        let total = changes.total.differenceSquaredNorm
        guard total > 0 else { return "No tensor changed: the child's weights are the parent's." }
        var sentences: [String] = []
        let byShare = changes.components.sorted { $0.summary.differenceSquaredNorm > $1.summary.differenceSquaredNorm }
        if let most = byShare.first {
            var text = "Most of the change is in the \(most.component.title): \(Cells.percentText(most.summary.differenceSquaredNorm / total)) of the network's total squared change Σ‖Δ‖² (a relative change of \(Cells.percentText(most.summary.relativeChange)))"
            if byShare.count > 1, byShare[1].summary.differenceSquaredNorm > 0 {
                text += ", followed by the \(byShare[1].component.title) (\(Cells.percentText(byShare[1].summary.differenceSquaredNorm / total)))"
            }
            sentences.append(text + ".")
        }
        let byRelative = changes.components
            .compactMap { c in c.summary.relativeChange.map { (c.component, $0, c.summary) } }
            .sorted { $0.1 > $1.1 }
        if let top = byRelative.first, top.0 != byShare.first?.component {
            sentences.append("Relative to its own size the \(top.0.title) moved most (\(Cells.percentText(top.1)); \(top.2.valueCount) values, \(Cells.percentText(top.2.differenceSquaredNorm / total)) of Σ‖Δ‖²).")
        }
        if let least = byRelative.last(where: { $0.1 > 0 }), least.0 != byRelative.first?.0 {
            sentences.append("The \(least.0.title) changed least (\(Cells.percentText(least.1))).")
        }
        if let block = changes.resolutions.max(by: { ($0.summary.relativeChange ?? 0) < ($1.summary.relativeChange ?? 0) }),
           let r = block.summary.relativeChange, r > 0 {
            sentences.append("Of the synthesis blocks, \(block.resolution) × \(block.resolution) changed most (\(Cells.percentText(r)) relative change).")
        }
        let unchanged = changes.components.filter { $0.summary.isUnchanged }.map { $0.component.title }
        if !unchanged.isEmpty {
            sentences.append("Bit-identical in both networks: \(Cells.list(unchanged)).")
        }
        return sentences.joined(separator: " ")
    }

    static func wAvg(_ shift: WAvgShift) -> String {
        if shift.distance == 0 { return "w_avg, the truncation centre, is identical in both networks." }
        return "w_avg, the truncation centre each network keeps as the running mean of its w, moved by ‖Δw_avg‖ = \(Cells.distanceText(shift.distance)) (\(Cells.percentText(shift.relativeChange)) of the parent's ‖w_avg‖ = \(Cells.distanceText(shift.parentNorm)); cosine similarity \(shift.cosineSimilarity.map { String(format: "%.6f", $0) } ?? "undefined")). Truncated images of each network are pulled toward its own w_avg."
    }
}
