import CCairo

/// report.pdf: A4 portrait pages with "page N of M" footers, a linked contents list and an
/// outline (bookmarks) of the headings. Layout runs first so the page count is known before
/// the first footer is drawn.
enum PDFDocumentRenderer {
    struct Output {
        var bytes: [UInt8]
        var pageCount: Int
    }

    static func render(_ report: Report, catalog: Catalog) throws -> Output {
        let sink = ByteSink()
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, Page.width, Page.height) else {
            throw ReportError("cannot create the PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        try CairoOutput.check(cairo_surface_status(surface), "the PDF")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "StyleAlign in Swift")
        guard let cr = cairo_create(surface) else { throw ReportError("cannot create a Cairo context for the PDF") }
        let canvas = Canvas(cr: cr, pixelsPerPoint: nil)

        let destinations = Destinations()
        let blocks = DocumentLayout.blocks(report, catalog: catalog, destinations: destinations, canvas: canvas)
        let pages = Paginator.paginate(blocks, destinations: destinations)
        for (index, page) in pages.enumerated() {
            for placed in page {
                placed.block.draw(canvas, placed.y)
            }
            drawFooter(title: report.title, page: index + 1, of: pages.count, canvas: canvas)
            cairo_show_page(cr)
        }
        addOutline(catalog: catalog, destinations: destinations, surface: surface)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        try CairoOutput.check(status, "the PDF")
        cairo_surface_finish(surface)
        try CairoOutput.check(cairo_surface_status(surface), "the PDF")
        return Output(bytes: sink.bytes, pageCount: pages.count)
    }

    private static func drawFooter(title: String, page: Int, of count: Int, canvas: Canvas) {
        let font = DocumentFonts.footer
        let right = Page.marginLeft + Page.contentWidth
        canvas.line(Page.marginLeft, Page.footerBaseline - 11, right, Page.footerBaseline - 11, Theme.rule, width: 0.5)
        let shortTitle = TextWrapper.truncated(title, width: Page.contentWidth * 0.7, font: font, canvas: canvas)
        canvas.text(shortTitle, x: Page.marginLeft, baseline: Page.footerBaseline, font)
        canvas.text("page \(page) of \(count)", x: right, baseline: Page.footerBaseline, font, align: .right)
    }

    /// Bookmarks: level 2 under the preceding level 1, level 3 under the preceding level 2.
    private static func addOutline(catalog: Catalog, destinations: Destinations, surface: OpaquePointer) {
        var parents: [Int: Int32] = [:]
        for heading in catalog.headings {
            guard let place = destinations.places[heading.number] else { continue }
            let parent = (1..<heading.level).reversed().compactMap { parents[$0] }.first ?? 0
            let link = "page=\(place.page) pos=[\(Page.marginLeft) \(place.y)]"
            let flags = heading.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
            let id = cairo_pdf_surface_add_outline(surface, parent, heading.text, link, flags)
            parents[heading.level] = id
            // A new section closes the subsections of the previous one.
            for deeper in (heading.level + 1)..<5 { parents[deeper] = nil }
        }
    }
}
