/// How one control behaves in the parent and in the child, over the analysed seeds.
///
/// With E_m,i the effect image of the control in model m for seed i (`EffectImage`),
///   magnitude_m = mean_i sqrt(mean_{c,p} E_m,i[c,p]²)            (RMS change, image units)
///   ratio       = magnitude_child / magnitude_parent
///   agreement   = mean_i corr(M_parent,i, M_child,i),  M_m,i[p] = sqrt(Σ_c E_m,i[c,p]²)
///   signed agreement = mean_i cos(E_parent,i, E_child,i)   (same change, same colour direction)
/// Seeds where a map is constant (correlation undefined) or an effect is zero (cosine
/// undefined) are left out of that mean; when none is left the value is nil.
public struct ControlAlignment: Equatable, Sendable {
    public var control: Control
    public var parentMagnitude: Double
    public var childMagnitude: Double
    public var agreement: Double?
    public var signedAgreement: Double?
    /// corr(M_parent,i, M_child,i) for each seed, nil where undefined.
    public var seedAgreements: [Double?]

    public init(control: Control, parentMagnitude: Double, childMagnitude: Double, agreement: Double?,
                signedAgreement: Double?, seedAgreements: [Double?]) {
        self.control = control
        self.parentMagnitude = parentMagnitude
        self.childMagnitude = childMagnitude
        self.agreement = agreement
        self.signedAgreement = signedAgreement
        self.seedAgreements = seedAgreements
    }

    /// child / parent magnitude; nil when the control changes nothing in the parent.
    public var ratio: Double? { parentMagnitude > 0 ? childMagnitude / parentMagnitude : nil }
}

/// Sums over seeds, batch by batch, for one control.
struct AlignmentAccumulator {
    var parentRMS = 0.0, childRMS = 0.0
    var seeds = 0
    var seedAgreements: [Double?] = []
    var cosines: [Double] = []

    mutating func add(parent: EffectImage, child: EffectImage) {
        for s in 0..<parent.batch {
            parentRMS += parent.rootMeanSquare(s)
            childRMS += child.rootMeanSquare(s)
            seedAgreements.append(EffectComparison.correlation(parent.magnitudeMap(s), child.magnitudeMap(s)))
            if let c = EffectComparison.cosine(parent.sample(s), child.sample(s)) { cosines.append(c) }
            seeds += 1
        }
    }

    func result(_ control: Control) -> ControlAlignment {
        let defined = seedAgreements.compactMap { $0 }
        return ControlAlignment(control: control, parentMagnitude: parentRMS / Double(max(1, seeds)),
                                childMagnitude: childRMS / Double(max(1, seeds)),
                                agreement: defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count),
                                signedAgreement: cosines.isEmpty ? nil : cosines.reduce(0, +) / Double(cosines.count),
                                seedAgreements: seedAgreements)
    }
}
