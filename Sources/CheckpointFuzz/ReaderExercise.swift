import Checkpoints
import FileFormats
import Foundation

/// Runs one input through every reader of untrusted bytes: the checkpoint loader (which picks
/// the pickle VM, legacy torch, torch zip or safetensors by content), the zip reader with every
/// entry extracted, and the npy/npz readers. Errors are the expected outcome; what the fuzzer
/// looks for is a crash, a hang, an allocation out of proportion to the input, or an error
/// message that is not one printable line.
enum ReaderExercise {
    /// - Returns: what the checkpoint loader made of the input (its error message, or what it loaded).
    @discardableResult
    static func run(_ data: Data) -> String {
        let outcome: String
        do {
            let network = try CheckpointLoader.load(data: data, name: "input")
            outcome = "loaded a \(network.config.resolution) px network (\(network.format.rawValue))"
        } catch let error as CheckpointError {
            outcome = error.message
        } catch {
            outcome = "\(error)"
        }
        // The oracle beyond crashes: every error is one printable line, whatever names the file holds.
        if outcome.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            fatalError("the loader's message is not one printable line: \(outcome.debugDescription)")
        }
        if let archive = try? ZipArchive(data) {
            for entry in archive.entries { _ = try? archive.data(entry) }
        }
        _ = try? NumpyArray.decode(data)
        _ = try? NumpyArchive.read(data)
        return outcome
    }
}
