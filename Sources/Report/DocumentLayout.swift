/// Turns a report into the PDF's sequence of blocks: the title page, then every cell.
enum DocumentLayout {
    /// Alerts that open the report, before any other cell; the PDF shows them on the title page.
    static func leadingAlertCount(_ cells: [ReportCell]) -> Int {
        var count = 0
        for cell in cells {
            guard case .alert = cell else { break }
            count += 1
        }
        return count
    }

    static func blocks(_ report: Report, catalog: Catalog, destinations: Destinations, canvas: Canvas) -> [Block] {
        let leading = leadingAlertCount(report.cells)
        let leadingAlerts: [(AlertLevel, String)] = report.cells.prefix(leading).compactMap {
            if case let .alert(level, text) = $0 { return (level, text) }
            return nil
        }
        var blocks = TitlePageBlocks.blocks(report, leadingAlerts: leadingAlerts, catalog: catalog,
                                            destinations: destinations, canvas: canvas)
        // The body starts on a fresh page after a title page that fits on one; after a longer one
        // it just follows, rather than leaving a nearly empty second page.
        var startsPage = Paginator.paginate(blocks, destinations: Destinations()).count == 1
        var afterHeading = false
        for index in report.cells.indices.dropFirst(leading) {
            var cellBlocks: [Block]
            switch report.cells[index] {
            case let .heading(level, text):
                let number = catalog.headingAt[index].map { catalog.headings[$0].number } ?? 0
                cellBlocks = TextBlocks.heading(level: level, text: text, number: number, canvas: canvas)
            case .prose(let text):
                cellBlocks = TextBlocks.prose(text, canvas: canvas)
            case .table:
                guard let entry = catalog.tableAt[index].map({ catalog.tables[$0] }) else { continue }
                cellBlocks = TableBlocks.blocks(entry, canvas: canvas)
            case .figure:
                guard let entry = catalog.figureAt[index].map({ catalog.figures[$0] }) else { continue }
                cellBlocks = [FigureBlocks.block(entry, canvas: canvas)]
            case .keyFigures(let figures):
                cellBlocks = KeyFigureBlocks.blocks(figures, canvas: canvas)
            case let .alert(level, text):
                cellBlocks = [TextBlocks.alert(level, text, canvas: canvas)]
            case .pageBreak:
                startsPage = true
                continue
            }
            if startsPage, !cellBlocks.isEmpty {
                cellBlocks[0].startsPage = true
                startsPage = false
            }
            // A heading already leaves room below itself.
            if afterHeading, !cellBlocks.isEmpty {
                cellBlocks[0].spaceBefore = min(cellBlocks[0].spaceBefore, 6)
            }
            if case .heading = report.cells[index] { afterHeading = true } else { afterHeading = false }
            blocks.append(contentsOf: cellBlocks)
        }
        return blocks
    }
}
