import Foundation
import ReportSections

/// A one-line progress bar on stderr: the running section, a bar over its image batches and the
/// elapsed time; a finished section leaves a line with its duration. Silent when stderr is not a
/// terminal (logs and pipes get no control characters).
final class ProgressBar: ReportProgress {
    private let enabled: Bool
    private let width = 28
    private var title = ""
    private var prefix = ""
    private var started = Date()

    init(enabled: Bool = isatty(2) == 1) { self.enabled = enabled }

    func sectionStarted(_ title: String, index: Int, count: Int, batches: Int) {
        self.title = title
        prefix = "[\(index + 1)/\(count)]"
        started = Date()
        draw(done: 0, total: batches)
    }

    func batchDone(_ done: Int, of total: Int) { draw(done: done, total: total) }

    func sectionFinished(seconds: Double) {
        emit("\r\u{1B}[2K\(prefix) \(title)  done in \(String(format: "%.1f", seconds)) s\n")
    }

    private func draw(done: Int, total: Int) {
        let elapsed = String(format: "%.1f s", Date().timeIntervalSince(started))
        guard total > 0 else {
            emit("\r\u{1B}[2K\(prefix) \(title)  \(elapsed)")
            return
        }
        let filled = min(width, width * done / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        emit("\r\u{1B}[2K\(prefix) \(title)  \(bar) \(done)/\(total) image batches  \(elapsed)")
    }

    private func emit(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
