/// Checks that every cell's parts fit together (one value per category, one label per row, ...)
/// before anything is drawn, so a bad report fails with a message instead of a wrong picture.
enum ReportValidator {
    static func validate(_ report: Report) throws {
        for cell in report.cells {
            switch cell {
            case let .heading(level, text):
                guard (1...3).contains(level) else {
                    throw ReportError("heading \"\(text)\" has level \(level); levels are 1, 2 and 3")
                }
            case .table(let table):
                try validate(table)
            case .figure(let figure):
                try validate(figure)
            case .prose, .keyFigures, .alert, .pageBreak:
                break
            }
        }
    }

    private static func validate(_ table: Table) throws {
        for (index, row) in table.rows.enumerated() where row.count != table.columns.count {
            throw ReportError("table \"\(table.name)\": row \(index + 1) has \(row.count) cells for \(table.columns.count) columns")
        }
    }

    private static func validate(_ figure: Figure) throws {
        let name = "figure \"\(figure.name)\""
        switch figure.content {
        case .imageGrid(let grid):
            for (rowIndex, row) in grid.images.enumerated() {
                if row.count != grid.columnCount {
                    throw ReportError("\(name): image row \(rowIndex + 1) has \(row.count) images, row 1 has \(grid.columnCount)")
                }
                for (columnIndex, image) in row.enumerated() {
                    if let problem = image.problem {
                        throw ReportError("\(name): the image in row \(rowIndex + 1), column \(columnIndex + 1) \(problem)")
                    }
                }
            }
            try labels(grid.rowLabels, count: grid.rowCount, what: "row labels", name)
            try labels(grid.columnLabels, count: grid.columnCount, what: "column labels", name)
        case .barChart(let chart):
            for series in chart.series {
                if series.values.count != chart.categories.count {
                    throw ReportError("\(name): series \"\(series.name)\" has \(series.values.count) values for \(chart.categories.count) categories")
                }
                if let errors = series.errors, errors.count != chart.categories.count {
                    throw ReportError("\(name): series \"\(series.name)\" has \(errors.count) error bars for \(chart.categories.count) categories")
                }
            }
        case .linePlot(let plot):
            for series in plot.series where series.x.count != series.y.count {
                throw ReportError("\(name): series \"\(series.name)\" has \(series.x.count) x values and \(series.y.count) y values")
            }
        case .heatmap(let heatmap):
            for (index, row) in heatmap.values.enumerated() where row.count != heatmap.columnCount {
                throw ReportError("\(name): matrix row \(index + 1) has \(row.count) values, row 1 has \(heatmap.columnCount)")
            }
            try labels(heatmap.rowLabels, count: heatmap.rowCount, what: "row labels", name)
            try labels(heatmap.columnLabels, count: heatmap.columnCount, what: "column labels", name)
            if let range = heatmap.range, !(range.lowerBound.isFinite && range.upperBound.isFinite) {
                throw ReportError("\(name): the colour range must be finite")
            }
        case .histogram(let histogram):
            if histogram.binEdges.count == 1 {
                throw ReportError("\(name): a histogram needs at least two bin edges")
            }
            for (a, b) in zip(histogram.binEdges, histogram.binEdges.dropFirst()) where !(a < b) {
                throw ReportError("\(name): bin edges must increase (\(a) is followed by \(b))")
            }
            let bins = max(histogram.binEdges.count - 1, 0)
            for series in histogram.series where series.counts.count != bins {
                throw ReportError("\(name): series \"\(series.name)\" has \(series.counts.count) counts for \(bins) bins")
            }
        }
    }

    private static func labels(_ labels: [String], count: Int, what: String, _ name: String) throws {
        if !labels.isEmpty && labels.count != count {
            throw ReportError("\(name) has \(labels.count) \(what) for \(count)")
        }
    }
}
