/// Lines through (x, y) points with optional markers; NaN or, on log axes, non-positive
/// values break the line.
struct LinePlotRenderer: FigureRenderer {
    let plot: LinePlot

    private var hasData: Bool { plot.series.contains { !$0.x.isEmpty } }

    private var xScale: AxisScale {
        AxisScale.forData(values: plot.series.flatMap { $0.x }, isLog: plot.xLogScale)
    }

    private var yScale: AxisScale {
        AxisScale.forData(values: plot.series.flatMap { $0.y }, isLog: plot.yLogScale)
    }

    private var legend: Legend {
        guard plot.series.count > 1 else { return Legend(entries: []) }
        return Legend(entries: plot.series.enumerated().map {
            Legend.Entry(name: $0.element.name, color: Theme.seriesColor($0.offset), mark: .line)
        })
    }

    func height(width: Double, maxHeight: Double, canvas: Canvas) -> Double {
        guard hasData else { return min(PlotProportions.emptyHeight, maxHeight) }
        let total = XYFrame.height(width: width, plotHeight: PlotProportions.plotHeight(width: width),
                                   xAxis: .numeric(xScale), yScale: yScale, xLabel: plot.xLabel,
                                   yLabel: plot.yLabel, legend: legend, canvas: canvas)
        return min(total, maxHeight)
    }

    func draw(in rect: Rect, canvas: Canvas) {
        guard hasData else {
            canvas.noData(in: rect)
            return
        }
        let frame = XYFrame(in: rect, xAxis: .numeric(xScale), yScale: yScale, xLabel: plot.xLabel,
                            yLabel: plot.yLabel, legend: legend, canvas: canvas)
        frame.drawGrid(canvas: canvas)
        canvas.save()
        // Markers may poke out a little; lines stay inside.
        canvas.clip(Rect(x: frame.plot.x - 3, y: frame.plot.y - 3, width: frame.plot.width + 6,
                         height: frame.plot.height + 6))
        for (index, series) in plot.series.enumerated() {
            let color = Theme.seriesColor(index)
            let points: [(Double, Double)?] = zip(series.x, series.y).map { x, y in
                guard let px = frame.x(x), let py = frame.y(y) else { return nil }
                return (px, py)
            }
            canvas.polyline(points, color, width: 1.4)
            if series.showsMarkers {
                for case let (x, y)? in points {
                    canvas.circle(x: x, y: y, radius: 1.9, fill: color, outline: .init(hex: 0xFFFFFF))
                }
            }
        }
        canvas.restore()
        frame.drawAxes(canvas: canvas)
    }
}
