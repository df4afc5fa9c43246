import CCairo

/// Collects the bytes Cairo streams out (PDF documents, PNG files) in memory, so nothing
/// reaches the disk until every output is complete.
final class ByteSink {
    var bytes: [UInt8] = []

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let data, length > 0 {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }
}

enum CairoOutput {
    static func check(_ status: cairo_status_t, _ what: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReportError("cannot draw \(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }

    /// Encodes an image surface as PNG bytes.
    static func png(_ surface: OpaquePointer, _ what: String) throws -> [UInt8] {
        let sink = ByteSink()
        try check(cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure), what)
        return sink.bytes
    }

    /// A context for measuring text before anything is drawn (unhinted, like the PDF surface).
    static func measuringCanvas() throws -> (canvas: Canvas, release: () -> Void) {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else {
            throw ReportError("cannot create a Cairo surface")
        }
        try check(cairo_surface_status(surface), "a measuring surface")
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw ReportError("cannot create a Cairo context")
        }
        return (Canvas(cr: cr, pixelsPerPoint: nil), {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        })
    }
}
