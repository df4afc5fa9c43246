import Foundation

/// report.html: one self-contained page (inline CSS, figures as PNG data URIs, no scripts)
/// with a linked table of contents.
enum HTMLRenderer {
    /// figurePNGs[i] is the PNG of catalog.figures[i]; figures span the text column.
    static func render(_ report: Report, catalog: Catalog, figurePNGs: [[UInt8]]) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="StyleAlign in Swift">
        <title>\(escape(report.title))</title>
        <style>\(HTMLStyle.css)</style>
        </head>
        <body>
        <main>
        <header class="report-header">
        <div class="accent"></div>
        <h1 class="report-title">\(escape(report.title))</h1>\n
        """
        if let subtitle = report.subtitle {
            html += "<p class=\"subtitle\">\(escape(subtitle))</p>\n"
        }
        if !report.provenance.isEmpty {
            html += "<section class=\"provenance\"><h2 class=\"label\">Provenance</h2>\n<table>\n"
            for (key, value) in report.provenance {
                html += "<tr><th>\(escape(key))</th><td>\(escape(value))</td></tr>\n"
            }
            html += "</table></section>\n"
        }
        html += "</header>\n"

        let leading = DocumentLayout.leadingAlertCount(report.cells)
        for cell in report.cells.prefix(leading) {
            if case let .alert(level, text) = cell { html += alert(level, text) }
        }
        html += contents(catalog)

        for index in report.cells.indices.dropFirst(leading) {
            switch report.cells[index] {
            case let .heading(level, text):
                let anchor = catalog.headingAt[index].map { catalog.headings[$0].anchor } ?? ""
                html += "<h\(level + 1) id=\"\(anchor)\">\(escape(text))</h\(level + 1)>\n"
            case .prose(let text):
                for paragraph in TextWrapper.paragraphs(text) {
                    html += "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { escape(String($0)) }.joined(separator: "<br>") + "</p>\n"
                }
            case .table:
                if let position = catalog.tableAt[index] { html += table(catalog.tables[position]) }
            case .figure:
                if let position = catalog.figureAt[index] {
                    html += figure(catalog.figures[position], png: figurePNGs[safe: position])
                }
            case .keyFigures(let figures):
                html += keyFigures(figures)
            case let .alert(level, text):
                html += alert(level, text)
            case .pageBreak:
                break
            }
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// Nested lists, one level per heading level, every heading linked.
    private static func contents(_ catalog: Catalog) -> String {
        guard !catalog.headings.isEmpty else { return "" }
        var html = "<nav class=\"toc\"><h2 class=\"label\">Contents</h2>\n"
        var depth = 0
        var itemOpen = false
        for entry in catalog.headings {
            if entry.level > depth {
                // Deeper lists open inside the item above them.
                while depth < entry.level {
                    html += "<ol>"
                    depth += 1
                }
            } else {
                if itemOpen { html += "</li>\n" }
                while depth > entry.level {
                    html += "</ol></li>\n"
                    depth -= 1
                }
            }
            html += "<li><a href=\"#\(entry.anchor)\">\(escape(entry.text))</a>"
            itemOpen = true
        }
        if itemOpen { html += "</li>" }
        while depth > 0 {
            html += "</ol>"
            depth -= 1
            if depth > 0 { html += "</li>" }
        }
        return html + "\n</nav>\n"
    }

    private static func table(_ entry: Catalog.TableEntry) -> String {
        let table = entry.table
        let numericColumns = table.columns.indices.map { column in
            let cells = table.rows.compactMap { $0[safe: column] }.filter { $0 != .missing }
            return !cells.isEmpty && cells.allSatisfy(\.isNumeric)
        }
        func alignmentClass(_ column: Int) -> String {
            switch table.columns[column].alignment {
            case .center: return " class=\"center\""
            case .right: return " class=\"num\""
            case .left: return numericColumns[column] ? " class=\"num\"" : ""
            }
        }
        var html = "<figure class=\"table\" id=\"table-\(entry.number)\">\n"
        html += "<figcaption><b>Table \(entry.number).</b> \(escape(table.caption))</figcaption>\n"
        html += "<div class=\"table-scroll\"><table>\n<thead><tr>"
        for (index, column) in table.columns.enumerated() {
            let unit = column.unit.map { "<span class=\"unit\">\(escape($0))</span>" } ?? ""
            html += "<th\(alignmentClass(index))>\(escape(column.title))\(unit)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let missing = cell == .missing ? " missing" : ""
                let classes = alignmentClass(index)
                let attribute = missing.isEmpty ? classes
                    : classes.isEmpty ? " class=\"missing\"" : String(classes.dropLast()) + missing + "\""
                html += "<td\(attribute)>\(escape(cell.displayText))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        html += "<p class=\"data-link\">Data: <a href=\"\(entry.dataPath)\">\(entry.dataPath)</a></p>\n</figure>\n"
        return html
    }

    private static func figure(_ entry: Catalog.FigureEntry, png: [UInt8]?) -> String {
        var html = "<figure class=\"figure\" id=\"figure-\(entry.number)\">\n"
        if let png {
            html += "<img src=\"data:image/png;base64,\(Data(png).base64EncodedString())\" "
                + "alt=\"Figure \(entry.number)\">\n"
        }
        html += "<figcaption><b>Figure \(entry.number).</b> \(escape(entry.figure.caption))</figcaption>\n"
        html += "<p class=\"data-link\">Files: <a href=\"\(entry.pngPath)\">PNG</a> · <a href=\"\(entry.pdfPath)\">PDF</a>"
            + " · data <a href=\"\(entry.dataPath)\">\(entry.dataPath)</a></p>\n</figure>\n"
        return html
    }

    private static func keyFigures(_ figures: [KeyFigure]) -> String {
        var html = "<div class=\"key-figures\">\n"
        for figure in figures {
            html += "<div class=\"key\"><div class=\"key-label\">\(escape(figure.label))</div>"
            html += "<div class=\"key-value\">\(escape(figure.value))</div>"
            if let note = figure.note { html += "<div class=\"key-note\">\(escape(note))</div>" }
            html += "</div>\n"
        }
        return html + "</div>\n"
    }

    private static func alert(_ level: AlertLevel, _ text: String) -> String {
        let paragraphs = TextWrapper.paragraphs(text).map { "<p>\(escape($0))</p>" }.joined()
        return "<div class=\"alert alert-\(level.rawValue)\" role=\"note\"><strong>\(level.title)</strong>\(paragraphs)</div>\n"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
