import FileFormats
import Foundation
import XCTest
@testable import Checkpoints

/// The inputs in FuzzCorpus/, run through every reader the fuzz target (Sources/CheckpointFuzz) covers:
///
/// * `message-controls-*`: found by the fuzzer. Names from the file (a zip entry, a pickle GLOBAL, a
///   dict key, a TF variable, a JSON escape) reached the error message raw, so the "one-line" message
///   held newlines, NULs and terminal control bytes. Messages now escape them.
/// * `size-lie-*`: sizes declared inside a file (BINBYTES8, LONG4, a legacy storage count, a zip
///   entry's sizes, a tensor's shape, a safetensors header, an npy shape) far beyond the file's real
///   size; each is checked before anything is allocated from it.
/// * `nesting-*`: containers and marks nested past the pickle machine's depth cap.
///
/// Every input must end in a one-line printable error from every reader; the test process
/// surviving them is the other half of the check.
final class FuzzRegressionTests: XCTestCase {
    static let corpus: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    private func assertPrintableLine(_ message: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(message.unicodeScalars.contains { $0.properties.generalCategory == .control },
                       "\(name): message is not one printable line: \(message.debugDescription)", file: file, line: line)
    }

    func testEveryCorpusInputFailsCleanly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 21, "FuzzCorpus/ holds only \(files.count) inputs")
        for name in files {
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
            do {
                _ = try CheckpointLoader.load(data: data, name: name)
                XCTFail("\(name): loaded as a network")
            } catch let error as CheckpointError {
                XCTAssertTrue(error.description.hasPrefix(name + ": "), "\(name): \(error)")
                assertPrintableLine(error.description, name)
            }
            // The readers the loader does not reach for this input's first bytes.
            do {
                let archive = try ZipArchive(data)
                for entry in archive.entries {
                    do { _ = try archive.data(entry) } catch { assertPrintableLine("\(error)", name) }
                }
            } catch {
                assertPrintableLine("\(error)", name)
            }
            for read in [{ _ = try NumpyArray.decode(data) }, { _ = try NumpyArchive.read(data) }] {
                do { try read() } catch { assertPrintableLine("\(error)", name) }
            }
        }
    }

    func testMessagesEscapeControlCharacters() {
        XCTAssertEqual("a\nb\u{1b}[31mc\u{202e}d".escapedForMessage, "a\\u{a}b\\u{1b}[31mc\\u{202e}d")
        XCTAssertEqual(CheckpointError(path: "f", message: "key 'x\ty'").description, "f: key 'x\\u{9}y'")
        XCTAssertEqual(String(repeating: "é", count: 5000).escapedForMessage.count, 2001)
    }
}
