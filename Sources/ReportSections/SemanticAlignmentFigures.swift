import Foundation
import Report
import Semantics
import StyleGAN

/// The figures and tables of the semantic-alignment section, from its measured values.
struct SemanticAlignmentFigures {
    let plan: SemanticAlignmentSection.Plan
    let summary: AlignmentSummary
    let layout: StyleSpaceLayout
    let pca: PrincipalDirections
    let named: [String: String]

    var ranks: Int { summary.rows.map(\.ranked.count).max() ?? 0 }

    var layerLabels: [String] {
        summary.rows.map { "\($0.layer.index) \($0.layer.name.replacingOccurrences(of: "synthesis.", with: ""))" }
    }

    func label(_ a: ControlAlignment) -> String {
        guard let c = a.control.channel else { return a.control.name }
        let layer = layout.layers[c.layer].name.replacingOccurrences(of: "synthesis.", with: "")
        return named[a.control.name].map { "\(a.control.name) \($0)" } ?? "\(a.control.name) (\(layer))"
    }

    func keyFigures(_ pcs: [ControlAlignment]) -> [KeyFigure] {
        let active = summary.channels.filter(summary.criteria.isActive)
        let agreements = active.compactMap(\.agreement).sorted()
        let pcAgreements = pcs.compactMap(\.agreement)
        return [
            KeyFigure(label: "Channels measured", value: "\(summary.channels.count)", note: "\(active.count) active in the parent"),
            KeyFigure(label: "Forgotten", value: active.isEmpty ? "–" : Cells.percentText(Double(summary.forgottenCount) / Double(active.count)),
                      note: "\(summary.forgottenCount) of \(active.count) active channels, ratio < \(summary.criteria.forgottenRatio)"),
            KeyFigure(label: "Median agreement", value: agreements.isEmpty ? "–" : String(format: "%.3f", agreements[agreements.count / 2]),
                      note: "active channels, correlation of effect maps"),
            KeyFigure(label: "W directions", value: pcAgreements.isEmpty ? "–" : String(format: "%.3f", pcAgreements.reduce(0, +) / Double(pcAgreements.count)),
                      note: "mean agreement of the first \(pcs.count) principal directions"),
        ]
    }

    func agreementHeatmap() -> Figure {
        let values = summary.matrix(ranks: ranks) { summary.criteria.isActive($0) ? $0.agreement : nil }
        return Figure(name: "semantic-agreement-heatmap",
                      caption: "Spatial agreement of parent and child effects per StyleSpace channel. Rows: conv style layers (papers' numbering, torgb layers counted); columns: the layer's measured channels ranked by their effect in the parent (1 = strongest); colour: agreement, the correlation of the two per-pixel effect-magnitude maps averaged over \(plan.settings.seeds.count) seeds (1 = the same places change). Grey: not measured, inactive in the parent, or undefined.",
                      content: .heatmap(Heatmap(values: values, rowLabels: layerLabels, columnLabels: (1...max(1, ranks)).map(String.init),
                                                rowAxisTitle: "style layer", columnAxisTitle: "channel rank by parent effect",
                                                colorbarLabel: "agreement", colormap: .diverging(center: 0), range: -1...1)))
    }

    func ratioHeatmap() -> Figure {
        let values = summary.matrix(ranks: ranks) { a in
            summary.criteria.isActive(a) ? a.ratio.map { min(max(log2(max($0, 1e-9)), -6), 6) } : nil
        }
        return Figure(name: "semantic-ratio-heatmap",
                      caption: "How strongly the child shows each channel's edit. Rows and columns as in the agreement map; colour: log2(child magnitude / parent magnitude), clipped to ±6 (0: as strong as in the parent; \(String(format: "%.0f", log2(summary.criteria.forgottenRatio))) and below: forgotten). Grey: not measured or inactive in the parent.",
                      content: .heatmap(Heatmap(values: values, rowLabels: layerLabels, columnLabels: (1...max(1, ranks)).map(String.init),
                                                rowAxisTitle: "style layer", columnAxisTitle: "channel rank by parent effect",
                                                colorbarLabel: "log2 magnitude ratio", colormap: .diverging(center: 0))))
    }

    func agreementHistogram() -> Figure {
        let active = summary.channels.filter(summary.criteria.isActive)
        let (edges, counts) = AlignmentSummary.histogram(active.compactMap(\.agreement), bins: 20, range: -1...1)
        return Figure(name: "semantic-agreement-histogram",
                      caption: "Distribution of the agreement of the \(active.count) channels active in the parent (bins of 0.1).",
                      content: .histogram(Histogram(binEdges: edges, series: [.init(name: "channels", counts: counts)],
                                                    xLabel: "agreement (correlation of effect maps)", yLabel: "channels")))
    }

    func ratioHistogram() -> Figure {
        let active = summary.channels.filter(summary.criteria.isActive)
        let values = active.compactMap(\.ratio).map { log2(max($0, 1e-9)) }
        let (edges, counts) = AlignmentSummary.histogram(values, bins: 16, range: -6...2)
        return Figure(name: "semantic-ratio-histogram",
                      caption: "Distribution of log2(child / parent magnitude) of the active channels (bins of 0.5; values beyond the ends are counted in the end bins). Below \(String(format: "%.0f", log2(summary.criteria.forgottenRatio))): forgotten.",
                      content: .histogram(Histogram(binEdges: edges, series: [.init(name: "channels", counts: counts)],
                                                    xLabel: "log2 magnitude ratio (child / parent)", yLabel: "channels")))
    }

    func layerTable() -> Table {
        let rows: [[TableCell]] = summary.rows.map { row in
            let ratios = row.ranked.filter(summary.criteria.isActive).compactMap(\.ratio).sorted()
            return [.integer(row.layer.index), .text(row.layer.name.replacingOccurrences(of: "synthesis.", with: "")),
                    .integer(row.layer.resolution), .integer(row.ranked.count), .integer(row.activeCount), .integer(row.forgottenCount),
                    row.meanAgreement.map { .fixed($0, decimals: 3) } ?? .missing,
                    ratios.isEmpty ? .missing : .fixed(ratios[ratios.count / 2], decimals: 3)]
        }
        return Table(name: "semantic-layers",
                     caption: "Per style layer: channels measured, active in the parent, forgotten by the child, mean agreement of the active channels and their median child / parent magnitude ratio.",
                     columns: [TableColumn("Layer", alignment: .right), TableColumn("Name"), TableColumn("Block", alignment: .right, unit: "px"),
                               TableColumn("Measured", alignment: .right), TableColumn("Active", alignment: .right),
                               TableColumn("Forgotten", alignment: .right), TableColumn("Mean agreement", alignment: .right),
                               TableColumn("Median ratio", alignment: .right)],
                     rows: rows)
    }

    func channelTable(name: String, _ results: [ControlAlignment], caption: String) -> Table {
        let rows: [[TableCell]] = results.map { a in
            [.text(label(a)), Cells.distance(a.parentMagnitude), Cells.distance(a.childMagnitude),
             a.ratio.map { .fixed($0, decimals: 3) } ?? .missing, a.agreement.map { .fixed($0, decimals: 3) } ?? .missing,
             a.signedAgreement.map { .fixed($0, decimals: 3) } ?? .missing,
             .text(summary.criteria.isForgotten(a) ? "forgotten" : (summary.criteria.isActive(a) ? "active" : "inactive"))]
        }
        return Table(name: name,
                     caption: caption + " Parent, child: effect magnitude, the RMS image change in [-1, 1] units at \(plan.settings.analysisResolution) px, mean over \(plan.settings.seeds.count) seeds; ratio = child / parent; agreement: correlation of the per-pixel effect magnitudes; signed: cosine of the effect images.",
                     columns: [TableColumn("Control"), TableColumn("Parent", alignment: .right, unit: "RMS"),
                               TableColumn("Child", alignment: .right, unit: "RMS"), TableColumn("Ratio", alignment: .right),
                               TableColumn("Agreement", alignment: .right), TableColumn("Signed", alignment: .right),
                               TableColumn("Verdict")],
                     rows: rows)
    }

    func directionTable(_ pcs: [ControlAlignment]) -> Table {
        let rows: [[TableCell]] = pcs.enumerated().map { k, a in
            [.text(a.control.name), Cells.percent(pca.explainedVarianceRatio(k)), Cells.distance(a.parentMagnitude),
             Cells.distance(a.childMagnitude), a.ratio.map { .fixed($0, decimals: 3) } ?? .missing,
             a.agreement.map { .fixed($0, decimals: 3) } ?? .missing, a.signedAgreement.map { .fixed($0, decimals: 3) } ?? .missing]
        }
        return Table(name: "semantic-directions",
                     caption: "W principal directions of the parent (GANSpace), each applied as w += \(Self.short(plan.settings.directionAlpha))·√λ_k·u_k to every ws row of both models: share of W's variance, effect magnitudes (RMS), ratio and agreements as for channels.",
                     columns: [TableColumn("Direction"), TableColumn("Variance", alignment: .right, unit: "%"),
                               TableColumn("Parent", alignment: .right, unit: "RMS"), TableColumn("Child", alignment: .right, unit: "RMS"),
                               TableColumn("Ratio", alignment: .right), TableColumn("Agreement", alignment: .right),
                               TableColumn("Signed", alignment: .right)],
                     rows: rows)
    }

    /// Rows: parent then child for each control; columns: −α, 0, +α for each shown seed.
    func editGrid(name: String, _ chosen: [ControlAlignment], _ previews: [ControlPreview], seeds: [UInt32], caption: String) -> Figure {
        var images: [[RGBImage]] = [], rowLabels: [String] = []
        for (a, preview) in zip(chosen, previews) {
            for (m, role) in ["parent", "child"].enumerated() {
                var row: [RGBImage] = []
                for s in 0..<seeds.count { for tensor in preview.images[m] { row.append(RGBImages.of(tensor)[s]) } }
                images.append(row)
                rowLabels.append("\(a.control.name) \(role)")
            }
        }
        let alpha = chosen.first.map { plan.settings.alpha(for: $0.control) } ?? 0
        let columns = seeds.flatMap { seed in ["−\(Self.short(alpha))", "seed \(seed)", "+\(Self.short(alpha))"] }
        return Figure(name: name,
                      caption: "\(caption). Columns: for each seed, the edit at −α, the unedited image and +α (α = \(Self.short(alpha))\(chosen.first?.control.channel != nil ? " channel std" : " std of W along the direction")), \(plan.previewSize) × \(plan.previewSize) px.",
                      content: .imageGrid(ImageGrid(images: images, rowLabels: rowLabels, columnLabels: columns,
                                                    rowAxisTitle: "control, model", columnAxisTitle: "edit strength")))
    }

    static func short(_ v: Float) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%g", Double(v)) }
}
