/// A table as CSV: the header holds "title (unit)", numbers are written at full precision.
enum TableData {
    static func text(_ table: Table) -> String {
        let header = table.columns.map { column in
            column.unit.map { "\(column.title) (\($0))" } ?? column.title
        }
        return CSVText.encode([header] + table.rows.map { $0.map(\.csvText) })
    }
}
