/// A figure is one block: the drawing, then "Figure N." and its caption underneath. The drawing
/// shrinks so the whole block fits on one page.
enum FigureBlocks {
    static let captionGap = 7.0

    /// The drawing's size on the page (and, at print resolution, in its PNG).
    static func drawingHeight(_ entry: Catalog.FigureEntry, caption: CaptionLayout, canvas: Canvas) -> Double {
        let maxHeight = Page.contentHeight - caption.height - captionGap
        return entry.figure.content.renderer.height(width: Page.contentWidth, maxHeight: maxHeight, canvas: canvas)
    }

    static func caption(_ entry: Catalog.FigureEntry, canvas: Canvas) -> CaptionLayout {
        CaptionLayout(label: "Figure \(entry.number).", text: entry.figure.caption, width: Page.contentWidth,
                      canvas: canvas)
    }

    static func block(_ entry: Catalog.FigureEntry, canvas: Canvas) -> Block {
        let caption = caption(entry, canvas: canvas)
        let drawingHeight = drawingHeight(entry, caption: caption, canvas: canvas)
        let renderer = entry.figure.content.renderer
        return Block(height: drawingHeight + captionGap + caption.height, spaceBefore: 16) { canvas, y in
            renderer.draw(in: Rect(x: Page.marginLeft, y: y, width: Page.contentWidth, height: drawingHeight),
                          canvas: canvas)
            caption.draw(x: Page.marginLeft, y: y + drawingHeight + captionGap, canvas: canvas)
        }
    }
}
