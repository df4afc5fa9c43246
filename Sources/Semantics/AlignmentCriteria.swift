/// When a control counts as active in the parent and when it counts as forgotten by the child.
public struct AlignmentCriteria: Equatable, Sendable {
    /// A control is active when its parent magnitude (RMS change in [-1, 1] image units) reaches
    /// this: by default one 8-bit level, 2/255.
    public var activeMagnitude: Double
    /// An active control is forgotten when child / parent magnitude < this (default 0.25: the
    /// child shows under a quarter of the parent's change).
    public var forgottenRatio: Double

    public init(activeMagnitude: Double = 2.0 / 255.0, forgottenRatio: Double = 0.25) {
        self.activeMagnitude = activeMagnitude
        self.forgottenRatio = forgottenRatio
    }

    public func isActive(_ a: ControlAlignment) -> Bool { a.parentMagnitude >= activeMagnitude }

    public func isForgotten(_ a: ControlAlignment) -> Bool {
        guard isActive(a), let r = a.ratio else { return false }
        return r < forgottenRatio
    }
}
