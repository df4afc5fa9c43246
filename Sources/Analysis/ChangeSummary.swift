/// Norms of a group of tensors in the parent and the child, accumulated in Double so that groups
/// of any size can be combined: a group is summarised as if its tensors were one concatenated
/// vector, θ = concat(θ_i). Then
///   relative change = ‖θc − θp‖ / ‖θp‖ = sqrt(Σ‖Δ_i‖²) / sqrt(Σ‖θp_i‖²)
///   cosine similarity = ⟨θp, θc⟩ / (‖θp‖ ‖θc‖) = Σ⟨θp_i, θc_i⟩ / sqrt(Σ‖θp_i‖² · Σ‖θc_i‖²)
/// so a group's change is dominated by its largest tensors, as it is for the network.
public struct ChangeSummary: Equatable, Sendable {
    public var tensorCount = 0
    public var valueCount = 0
    /// Σ‖θp‖²
    public var parentSquaredNorm: Double = 0
    /// Σ‖θc‖²
    public var childSquaredNorm: Double = 0
    /// Σ‖θc − θp‖²
    public var differenceSquaredNorm: Double = 0
    /// Σ⟨θp, θc⟩
    public var dot: Double = 0

    public init() {}

    /// One tensor, flattened: parent and child of equal length.
    public init(parent: [Float], child: [Float]) {
        tensorCount = 1
        valueCount = parent.count
        var pp: Double = 0, cc: Double = 0, dd: Double = 0, pc: Double = 0
        for i in 0..<min(parent.count, child.count) {
            let p = Double(parent[i]), c = Double(child[i]), d = c - p
            pp += p * p; cc += c * c; dd += d * d; pc += p * c
        }
        parentSquaredNorm = pp; childSquaredNorm = cc; differenceSquaredNorm = dd; dot = pc
    }

    public static func + (a: ChangeSummary, b: ChangeSummary) -> ChangeSummary {
        var s = a
        s.tensorCount += b.tensorCount
        s.valueCount += b.valueCount
        s.parentSquaredNorm += b.parentSquaredNorm
        s.childSquaredNorm += b.childSquaredNorm
        s.differenceSquaredNorm += b.differenceSquaredNorm
        s.dot += b.dot
        return s
    }

    public var parentNorm: Double { parentSquaredNorm.squareRoot() }
    public var childNorm: Double { childSquaredNorm.squareRoot() }
    public var differenceNorm: Double { differenceSquaredNorm.squareRoot() }

    /// ‖θc − θp‖ / ‖θp‖; 0 when nothing changed, nil when the parent is all zeros but the child
    /// is not (a relative change is then undefined).
    public var relativeChange: Double? {
        if differenceSquaredNorm == 0 { return 0 }
        return parentSquaredNorm > 0 ? differenceNorm / parentNorm : nil
    }

    /// ⟨θp, θc⟩ / (‖θp‖ ‖θc‖); 1 when nothing changed, nil when one side is all zeros and the
    /// other is not.
    public var cosineSimilarity: Double? {
        if differenceSquaredNorm == 0 { return 1 }
        guard parentSquaredNorm > 0, childSquaredNorm > 0 else { return nil }
        return dot / (parentNorm * childNorm)
    }

    public var isUnchanged: Bool { differenceSquaredNorm == 0 }
}
