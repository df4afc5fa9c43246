import Checkpoints
import FileFormats
import Foundation

/// Runs one input through every reader of untrusted bytes: the checkpoint loader (which picks
/// the pickle VM, legacy torch, torch zip or safetensors by content), the zip reader with every
/// entry extracted, and the npy/npz readers. Errors are the expected outcome; what the fuzzer
/// looks for is a crash, a hang or an allocation out of proportion to the input.
enum ReaderExercise {
    static func run(_ data: Data) {
        _ = try? CheckpointLoader.load(data: data, name: "input")
        if let archive = try? ZipArchive(data) {
            for entry in archive.entries { _ = try? archive.data(entry) }
        }
        _ = try? NumpyArray.decode(data)
        _ = try? NumpyArchive.read(data)
    }
}
