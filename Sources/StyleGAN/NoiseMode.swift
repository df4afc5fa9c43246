/// How the per-layer noise input is chosen, as NVIDIA's `noise_mode`.
public enum NoiseMode: String, CaseIterable, Codable, Sendable {
    /// The checkpoint's `noise_const` buffers (NVIDIA's default for generate.py).
    case const
    /// Fresh N(0, 1) maps per sample and layer, drawn from `seed` (reproducible here, unlike torch).
    case random
    /// No noise.
    case none
}

/// Truncation toward `w_avg`: ws[:, :cutoff] = w_avg + psi · (ws - w_avg).
public struct Truncation: Equatable, Codable, Sendable {
    public var psi: Float
    /// Number of leading ws truncated; nil truncates all of them.
    public var cutoff: Int?
    public init(psi: Float = 1, cutoff: Int? = nil) { self.psi = psi; self.cutoff = cutoff }
    public static let none = Truncation()
}
