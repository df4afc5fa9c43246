import FileFormats
import Foundation
import StyleGAN
import XCTest

/// The reference checkpoints and outputs in `../shared/fixtures` (next to the repo). In a clone
/// without that folder the tests that need them skip with a message.
enum AnalysisFixtures {
    static let root: String = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    }()

    static func path(_ relative: String) throws -> String {
        let p = (root as NSString).appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: p) else {
            throw XCTSkip("fixture \(relative) not found: ../shared/fixtures is absent in this clone, so this test is skipped")
        }
        return p
    }

    static func array(_ relative: String) throws -> Tensor {
        let a = try NumpyArray.decode(FileBytes.read(path(relative)))
        return Tensor(shape: a.shape, data: a.values)
    }

    static func manifest(_ folder: String) throws -> [String: Any] {
        let data = try FileBytes.read(path("\(folder)/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
