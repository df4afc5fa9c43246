import Foundation

/// Debian's OpenBLAS 0.3.21 does not recognise recent AVX-512 cores and falls back to its
/// Haswell kernels (half the speed). It reads OPENBLAS_CORETYPE when the library loads, before
/// main, so the only way to choose for the user is to set it and re-execute once. Only where the
/// CPU has AVX-512F: elsewhere those kernels would crash with SIGILL.
enum FastBLAS {
    static let variable = "OPENBLAS_CORETYPE"

    static func reexecIfNeeded() {
        guard getenv(variable) == nil, cpuHasAVX512F() else { return }
        setenv(variable, "SkylakeX", 1)
        let args = CommandLine.arguments
        var cArgs = args.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &cArgs)
        // execv returns only on failure: carry on with the default kernels.
        unsetenv(variable)
    }

    static func cpuHasAVX512F() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        return flags.split(separator: " ").contains("avx512f")
    }
}
