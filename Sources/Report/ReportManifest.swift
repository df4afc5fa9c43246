/// report.json: what the report is, what it was made from and with, and where every output is —
/// enough to make it again and to find each figure's and table's data.
enum ReportManifest {
    static func json(_ report: Report, catalog: Catalog, pageCount: Int, files: [String]) -> String {
        func optional(_ text: String?) -> OptionValue { text.map(OptionValue.string) ?? .null }
        let options = OptionValue.object(report.options.keys.sorted().map { ($0, report.options[$0] ?? .null) })
        let value: OptionValue = .object([
            ("format", "stylealign-report"),
            ("formatVersion", 1),
            ("title", .string(report.title)),
            ("subtitle", optional(report.subtitle)),
            ("provenance", .array(report.provenance.map { .object([("name", .string($0.0)), ("value", .string($0.1))]) })),
            ("options", options),
            ("sectionTimings", .array(report.sectionTimings.map {
                .object([("section", .string($0.0)), ("seconds", .number($0.1))])
            })),
            ("pageCount", .integer(pageCount)),
            ("sections", .array(catalog.headings.map {
                .object([("level", .integer($0.level)), ("title", .string($0.text)), ("anchor", .string($0.anchor))])
            })),
            ("figures", .array(catalog.figures.map {
                .object([("number", .integer($0.number)), ("name", .string($0.figure.name)),
                         ("kind", .string($0.figure.content.kindName)), ("caption", .string($0.figure.caption)),
                         ("png", .string($0.pngPath)), ("pdf", .string($0.pdfPath)), ("data", .string($0.dataPath))])
            })),
            ("tables", .array(catalog.tables.map {
                .object([("number", .integer($0.number)), ("name", .string($0.table.name)),
                         ("caption", .string($0.table.caption)), ("data", .string($0.dataPath))])
            })),
            ("files", .array(files.map(OptionValue.string))),
        ])
        return JSONText.encode(value, pretty: true) + "\n"
    }
}
