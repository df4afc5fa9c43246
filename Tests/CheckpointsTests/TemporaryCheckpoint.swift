import Foundation
import XCTest
@testable import Checkpoints

/// Writes bytes to a temporary file, loads them as a checkpoint, and removes the file.
enum TemporaryCheckpoint {
    static func load(_ bytes: [UInt8], name: String = "test.pkl", networkKey: String? = nil) throws -> LoadedNetwork {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoints-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try CheckpointLoader.load(path: url.path, networkKey: networkKey)
    }

    /// Asserts that loading fails with a one-line CheckpointError whose message contains `expected`
    /// (any message when it is nil).
    static func assertFails(_ bytes: [UInt8], _ expected: String?, networkKey: String? = nil,
                            file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try load(bytes, networkKey: networkKey)
            XCTFail("loading succeeded; expected an error containing '\(expected ?? "")'", file: file, line: line)
        } catch let error as CheckpointError {
            XCTAssertTrue(expected.map(error.message.contains) ?? true, "message: \(error.message)", file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), "message is not one line: \(error.description)", file: file, line: line)
        } catch {
            XCTFail("unexpected error type \(type(of: error)): \(error)", file: file, line: line)
        }
    }
}
