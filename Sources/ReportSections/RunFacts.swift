import Foundation

/// Facts about this run that the report's provenance block states and that no analysis computes:
/// gathered by the command line tool and handed to `AlignmentReportBuilder`.
public struct RunFacts: Sendable {
    /// `git describe --always --dirty` of the source tree, or the package version.
    public var toolVersion: String
    public var commandLine: String
    public var startTime: Date
    /// Threads of the engine and OpenBLAS.
    public var threads: Int
    /// "Linux 6.1.0 x86_64; AMD EPYC 9R45 (2 logical cores)"
    public var machine: String

    public init(toolVersion: String, commandLine: String, startTime: Date, threads: Int, machine: String) {
        self.toolVersion = toolVersion
        self.commandLine = commandLine
        self.startTime = startTime
        self.threads = threads
        self.machine = machine
    }

    /// ISO 8601 in UTC, e.g. 2025-11-24T21:36:00Z.
    public var startTimeText: String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: startTime)
    }
}
