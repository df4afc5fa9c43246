/// Rows × columns of images with row and column labels, e.g. seeds down, parent / child across.
public struct ImageGrid: Sendable, Equatable {
    /// images[row][column]; every row has the same number of images.
    public var images: [[RGBImage]]
    /// Empty, or one per row.
    public var rowLabels: [String]
    /// Empty, or one per column.
    public var columnLabels: [String]
    /// Names what varies down the rows, drawn vertically at the left.
    public var rowAxisTitle: String?
    /// Names what varies across the columns, drawn above the column labels.
    public var columnAxisTitle: String?

    public init(images: [[RGBImage]], rowLabels: [String] = [], columnLabels: [String] = [],
                rowAxisTitle: String? = nil, columnAxisTitle: String? = nil) {
        self.images = images
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.rowAxisTitle = rowAxisTitle
        self.columnAxisTitle = columnAxisTitle
    }

    var rowCount: Int { images.count }
    var columnCount: Int { images.first?.count ?? 0 }
}
