/// Draws one kind of figure. The same instance sizes the figure for the page and draws it into
/// a rectangle on any Cairo surface (PDF page, PNG file), so both outputs look the same.
protocol FigureRenderer {
    /// Height at this width, at most maxHeight (figures shrink to fit a page, never split).
    func height(width: Double, maxHeight: Double, canvas: Canvas) -> Double
    func draw(in rect: Rect, canvas: Canvas)
}

extension FigureContent {
    var renderer: FigureRenderer {
        switch self {
        case .imageGrid(let grid): return ImageGridRenderer(grid: grid)
        case .barChart(let chart): return BarChartRenderer(chart: chart)
        case .linePlot(let plot): return LinePlotRenderer(plot: plot)
        case .heatmap(let heatmap): return HeatmapRenderer(heatmap: heatmap)
        case .histogram(let histogram): return HistogramRenderer(histogram: histogram)
        }
    }
}

/// Plots of values against axes (bars, lines, histograms) take a plot area about 0.4 of
/// their width tall.
enum PlotProportions {
    static let plotHeightPerWidth = 0.4
    /// A figure with nothing to plot only says so.
    static let emptyHeight = 40.0

    static func plotHeight(width: Double) -> Double {
        width * plotHeightPerWidth
    }
}

extension Canvas {
    /// The figure's placeholder when there is nothing to draw.
    func noData(in rect: Rect) {
        text("no data", x: rect.midX, middle: rect.midY, FigureFonts.message, align: .center)
    }
}
