import StyleGAN

/// Per-layer and overall summaries of channel alignments, as plain numbers for the report.
public struct AlignmentSummary: Sendable {
    /// One analysed style layer.
    public struct LayerRow: Sendable {
        public var layer: StyleLayer
        /// The layer's channel results, ordered by decreasing parent magnitude (rank 1 first).
        public var ranked: [ControlAlignment]
        public var activeCount: Int
        public var forgottenCount: Int
        /// Mean agreement over the layer's active channels with a defined agreement.
        public var meanAgreement: Double?
    }

    public let criteria: AlignmentCriteria
    public let rows: [LayerRow]
    /// Channel results of every layer (W directions are summarised separately by the caller).
    public let channels: [ControlAlignment]

    public init(results: [ControlAlignment], layout: StyleSpaceLayout, criteria: AlignmentCriteria) {
        self.criteria = criteria
        channels = results.filter { $0.control.channel != nil }
        let byLayer = Dictionary(grouping: channels) { $0.control.channel?.layer ?? -1 }
        rows = layout.layers.compactMap { layer in
            guard let members = byLayer[layer.index] else { return nil }
            let ranked = members.sorted { $0.parentMagnitude > $1.parentMagnitude }
            let active = ranked.filter(criteria.isActive)
            let agreements = active.compactMap(\.agreement)
            return LayerRow(layer: layer, ranked: ranked, activeCount: active.count,
                            forgottenCount: active.filter(criteria.isForgotten).count,
                            meanAgreement: agreements.isEmpty ? nil : agreements.reduce(0, +) / Double(agreements.count))
        }
    }

    /// rows × ranks: value(result) of the channel of each rank (NaN past the layer's count or
    /// where the value is undefined).
    public func matrix(ranks: Int, _ value: (ControlAlignment) -> Double?) -> [[Double]] {
        rows.map { row in (0..<ranks).map { r in r < row.ranked.count ? value(row.ranked[r]) ?? .nan : .nan } }
    }

    /// The active, not forgotten channels with the highest agreement.
    public func topAligned(_ n: Int) -> [ControlAlignment] {
        Array(channels.filter { criteria.isActive($0) && !criteria.isForgotten($0) && $0.agreement != nil }
            .sorted { ($0.agreement ?? 0) > ($1.agreement ?? 0) }.prefix(n))
    }

    /// The forgotten channels with the lowest child / parent ratio.
    public func topForgotten(_ n: Int) -> [ControlAlignment] {
        Array(channels.filter(criteria.isForgotten).sorted { ($0.ratio ?? 0) < ($1.ratio ?? 0) }.prefix(n))
    }

    public var activeCount: Int { channels.filter(criteria.isActive).count }
    public var forgottenCount: Int { channels.filter(criteria.isForgotten).count }

    /// Counts of `values` in equal bins over `range` (values outside are put in the end bins).
    public static func histogram(_ values: [Double], bins: Int, range: ClosedRange<Double>) -> (edges: [Double], counts: [Double]) {
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        let edges = (0...bins).map { range.lowerBound + Double($0) * width }
        var counts = [Double](repeating: 0, count: bins)
        for v in values where v.isFinite {
            counts[min(bins - 1, max(0, Int(((v - range.lowerBound) / width).rounded(.down))))] += 1
        }
        return (edges, counts)
    }
}
