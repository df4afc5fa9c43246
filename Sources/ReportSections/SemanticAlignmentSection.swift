import Analysis
import Foundation
import Report
import Semantics
import StyleGAN

/// "Semantic alignment" (StyleAlign §4.2, §4.4): does a latent control of the parent do the
/// corresponding thing in the child? The same StyleSpace channel and W principal-direction edits
/// are applied to the same ws in both models and their effects on the image compared
/// (`Semantics.SemanticAlignment`; formulas in `ControlAlignment`).
public struct SemanticAlignmentSection: ReportSection {
    public let id = "semantics"
    public let title = "Semantic alignment"
    public let summary = "the same StyleSpace channel and W principal-direction edits in both models: effect magnitude, ratio, spatial agreement, forgotten controls"

    /// StyleSpace channels measured per conv layer (a seeded random subset when a layer has more).
    public static let channelsPerLayer = 8
    /// W principal components measured (all ws rows).
    public static let principalComponents = 8
    /// Channels (and components) shown as images in each grid.
    static let shownControls = 4
    /// Seeds shown in the image grids.
    static let shownSeeds = 2

    public init() {}

    struct Plan {
        let settings: AlignmentSettings
        let channels: [Control]
        let named: [String: String]            // channel -> name from the named-controls table
        let previewSize: Int
    }

    func plan(_ context: SectionContext) -> Plan {
        let g = context.parent.generator, s = context.settings
        let analysis = min(s.resolution ?? g.config.resolution, AlignmentSettings.defaultResolution(g.config))
        let settings = AlignmentSettings(seeds: s.seeds, truncation: s.truncation, noise: s.noise, noiseSeed: s.noiseSeed,
                                         classIndex: s.classIndex, analysisResolution: analysis, batchSize: s.batchSize)
        var channels = ChannelSample(perLayer: Self.channelsPerLayer).channels(of: g.layout)
        var named: [String: String] = [:]
        if let path = NamedControls.shippedTablePath(), let table = try? NamedControls.read(path: path) {
            for family in table.families(for: g.config) {
                for entry in family.controls where entry.rows == nil {
                    guard let c = StyleChannel(entry.control), (try? g.layout.layer(for: c)) != nil else { continue }
                    named["\(c)"] = entry.name
                    if !channels.contains(c) { channels.append(c) }
                }
            }
        }
        return Plan(settings: settings, channels: channels.map { Control(name: "\($0)", kind: .channel($0)) }, named: named,
                    previewSize: s.resolution ?? min(g.config.resolution, 128))
    }

    public func batchCount(_ context: SectionContext) -> Int {
        let p = plan(context)
        return p.settings.batches.count * (p.channels.count + Self.principalComponents)
    }

    public func make(_ context: SectionContext) throws -> SectionCells {
        let plan = plan(context)
        let g = context.parent.generator
        let cache = StatisticsCache(directory: StatisticsCache.defaultDirectory)
        let sampling = LatentSampling(samples: LatentSampling.styleStatistics.samples, seed: LatentSampling.styleStatistics.seed,
                                      truncation: LatentSampling.styleStatistics.truncation, classIndex: context.settings.classIndex)
        var directionSampling = LatentSampling.principalDirections
        directionSampling.classIndex = context.settings.classIndex
        let (statistics, statsOutcome) = try cache.styleStatistics(g, sampling: sampling)
        let (pca, pcaOutcome) = try cache.principalDirections(g, sampling: directionSampling,
                                                              keep: min(g.config.wDim, Self.principalComponents))
        let components = try (0..<pca.components.count).map { try pca.control($0) }
        let alignment = try SemanticAlignment(parent: g, child: context.child.generator, statistics: statistics, settings: plan.settings)
        let results = try alignment.measure(plan.channels + components, progress: context.progress)
        let channelResults = Array(results.prefix(plan.channels.count)), pcResults = Array(results.suffix(components.count))
        let criteria = AlignmentCriteria()
        let summary = AlignmentSummary(results: channelResults, layout: g.layout, criteria: criteria)
        let figures = SemanticAlignmentFigures(plan: plan, summary: summary, layout: g.layout, pca: pca, named: plan.named)

        let shownWs = try plan.settings.ws(ArraySlice(context.settings.seeds.prefix(Self.shownSeeds)), g)
        func grid(_ name: String, _ chosen: [ControlAlignment], _ caption: String) throws -> ReportCell? {
            guard !chosen.isEmpty else { return nil }
            let previews = try chosen.map { a in
                try ControlPreview(alignment, control: a.control, alphas: [-plan.settings.alpha(for: a.control), 0, plan.settings.alpha(for: a.control)],
                                   ws: shownWs, size: plan.previewSize)
            }
            return .figure(figures.editGrid(name: name, chosen, previews, seeds: Array(context.settings.seeds.prefix(Self.shownSeeds)), caption: caption))
        }

        var body: [ReportCell] = [.prose(introduction(plan, statistics: statistics, pca: pca, notes: [statsOutcome, pcaOutcome]))]
        body.append(.keyFigures(figures.keyFigures(pcResults)))
        body.append(.figure(figures.agreementHeatmap()))
        body.append(.figure(figures.ratioHeatmap()))
        body.append(.figure(figures.agreementHistogram()))
        body.append(.figure(figures.ratioHistogram()))
        body.append(.table(figures.layerTable()))
        body.append(.heading(level: 2, text: "Most aligned channels"))
        body.append(.table(figures.channelTable(name: "aligned-channels", summary.topAligned(10),
                                                caption: "The ten active, not forgotten channels with the highest agreement.")))
        if let cell = try grid("aligned-channels", summary.topAligned(Self.shownControls),
                               "The most aligned channels: each channel's edit in the parent (upper row) and the child (lower row)") {
            body.append(cell)
        }
        body.append(.heading(level: 2, text: "Forgotten channels"))
        let forgotten = summary.topForgotten(10)
        if forgotten.isEmpty {
            body.append(.prose("No active channel is forgotten: every channel that changes the parent's image by at least \(Self.level(criteria.activeMagnitude)) changes the child's by at least \(Int(criteria.forgottenRatio * 100)) % as much."))
        } else {
            body.append(.table(figures.channelTable(name: "forgotten-channels", forgotten,
                                                    caption: "Forgotten channels (child / parent magnitude below \(criteria.forgottenRatio)), lowest ratio first.")))
            if let cell = try grid("forgotten-channels", summary.topForgotten(Self.shownControls),
                                   "Forgotten channels: a visible edit in the parent (upper row) that the child (lower row) barely shows") {
                body.append(cell)
            }
        }
        let namedResults = channelResults.filter { plan.named[$0.control.name] != nil }
        if !namedResults.isEmpty {
            body.append(.heading(level: 2, text: "Named controls"))
            body.append(.table(figures.channelTable(name: "named-channels", namedResults,
                                                    caption: "Channels named in data/controls.json for this architecture.")))
        }
        body.append(.heading(level: 2, text: "W principal directions"))
        body.append(.table(figures.directionTable(pcResults)))
        if let cell = try grid("principal-directions", Array(pcResults.prefix(3)),
                               "The first W principal directions (all ws rows) in the parent (upper row) and the child (lower row)") {
            body.append(cell)
        }
        body.append(.prose(finding(summary, pcResults)))
        let appendix: [ReportCell] = [
            .heading(level: 2, text: "Every measured control"),
            .table(figures.channelTable(name: "all-controls", results, caption: "Every measured control, channels in layer order then W principal directions.")),
        ]
        return SectionCells(body: body, appendix: appendix)
    }

    static func level(_ magnitude: Double) -> String { String(format: "%.4f", magnitude) + " RMS (\(String(format: "%.1f", magnitude * 127.5)) 8-bit levels)" }

    func introduction(_ plan: Plan, statistics: StyleStatistics, pca: PrincipalDirections, notes: [StatisticsCache.Outcome]) -> String {
        let s = plan.settings, st = statistics.sampling
        let cached = notes.allSatisfy { if case .loaded = $0 { return true } else { return false } } ? " (both read from the cache)" : ""
        let failed = notes.compactMap { if case let .computedNotStored(reason) = $0 { return reason } else { return nil } }
        return """
        Each control is applied with the same strength to the same ws (the parent's mapping of seeds \(SeedText.format(s.seeds))) in the parent and in the child, and its effect is the change of the image it causes: E = clamp(edited) − clamp(unedited), values clamped to the displayed range [-1, 1], at \(s.analysisResolution) × \(s.analysisResolution) px (a channel of a later block is rendered to its own block and box-averaged down). Controls: StyleSpace channels s[l][c] += α·σ[l][c] with α = \(shortNumber(s.channelAlpha)) and σ the parent's channel std over \(st.samples) sampled ws (seed \(st.seed), ψ \(shortNumber(st.truncation.psi))\(st.truncation.cutoff.map { " on the first \($0) ws" } ?? "")); up to \(Self.channelsPerLayer) channels per conv layer (a fixed random subset) plus the named channels of data/controls.json; and the first \(pca.components.count) principal directions u_k of the parent's W (GANSpace, \(pca.sampling.samples) untruncated samples), w += α·√λ_k·u_k on every ws row with α = \(shortNumber(s.directionAlpha))\(cached).

        Per control: magnitude_m = mean over seeds of the RMS of E in model m; ratio = magnitude_child / magnitude_parent; agreement = mean over seeds of the correlation between the parent's and the child's per-pixel magnitude maps sqrt(Σ_rgb E²) (1: the edit changes the same places; 0: unrelated places); signed agreement = mean cosine between the two effect images (1: the same change, colour included). A control is active when its parent magnitude is at least \(Self.level(AlignmentCriteria().activeMagnitude)), and forgotten when it is active and its ratio is below \(AlignmentCriteria().forgottenRatio).\(failed.isEmpty ? "" : " (Statistics not cached: \(failed.joined(separator: "; ")).)")
        """
    }

    func finding(_ summary: AlignmentSummary, _ pcs: [ControlAlignment]) -> String {
        let active = summary.channels.filter(summary.criteria.isActive)
        guard !active.isEmpty else { return "No measured channel changes the parent's image visibly at this strength; nothing can be said about alignment." }
        let agreements = active.compactMap(\.agreement).sorted()
        let median = agreements.isEmpty ? Double.nan : agreements[agreements.count / 2]
        let best = summary.rows.filter { $0.meanAgreement != nil }.max { ($0.meanAgreement ?? 0) < ($1.meanAgreement ?? 0) }
        let worst = summary.rows.filter { $0.meanAgreement != nil }.min { ($0.meanAgreement ?? 0) < ($1.meanAgreement ?? 0) }
        var text = "Of \(summary.channels.count) measured channels, \(active.count) are active in the parent; \(summary.forgottenCount) of those (\(Cells.percentText(Double(summary.forgottenCount) / Double(active.count)))) are forgotten by the child. The median agreement of the active channels is \(String(format: "%.3f", median))"
        if let best, let worst, best.layer.index != worst.layer.index {
            text += "; by layer it ranges from \(String(format: "%.3f", worst.meanAgreement ?? 0)) (layer \(worst.layer.index), \(worst.layer.name)) to \(String(format: "%.3f", best.meanAgreement ?? 0)) (layer \(best.layer.index), \(best.layer.name))"
        }
        let pcAgreements = pcs.compactMap(\.agreement)
        if !pcAgreements.isEmpty {
            text += ". The first \(pcs.count) W principal directions agree \(String(format: "%.3f", pcAgreements.reduce(0, +) / Double(pcAgreements.count))) on average"
        }
        return text + ". Agreement near 1 means the child inherited the parent's control (the same places change); near 0, as between two independently trained networks, it did not."
    }
}

/// A number as short text: 10, 2.5, 0.7.
private func shortNumber(_ v: Float) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%g", Double(v)) }
