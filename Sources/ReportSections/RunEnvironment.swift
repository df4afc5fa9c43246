import Foundation

/// What the provenance block says about the tool and the machine.
public enum RunEnvironment {
    /// The version of the package when no git checkout is around.
    public static let packageVersion = "0.1.0"

    /// `git describe --always --dirty` of the checkout the executable was built in (the binary
    /// lives under its .build folder), else the package version.
    public static func toolVersion(executable: String) -> String {
        let folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
        guard let described = run("/usr/bin/git", ["-C", folder, "describe", "--always", "--dirty"]),
              !described.isEmpty else { return packageVersion }
        return "\(described) (package \(packageVersion))"
    }

    /// "Linux 6.1.0-28-cloud-amd64 x86_64; AMD EPYC 9R45 (2 logical cores)"
    public static var machine: String {
        var parts: [String] = []
        var name = utsname()
        if uname(&name) == 0 {
            func text<T>(_ field: T) -> String {
                withUnsafeBytes(of: field) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            }
            parts.append("\(text(name.sysname)) \(text(name.release)) \(text(name.machine))")
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        parts.append("\(cpuModel ?? "unknown CPU") (\(cores) logical core\(cores == 1 ? "" : "s"))")
        return parts.joined(separator: "; ")
    }

    /// The first "model name" line of /proc/cpuinfo.
    static var cpuModel: String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// Standard output of a short command, trimmed; nil when it fails.
    static func run(_ tool: String, _ arguments: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
