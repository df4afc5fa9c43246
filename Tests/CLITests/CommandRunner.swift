import Foundation
import XCTest

/// Runs the built `stylealign` executable (it sits next to the test bundle) and captures its output.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum StyleAlignBinary {
    static let url: URL = {
        let dir = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL, dir].map { $0.appendingPathComponent("stylealign") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }()

    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        // Read while waiting so a chatty child cannot block on a full pipe.
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("stylealign \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        group.wait()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary directory per test.
func temporaryDirectory(_ name: String = #function) throws -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("stylealign-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
}

/// ../shared/fixtures next to the repo, or a skip.
func fixture(_ relative: String) throws -> String {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let path = repo.deletingLastPathComponent().appendingPathComponent("shared/fixtures/\(relative)").path
    guard FileManager.default.fileExists(atPath: path) else {
        throw XCTSkip("fixture \(relative) not found: ../shared/fixtures is absent in this clone, so this test is skipped")
    }
    return path
}
