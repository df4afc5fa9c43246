/// A numbered figure. The renderer prefixes the caption with "Figure N.", writes
/// figures/figNN-name.png (and .pdf) and the plotted values to data/figNN-name.csv or .json.
public struct Figure: Sendable {
    /// Short file-name stem, e.g. "layer-distances"; anything outside [a-z0-9-] is replaced.
    public var name: String
    /// Says what the rows, columns and axes show.
    public var caption: String
    public var content: FigureContent

    public init(name: String, caption: String, content: FigureContent) {
        self.name = name
        self.caption = caption
        self.content = content
    }
}

public enum FigureContent: Sendable {
    case imageGrid(ImageGrid)
    case barChart(BarChart)
    case linePlot(LinePlot)
    case heatmap(Heatmap)
    case histogram(Histogram)

    /// The kind's name in report.json.
    var kindName: String {
        switch self {
        case .imageGrid: return "imageGrid"
        case .barChart: return "barChart"
        case .linePlot: return "linePlot"
        case .heatmap: return "heatmap"
        case .histogram: return "histogram"
        }
    }
}
