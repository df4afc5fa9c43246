import ArgumentParser
import StyleGAN

/// Thread count for the engine and OpenBLAS.
struct RuntimeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Threads for the engine and OpenBLAS (default: all cores).", valueName: "N"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func apply() {
        EngineThreads.set(threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

import Foundation
