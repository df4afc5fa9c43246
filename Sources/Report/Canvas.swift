import CCairo

/// How a piece of text is set. Sizes are in points.
struct FontStyle {
    enum Family { case sans, mono }

    var size: Double
    var bold = false
    var italic = false
    var family = Family.sans
    var color = Theme.text

    /// Baseline-to-baseline distance for wrapped text.
    var lineHeight: Double { size * 1.38 }
}

enum TextAlignment {
    case left, center, right
}

/// A thin layer over a Cairo context: every drawing routine in the module goes through it,
/// so the same code draws a PDF page (points) and a PNG figure (points scaled to pixels).
final class Canvas {
    let cr: OpaquePointer
    /// Device pixels per point when drawing into pixels; nil for a vector (PDF) surface.
    let pixelsPerPoint: Double?
    private var currentFont: (size: Double, bold: Bool, italic: Bool, family: FontStyle.Family)?

    init(cr: OpaquePointer, pixelsPerPoint: Double?) {
        self.cr = cr
        self.pixelsPerPoint = pixelsPerPoint
        // Unhinted metrics make text measure the same on image and PDF surfaces, so a layout
        // made once fits both.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    // MARK: text

    func setFont(_ font: FontStyle) {
        if let current = currentFont, current.size == font.size, current.bold == font.bold,
           current.italic == font.italic, current.family == font.family {
            return
        }
        let face = font.family == .mono ? "DejaVu Sans Mono" : "DejaVu Sans"
        cairo_select_font_face(cr, face, font.italic ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, font.size)
        currentFont = (font.size, font.bold, font.italic, font.family)
    }

    /// Advance width of a single line of text.
    func width(_ text: String, _ font: FontStyle) -> Double {
        setFont(font)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// Height above the baseline of capital letters, for centring text vertically.
    func capHeight(_ font: FontStyle) -> Double {
        font.size * 0.73
    }

    /// Draws one line with its baseline at y.
    func text(_ text: String, x: Double, baseline y: Double, _ font: FontStyle, align: TextAlignment = .left) {
        guard !text.isEmpty else { return }
        // One line only: control characters would show as boxes.
        let text = text.contains(where: { $0.isNewline || $0 == "\t" })
            ? String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : text
        setFont(font)
        var left = x
        switch align {
        case .left: break
        case .center: left -= width(text, font) / 2
        case .right: left -= width(text, font)
        }
        setColor(font.color)
        cairo_move_to(cr, left, y)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
    }

    /// Draws one line centred vertically on y.
    func text(_ text: String, x: Double, middle y: Double, _ font: FontStyle, align: TextAlignment = .left) {
        self.text(text, x: x, baseline: y + capHeight(font) / 2, font, align: align)
    }

    /// Draws text rotated a quarter turn anticlockwise (reading upwards), centred on (x, y).
    func verticalText(_ text: String, centerX x: Double, centerY y: Double, _ font: FontStyle) {
        save()
        cairo_translate(cr, x, y)
        cairo_rotate(cr, -Double.pi / 2)
        self.text(text, x: 0, middle: 0, font, align: .center)
        restore()
    }

    /// Draws text rotated by `angle` radians (negative = anticlockwise) around its anchor, with its
    /// end (right alignment) at (x, y) and vertical centre on the baseline direction.
    func rotatedText(_ text: String, x: Double, y: Double, angle: Double, _ font: FontStyle, align: TextAlignment) {
        save()
        cairo_translate(cr, x, y)
        cairo_rotate(cr, angle)
        self.text(text, x: 0, middle: 0, font, align: align)
        restore()
    }

    // MARK: shapes

    func setColor(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    func fill(_ rect: Rect, _ color: Color) {
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func fillRounded(_ rect: Rect, radius: Double, _ color: Color) {
        roundedPath(rect, radius: radius)
        setColor(color)
        cairo_fill(cr)
    }

    func stroke(_ rect: Rect, _ color: Color, lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: Color, width: Double,
              dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_dash(cr, dash, Int32(dash.count), 0)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    /// Strokes connected runs of points; nil entries break the line.
    func polyline(_ points: [(Double, Double)?], _ color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        var drawing = false
        for point in points {
            guard let (x, y) = point else {
                drawing = false
                continue
            }
            if drawing { cairo_line_to(cr, x, y) } else { cairo_move_to(cr, x, y) }
            drawing = true
        }
        cairo_stroke(cr)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    /// Fills a closed polygon; one path, so translucent fills show no seams between parts.
    func fillPolygon(_ points: [(Double, Double)], _ color: Color) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.0, first.1)
        for point in points.dropFirst() { cairo_line_to(cr, point.0, point.1) }
        cairo_close_path(cr)
        setColor(color)
        cairo_fill(cr)
    }

    func circle(x: Double, y: Double, radius: Double, fill: Color, outline: Color? = nil) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        setColor(fill)
        if let outline {
            cairo_fill_preserve(cr)
            setColor(outline)
            cairo_set_line_width(cr, 0.6)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    func clip(_ rect: Rect) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    func save() { cairo_save(cr) }
    func restore() {
        cairo_restore(cr)
        // restore brings back the font that was set at save time.
        currentFont = nil
    }

    private func roundedPath(_ rect: Rect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, rect.maxX - r, rect.y + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
        cairo_arc(cr, rect.x + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, rect.x + r, rect.y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }
}

struct Rect {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

extension Canvas {
    /// Makes rect a PDF link to a place in the document; other surfaces ignore it.
    func link(_ rect: Rect, toPage page: Int, y: Double) {
        let attributes = "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] page=\(page) pos=[\(Page.marginLeft) \(y)]"
        cairo_tag_begin(cr, "Link", attributes)
        cairo_tag_end(cr, "Link")
    }
}
