import FileFormats
import Foundation

/// Writes a report into a directory:
///
///     report.pdf                  A4, title page with provenance and contents, page N of M
///     report.html                 self-contained (inline CSS, figures as data URIs)
///     report.json                 provenance, options, timings, page count, file list
///     figures/figNN-name.png/.pdf every figure alone, PNG at print resolution
///     data/figNN-name.csv|.json   the values behind every figure
///     data/tabNN-name.csv         every table
///
/// Everything is rendered in memory first and each file is written to a temporary name and
/// renamed, so a failure leaves no half-written file. A report.json closes the set.
public enum ReportWriter {
    public static let figureDotsPerInch = 200.0

    /// Returns the paths written, report.json last.
    @discardableResult
    public static func write(_ report: Report, to directory: String) throws -> [String] {
        try ReportValidator.validate(report)
        var full = report
        full.append(contentsOf: RunInformation.cells(report))
        let catalog = Catalog(full.cells)

        let (measuring, release) = try CairoOutput.measuringCanvas()
        defer { release() }
        var outputs: [(path: String, bytes: [UInt8])] = []
        var figurePNGs: [[UInt8]] = []
        for entry in catalog.figures {
            let png = try FigureFileRenderer.png(entry, dotsPerInch: figureDotsPerInch, measuring: measuring)
            figurePNGs.append(png)
            outputs.append((entry.pngPath, png))
            outputs.append((entry.pdfPath, try FigureFileRenderer.pdf(entry, measuring: measuring)))
            outputs.append((entry.dataPath, Array(FigureData.text(entry.figure.content).utf8)))
        }
        for entry in catalog.tables {
            outputs.append((entry.dataPath, Array(TableData.text(entry.table).utf8)))
        }
        let pdf = try PDFDocumentRenderer.render(full, catalog: catalog)
        outputs.append(("report.pdf", pdf.bytes))
        outputs.append(("report.html", Array(HTMLRenderer.render(full, catalog: catalog, figurePNGs: figurePNGs).utf8)))
        let manifestPath = "report.json"
        let manifest = ReportManifest.json(full, catalog: catalog, pageCount: pdf.pageCount,
                                           files: outputs.map(\.path) + [manifestPath])
        outputs.append((manifestPath, Array(manifest.utf8)))

        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var written: [String] = []
        do {
            try AtomicFile.createDirectory(root)
            for output in outputs {
                let path = root + "/" + output.path
                try AtomicFile.write(output.bytes, to: path)
                written.append(path)
            }
        } catch let error as FileFormatError {
            throw ReportError(error.message)
        }
        removeStaleNumberedFiles(in: root, keeping: Set(outputs.map(\.path)))
        return written
    }

    /// A previous report with more figures or tables leaves figNN-/tabNN- files this one did
    /// not write; they would be mistaken for its own, so they go.
    private static func removeStaleNumberedFiles(in root: String, keeping: Set<String>) {
        let manager = FileManager.default
        for folder in ["figures", "data"] {
            guard let names = try? manager.contentsOfDirectory(atPath: root + "/" + folder) else { continue }
            for name in names where isNumberedOutput(name) && !keeping.contains(folder + "/" + name) {
                try? manager.removeItem(atPath: root + "/" + folder + "/" + name)
            }
        }
    }

    /// "fig03-name.png", "tab12-name.csv" and the like.
    static func isNumberedOutput(_ name: String) -> Bool {
        let characters = Array(name)
        guard characters.count > 6, name.hasPrefix("fig") || name.hasPrefix("tab") else { return false }
        var index = 3
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        guard index >= 5, index < characters.count, characters[index] == "-" else { return false }
        return [".png", ".pdf", ".csv", ".json"].contains { name.hasSuffix($0) }
    }
}
