import CCairo

/// An owned Cairo image surface holding pixels to paint (photos, heatmap cells).
final class CairoImage {
    let surface: OpaquePointer
    let width: Int
    let height: Int

    /// Nil when Cairo cannot allocate the surface.
    init?(width: Int, height: Int, format: cairo_format_t = CAIRO_FORMAT_RGB24) {
        guard width > 0, height > 0, width <= 32767, height <= 32767,
              let surface = cairo_image_surface_create(format, Int32(width), Int32(height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        self.surface = surface
        self.width = width
        self.height = height
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    /// Copies an RGB8 image; nil when the image's size is inconsistent or too large.
    convenience init?(_ image: RGBImage) {
        guard image.problem == nil else { return nil }
        self.init(width: image.width, height: image.height)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let width = image.width
        // A plain loop over raw pointers: photos have millions of pixels and are drawn three times.
        image.pixels.withUnsafeBufferPointer { source in
            guard let bytes = source.baseAddress else { return }
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var offset = y * width * 3
                for x in 0..<width {
                    row[x] = (UInt32(bytes[offset]) << 16) | (UInt32(bytes[offset + 1]) << 8) | UInt32(bytes[offset + 2])
                    offset += 3
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// Sets every pixel to 0x00RRGGBB (RGB24 keeps the top byte unused).
    func fill(_ pixel: (_ x: Int, _ y: Int) -> UInt32) {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<height {
            let row = (data + y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
            for x in 0..<width {
                row[x] = pixel(x, y)
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// Paints the image stretched into rect: nearest-neighbour when enlarged (pixels stay sharp,
    /// also in PDF viewers), smooth when reduced. For PDF output, images much larger than
    /// 300 dpi at their drawn size are reduced first so the file stays small.
    func draw(in rect: Rect, on canvas: Canvas) {
        guard rect.width > 0, rect.height > 0 else { return }
        let devicePixelsPerPoint = canvas.pixelsPerPoint ?? (300.0 / 72.0)
        let neededWidth = rect.width * devicePixelsPerPoint
        if canvas.pixelsPerPoint == nil, Double(width) > neededWidth * 1.5,
           let reduced = reduced(toWidth: Int(neededWidth.rounded(.up))) {
            reduced.draw(in: rect, on: canvas)
            return
        }
        let enlarged = rect.width * devicePixelsPerPoint >= Double(width) - 0.5
        let cr = canvas.cr
        canvas.save()
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(cr, surface, 0, 0)
        let pattern = cairo_get_source(cr)
        cairo_pattern_set_filter(pattern, enlarged ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_rectangle(cr, 0, 0, Double(width), Double(height))
        cairo_fill(cr)
        canvas.restore()
    }

    private func reduced(toWidth newWidth: Int) -> CairoImage? {
        let newHeight = max(1, Int((Double(height) * Double(newWidth) / Double(width)).rounded()))
        guard let target = CairoImage(width: newWidth, height: newHeight), let cr = cairo_create(target.surface) else {
            return nil
        }
        defer { cairo_destroy(cr) }
        cairo_scale(cr, Double(newWidth) / Double(width), Double(newHeight) / Double(height))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        cairo_paint(cr)
        cairo_surface_flush(target.surface)
        return target
    }
}
