import Foundation

/// Numbers figures and tables in order, names their files and gives headings their anchors.
/// Every renderer reads numbers and names from here so PDF, HTML and data files agree.
struct Catalog {
    struct FigureEntry {
        var number: Int
        var figure: Figure
        /// "fig03-layer-distances"
        var stem: String
        var pngPath: String { "figures/\(stem).png" }
        var pdfPath: String { "figures/\(stem).pdf" }
        var dataPath: String {
            if case .imageGrid = figure.content { return "data/\(stem).json" }
            return "data/\(stem).csv"
        }
    }

    struct TableEntry {
        var number: Int
        var table: Table
        /// "tab01-summary"
        var stem: String
        var dataPath: String { "data/\(stem).csv" }
    }

    struct HeadingEntry {
        var number: Int
        var level: Int
        var text: String
        /// HTML id and PDF destination: "sec-2-weight-changes"
        var anchor: String
    }

    private(set) var figures: [FigureEntry] = []
    private(set) var tables: [TableEntry] = []
    private(set) var headings: [HeadingEntry] = []
    /// Cell index → index into figures / tables / headings.
    private(set) var figureAt: [Int: Int] = [:]
    private(set) var tableAt: [Int: Int] = [:]
    private(set) var headingAt: [Int: Int] = [:]

    init(_ cells: [ReportCell]) {
        for (index, cell) in cells.enumerated() {
            switch cell {
            case .figure(let figure):
                let number = figures.count + 1
                figureAt[index] = figures.count
                figures.append(FigureEntry(number: number, figure: figure,
                                           stem: "fig" + Self.twoDigits(number) + "-" + Self.slug(figure.name, fallback: "figure")))
            case .table(let table):
                let number = tables.count + 1
                tableAt[index] = tables.count
                tables.append(TableEntry(number: number, table: table,
                                         stem: "tab" + Self.twoDigits(number) + "-" + Self.slug(table.name, fallback: "table")))
            case let .heading(level, text):
                let number = headings.count + 1
                headingAt[index] = headings.count
                headings.append(HeadingEntry(number: number, level: level, text: text,
                                             anchor: "sec-\(number)-" + Self.slug(text, fallback: "section")))
            case .prose, .keyFigures, .alert, .pageBreak:
                break
            }
        }
    }

    /// Lower-case letters, digits and single hyphens, at most 40 characters.
    static func slug(_ text: String, fallback: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        if result.count > 40 {
            result = String(result.prefix(40))
            while result.hasSuffix("-") { result.removeLast() }
        }
        return result.isEmpty ? fallback : result
    }

    static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
