import CCairo

/// A figure on its own, for papers: PNG at print resolution and a one-figure vector PDF,
/// drawn by the same code and at the same size as in report.pdf (caption not included).
enum FigureFileRenderer {
    /// Room around the drawing for marks that sit on its edge.
    static let margin = 4.0

    static func size(_ entry: Catalog.FigureEntry, canvas: Canvas) -> (width: Double, height: Double) {
        let caption = FigureBlocks.caption(entry, canvas: canvas)
        return (Page.contentWidth, FigureBlocks.drawingHeight(entry, caption: caption, canvas: canvas))
    }

    static func png(_ entry: Catalog.FigureEntry, dotsPerInch: Double, measuring: Canvas) throws -> [UInt8] {
        let (width, height) = size(entry, canvas: measuring)
        let scale = dotsPerInch / 72
        let pixelWidth = Int(((width + 2 * margin) * scale).rounded(.up))
        let pixelHeight = Int(((height + 2 * margin) * scale).rounded(.up))
        guard let image = CairoImage(width: pixelWidth, height: pixelHeight, format: CAIRO_FORMAT_ARGB32),
              let cr = cairo_create(image.surface) else {
            throw ReportError("cannot allocate a \(pixelWidth)×\(pixelHeight) image for figure \(entry.number)")
        }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        let canvas = Canvas(cr: cr, pixelsPerPoint: scale)
        entry.figure.content.renderer.draw(in: Rect(x: margin, y: margin, width: width, height: height), canvas: canvas)
        try CairoOutput.check(cairo_status(cr), "figure \(entry.number)")
        cairo_surface_flush(image.surface)
        return try CairoOutput.png(image.surface, "figure \(entry.number)")
    }

    static func pdf(_ entry: Catalog.FigureEntry, measuring: Canvas) throws -> [UInt8] {
        let (width, height) = size(entry, canvas: measuring)
        let sink = ByteSink()
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width + 2 * margin,
                                                                height + 2 * margin) else {
            throw ReportError("cannot create a PDF surface for figure \(entry.number)")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw ReportError("cannot create a Cairo context") }
        let canvas = Canvas(cr: cr, pixelsPerPoint: nil)
        entry.figure.content.renderer.draw(in: Rect(x: margin, y: margin, width: width, height: height), canvas: canvas)
        cairo_show_page(cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        try CairoOutput.check(status, "figure \(entry.number)")
        cairo_surface_finish(surface)
        try CairoOutput.check(cairo_surface_status(surface), "figure \(entry.number)")
        return sink.bytes
    }
}
