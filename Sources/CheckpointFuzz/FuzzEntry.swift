import Foundation

#if LIBFUZZER
/// The function libFuzzer calls for each input. The input is wrapped, not copied, so
/// AddressSanitizer sees any read past its end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, count > 0 else {
        ReaderExercise.run(Data())
        return 0
    }
    ReaderExercise.run(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes), count: count, deallocator: .none))
    return 0
}

/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links). SwiftPM gives an executable
/// its own entry point, so `main` hands control to the driver rather than to libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum CheckpointFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Without libFuzzer: runs the files named on the command line through the readers once each and
/// prints what the loader made of each, to reproduce a crash in a plain debug build (`CheckpointFuzz crash-*`).
@main
enum CheckpointFuzz {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: CheckpointFuzz FILE... (replays inputs; for fuzzing build with -DLIBFUZZER, see README)")
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                exit(1)
            }
            print("\(path): \(ReaderExercise.run(data))")
        }
    }
}
#endif
