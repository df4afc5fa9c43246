/// The appendix that closes every report: the options it was made with and the time each
/// section took, as ordinary tables so they are also written as CSV.
enum RunInformation {
    static func cells(_ report: Report) -> [ReportCell] {
        var cells: [ReportCell] = []
        if !report.options.isEmpty {
            let rows = report.options.keys.sorted().map { key -> [TableCell] in
                [.text(key), .text(report.options[key]?.displayText ?? "")]
            }
            cells.append(.table(Table(name: "run-options",
                                      caption: "Options this report was made with (also stored in report.json). Rows: option name; columns: name and value.",
                                      columns: [TableColumn("Option"), TableColumn("Value")], rows: rows)))
        }
        if !report.sectionTimings.isEmpty {
            let rows = report.sectionTimings.map { name, seconds -> [TableCell] in
                [.text(name), .fixed(seconds, decimals: 1)]
            }
            cells.append(.table(Table(name: "run-timings",
                                      caption: "Wall-clock time spent computing each section, in the order the sections ran.",
                                      columns: [TableColumn("Section"), TableColumn("Time", alignment: .right, unit: "s")],
                                      rows: rows)))
        }
        guard !cells.isEmpty else { return [] }
        return [.heading(level: 1, text: "Run information")] + cells
    }
}
