import Foundation
import StyleGAN

/// One network of the pair as the report presents it: the generator and where it came from.
public struct ReportModel {
    /// "parent" or "child".
    public let role: String
    public let generator: Generator
    /// The checkpoint path, or a description of a built-in network.
    public let source: String
    /// The container it was read from, e.g. "NVIDIA network pickle".
    public let format: String
    /// Facts the checkpoint reader found, in display order (e.g. training set).
    public let details: [(String, String)]
    /// SHA-256 of the file as lower-case hex, nil for built-in networks.
    public let sha256: String?

    public init(role: String, generator: Generator, source: String, format: String,
                details: [(String, String)] = [], sha256: String? = nil) {
        self.role = role
        self.generator = generator
        self.source = source
        self.format = format
        self.details = details
        self.sha256 = sha256
    }

    /// The file name for files, "built-in parent" for built-in networks.
    public var shortName: String {
        sha256 == nil ? "built-in \(role)" : (source as NSString).lastPathComponent
    }

    /// One line: "NVIDIA network pickle, 32 px skip, 8 ws, 128 max channels".
    public var architectureSummary: String {
        let c = generator.config
        return "\(format), \(c.resolution) px \(c.architecture.rawValue), z \(c.zDim) / w \(c.wDim), \(c.numWs) ws, channels \(c.channels(at: c.resolution))–\(c.channels(at: 4))"
    }
}
