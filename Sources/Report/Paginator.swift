/// Stacks blocks onto pages top to bottom, breaking before a block that does not fit.
enum Paginator {
    struct Placed {
        var block: Block
        var y: Double
    }

    static func paginate(_ blocks: [Block], destinations: Destinations) -> [[Placed]] {
        var pages: [[Placed]] = [[]]
        var y = Page.contentTop

        func place(_ block: Block) {
            let space = pages[pages.count - 1].isEmpty ? 0 : block.spaceBefore
            y += space
            pages[pages.count - 1].append(Placed(block: block, y: y))
            if let number = block.headingNumber {
                destinations.places[number] = Destinations.Place(page: pages.count, y: y)
            }
            y += block.height
        }

        func newPage() {
            pages.append([])
            y = Page.contentTop
        }

        for index in blocks.indices {
            let block = blocks[index]
            if block.startsPage && !pages[pages.count - 1].isEmpty {
                newPage()
            }
            let onEmptyPage = pages[pages.count - 1].isEmpty
            let needed = (onEmptyPage ? 0 : block.spaceBefore) + keptHeight(blocks, from: index)
            if y + needed > Page.contentBottom + 0.01 && !onEmptyPage {
                newPage()
                block.continuation.forEach(place)
            }
            place(block)
        }
        destinations.pageCount = pages.count
        return pages
    }

    /// The block's height plus the blocks it must stay with; just its own height when the
    /// whole chain could never fit on one page.
    private static func keptHeight(_ blocks: [Block], from start: Int) -> Double {
        var height = blocks[start].height
        var index = start
        while blocks[index].keepWithNext, index + 1 < blocks.count, !blocks[index + 1].startsPage {
            index += 1
            height += blocks[index].spaceBefore + blocks[index].height
        }
        return height <= Page.contentHeight ? height : blocks[start].height
    }
}
