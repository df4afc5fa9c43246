import Analysis
import Foundation
import StyleGAN

/// Sentences that state what the weight-change numbers show for the pair at hand.
enum WeightChangeText {
    static func finding(_ changes: WeightChanges) -> String {
        let ranked = changes.components
            .compactMap { c in c.summary.relativeChange.map { (c.component, $0, c.summary) } }
            .sorted { $0.1 > $1.1 }
        guard let top = ranked.first, top.1 > 0 else {
            return "No tensor changed: the child's weights are the parent's."
        }
        let unchanged = changes.components.filter { $0.summary.isUnchanged }.map { $0.component.title }
        var text = "The \(top.0.title) changed most (\(Cells.percentText(top.1)) relative change)"
        let changed = ranked.filter { $0.1 > 0 }
        if let least = changed.last, least.0 != top.0 {
            text += "; the \(least.0.title) changed least among the changed components (\(Cells.percentText(least.1)))"
        }
        text += "."
        let total = changes.total.differenceSquaredNorm
        if total > 0 {
            let share = top.2.differenceSquaredNorm / total
            text += " That is \(Cells.percentText(share)) of the network's total squared change Σ‖Δ‖²."
        }
        if let block = changes.resolutions.max(by: { ($0.summary.relativeChange ?? 0) < ($1.summary.relativeChange ?? 0) }),
           let r = block.summary.relativeChange, r > 0 {
            text += " Of the synthesis blocks, \(block.resolution) × \(block.resolution) changed most (\(Cells.percentText(r)))."
        }
        if !unchanged.isEmpty {
            text += " Unchanged (bit-identical): \(Cells.list(unchanged))."
        }
        return text
    }

    static func wAvg(_ shift: WAvgShift) -> String {
        if shift.distance == 0 { return "w_avg, the truncation centre, is identical in both networks." }
        return "w_avg, the truncation centre each network keeps as the running mean of its w, moved by ‖Δw_avg‖ = \(Cells.distanceText(shift.distance)) (\(Cells.percentText(shift.relativeChange)) of the parent's ‖w_avg‖ = \(Cells.distanceText(shift.parentNorm)); cosine similarity \(shift.cosineSimilarity.map { String(format: "%.6f", $0) } ?? "undefined")). Truncated images of each network are pulled toward its own w_avg."
    }
}
