/// The inline style sheet of report.html, with the same colours and type as the PDF.
enum HTMLStyle {
    static var css: String {
        let error = Theme.alertColors(.error)
        let warning = Theme.alertColors(.warning)
        let info = Theme.alertColors(.info)
        return """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #eef1f5; color: \(Theme.text.cssHex);
          font: 15px/1.55 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 880px; margin: 32px auto; background: #fff; padding: 48px 64px 64px; overflow-wrap: anywhere;
          border-radius: 6px; box-shadow: 0 1px 4px rgba(20, 30, 50, 0.08); }
        .accent { width: 48px; height: 4px; background: \(Theme.accent.cssHex); margin-bottom: 18px; }
        .report-title { font-size: 30px; line-height: 1.2; margin: 0 0 6px; }
        .subtitle { font-size: 17px; color: \(Theme.mutedText.cssHex); margin: 0 0 24px; }
        h2.label { font-size: 11px; letter-spacing: 0.08em; text-transform: uppercase; color: \(Theme.mutedText.cssHex);
          border-bottom: 1px solid \(Theme.rule.cssHex); padding-bottom: 4px; margin: 28px 0 8px; }
        .provenance table { border-collapse: collapse; width: 100%; font-size: 13px; }
        .provenance th { text-align: left; vertical-align: top; white-space: nowrap; color: \(Theme.mutedText.cssHex);
          padding: 4px 16px 4px 8px; width: 1%; }
        .provenance td { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; padding: 4px 8px;
          word-break: break-all; }
        .provenance tr:nth-child(odd) { background: \(Theme.panel.cssHex); }
        nav.toc ol { list-style: none; margin: 4px 0; padding-left: 18px; }
        nav.toc > ol { padding-left: 0; }
        nav.toc li { margin: 2px 0; }
        nav.toc a { color: \(Theme.accent.cssHex); text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        h2 { font-size: 22px; color: \(Theme.accent.cssHex); margin: 44px 0 10px; padding-bottom: 6px;
          border-bottom: 1px solid \(Theme.rule.cssHex); }
        h3 { font-size: 17px; margin: 30px 0 8px; }
        h4 { font-size: 14.5px; color: \(Theme.mutedText.cssHex); margin: 22px 0 6px; }
        p { margin: 10px 0; }
        figure { margin: 26px 0; }
        figure.figure img { display: block; width: 100%; height: auto; }
        figcaption { font-size: 13.5px; line-height: 1.5; margin-top: 8px; }
        figure.table figcaption { margin: 0 0 8px; }
        .data-link { font-size: 12px; color: \(Theme.faintText.cssHex); margin: 4px 0 0; }
        .data-link a { color: \(Theme.mutedText.cssHex); }
        .table-scroll { overflow-x: auto; }
        table { border-collapse: collapse; }
        figure.table table { margin: 0 auto; min-width: 55%; font-size: 13px;
          border-top: 1.5px solid \(Theme.axis.cssHex); border-bottom: 1.5px solid \(Theme.axis.cssHex); }
        figure.table th { text-align: left; padding: 6px 10px; border-bottom: 1px solid \(Theme.axis.cssHex);
          vertical-align: bottom; }
        figure.table td { padding: 4px 10px; vertical-align: top; }
        figure.table tbody tr:nth-child(even) { background: \(Theme.tableStripe.cssHex); }
        figure.table td, figure.table th { overflow-wrap: normal; }
        .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .center { text-align: center !important; }
        .missing { color: \(Theme.faintText.cssHex); }
        .unit { display: block; font-weight: normal; font-size: 11.5px; color: \(Theme.mutedText.cssHex); }
        .key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px;
          margin: 18px 0; }
        .key { background: \(Theme.panel.cssHex); border-top: 3px solid \(Theme.accent.cssHex); border-radius: 5px;
          padding: 12px 14px; }
        .key-label { font-size: 12px; color: \(Theme.mutedText.cssHex); }
        .key-value { font-size: 25px; font-weight: bold; margin: 2px 0; }
        .key-note { font-size: 12px; color: \(Theme.mutedText.cssHex); }
        .alert { border-left: 5px solid; border-radius: 4px; padding: 10px 14px; margin: 16px 0; }
        .alert strong { display: block; font-size: 13px; }
        .alert p { margin: 4px 0 0; }
        .alert-info { background: \(info.background.cssHex); border-color: \(info.bar.cssHex); }
        .alert-info strong { color: \(info.title.cssHex); }
        .alert-warning { background: \(warning.background.cssHex); border-color: \(warning.bar.cssHex); }
        .alert-warning strong { color: \(warning.title.cssHex); }
        .alert-error { background: \(error.background.cssHex); border-color: \(error.bar.cssHex); }
        .alert-error strong { color: \(error.title.cssHex); }
        @media print {
          body { background: #fff; }
          main { box-shadow: none; margin: 0; padding: 0; max-width: none; }
          figure, .key-figures, .alert { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
        }
        @media (max-width: 700px) { main { padding: 24px 18px; margin: 0; border-radius: 0; } }

        """
    }
}
