// swift-tools-version: 6.0
import PackageDescription

// Kernels are written for AVX2 + FMA (every x86-64 CPU of the last decade); baseline x86-64
// would turn SIMD multiply-adds into calls to fmaf. OpenBLAS picks its own kernels at run time.
let kernelFlags: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]

let package = Package(
    name: "StyleAlign",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stylealign", targets: ["stylealign"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian, each behind a one-line shim header.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng16"),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib"),

        // The generator engine: tensors, ops, mapping, synthesis, StyleSpace. Knows no file format.
        .target(name: "StyleGAN", dependencies: ["CBLAS"], swiftSettings: kernelFlags,
                linkerSettings: [.linkedLibrary("m")]),
        // Small container formats: zip, npy/npz, PNG.
        .target(name: "FileFormats", dependencies: ["CPNG", "CZlib"]),
        // Checkpoint readers and writers: pickle VM, NVIDIA/TF pickles, torch zip, safetensors.
        .target(name: "Checkpoints", dependencies: ["StyleGAN", "FileFormats"]),
        // Analyses: plain values out, never drawing. One module per question of the paper.
        .target(name: "Analysis", dependencies: ["StyleGAN"], swiftSettings: kernelFlags),        // weight changes, resets
        .target(name: "Semantics", dependencies: ["StyleGAN", "Analysis", "FileFormats"], swiftSettings: kernelFlags),  // controls, alignment, morph, blend, mix
        .target(name: "ZeroShot", dependencies: ["StyleGAN", "Analysis", "CBLAS"], swiftSettings: kernelFlags), // latent classifiers and transfer
        // Report cells and their renderers (PDF, PNG, HTML, CSV).
        .target(name: "Report", dependencies: ["CCairo", "FileFormats"]),
        // Analysis results -> report cells (tables, figures, prose). Computes nothing itself.
        .target(name: "ReportSections", dependencies: ["StyleGAN", "Analysis", "Semantics", "ZeroShot", "Report"]),
        // libFuzzer target over every reader of checkpoint bytes (README, "Fuzzing"); without
        // -DLIBFUZZER it replays the files it is given.
        .executableTarget(name: "CheckpointFuzz", dependencies: ["Checkpoints", "FileFormats"]),
        // The command-line tool. Nothing imports it.
        .executableTarget(name: "stylealign", dependencies: [
            "StyleGAN", "FileFormats", "Checkpoints", "Analysis", "Semantics", "ZeroShot", "Report", "ReportSections",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: kernelFlags),

        .testTarget(name: "StyleGANTests", dependencies: ["StyleGAN", "FileFormats"], swiftSettings: kernelFlags),
        .testTarget(name: "FileFormatsTests", dependencies: ["FileFormats"]),
        .testTarget(name: "CheckpointsTests", dependencies: ["Checkpoints", "StyleGAN", "FileFormats"],
                    exclude: ["FuzzCorpus"]),
        // The engine against reference outputs of NVIDIA's code (../shared/fixtures).
        .testTarget(name: "ParityTests", dependencies: ["StyleGAN", "Checkpoints", "FileFormats"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "ReportSections", "Report", "StyleGAN", "Checkpoints", "FileFormats"]),
        .testTarget(name: "SemanticsTests", dependencies: ["Semantics", "Analysis", "StyleGAN", "Checkpoints", "FileFormats"]),
        .testTarget(name: "ZeroShotTests", dependencies: ["ZeroShot", "Analysis", "StyleGAN", "Checkpoints", "FileFormats"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "CLITests", dependencies: ["stylealign"]),
    ],
    swiftLanguageModes: [.v5]
)
