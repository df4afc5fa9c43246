import Foundation
import XCTest

/// The shared fixtures at `../shared/fixtures` next to the repository root.
enum Fixtures {
    static let root: String = {
        // Tests/CheckpointsTests/Fixtures.swift -> repository root is three levels up.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    }()

    /// The path of a fixture file, or an XCTSkip when the fixtures folder is absent.
    static func path(_ relative: String) throws -> String {
        let p = root + "/" + relative
        guard FileManager.default.fileExists(atPath: p) else {
            throw XCTSkip("fixture \(relative) not found under \(root) (the shared fixtures are not available here)")
        }
        return p
    }

    /// A fixture folder's manifest.json as nested dictionaries.
    static func manifest(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try path(folder + "/manifest.json")))
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw XCTSkip("\(folder)/manifest.json is not a JSON object")
        }
        return json
    }
}

/// One tensor's summary from a manifest's state-dict list.
struct ManifestTensor {
    let name: String
    let shape: [Int]
    let sum: Double
    let first: [Double]

    static func list(_ value: Any?) throws -> [ManifestTensor] {
        let entries = try XCTUnwrap(value as? [[String: Any]], "manifest has no tensor list")
        return try entries.map { e in
            ManifestTensor(name: try XCTUnwrap(e["name"] as? String),
                           shape: try XCTUnwrap(e["shape"] as? [Int]),
                           sum: try XCTUnwrap((e["sum"] as? NSNumber)?.doubleValue),
                           first: try XCTUnwrap(e["first"] as? [NSNumber]).map(\.doubleValue))
        }
    }
}
