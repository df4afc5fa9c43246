/// A piece of a PDF page that is never split: a line of prose, a table row, a whole figure.
/// Layout turns cells into blocks; pagination stacks blocks onto pages; drawing runs each
/// block's closure at its place. Blocks span the page's content column.
struct Block {
    var height: Double
    /// Vertical space above the block, dropped at the top of a page.
    var spaceBefore: Double = 0
    /// Moves to the next page together with the following block (headings, captions, header rows).
    var keepWithNext = false
    var startsPage = false
    /// Placed first when this block opens a new page (a table's repeated header).
    var continuation: [Block] = []
    /// The heading number this block starts, so the contents and outline can point to it.
    var headingNumber: Int?
    /// Draws the block with its top at y.
    var draw: (Canvas, _ y: Double) -> Void
}

/// Where each heading landed, filled in by pagination and read when the contents page is drawn.
final class Destinations {
    struct Place {
        var page: Int
        var y: Double
    }

    var places: [Int: Place] = [:]
    var pageCount = 0
}
