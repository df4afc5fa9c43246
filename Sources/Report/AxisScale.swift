import Foundation

/// Maps data values to a 0...1 position along an axis, linear or logarithmic, and chooses
/// readable tick positions and labels. This is the only arithmetic the renderers do.
struct AxisScale {
    var lower: Double
    var upper: Double
    var isLog: Bool
    var ticks: [Double]

    /// Fraction along the axis; nil for values a log axis cannot show.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if isLog {
            guard value > 0 else { return nil }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return (value - lower) / (upper - lower)
    }

    func tickLabel(_ value: Double) -> String {
        if isLog {
            // Plain numbers while they stay short, powers of ten otherwise (never a mix).
            let plain = ticks.allSatisfy { $0 >= 0.01 && $0 <= 1000 }
            return plain ? TickLabel.plain(value) : TickLabel.power(value)
        }
        return TickLabel.linear(value, step: ticks.count > 1 ? ticks[1] - ticks[0] : abs(value))
    }

    /// A value axis starting at zero (bars, histogram counts), or spanning the data when negative.
    static func forBars(values: [Double], isLog: Bool) -> AxisScale {
        let finite = values.filter { $0.isFinite }
        if isLog {
            return logScale(finite.filter { $0 > 0 }, padToDecades: true)
        }
        // A little headroom so the tallest bar does not touch the top of the frame.
        let low = min(0, (finite.min() ?? 0) * 1.03)
        let high = max(0, (finite.max() ?? 1) * 1.03)
        guard low.isFinite, high.isFinite else { return linear(finite.min() ?? 0, finite.max() ?? 1) }
        return linearNice(low, high == low ? low + 1 : high)
    }

    /// An axis spanning the data with a small margin (line plots).
    static func forData(values: [Double], isLog: Bool) -> AxisScale {
        let finite = values.filter { $0.isFinite }
        if isLog {
            return logScale(finite.filter { $0 > 0 }, padToDecades: false)
        }
        guard var low = finite.min(), var high = finite.max() else {
            return linearNice(0, 1)
        }
        if low == high {
            let half = low == 0 ? 1 : abs(low) * 0.1
            low -= half
            high += half
        }
        let margin = (high - low) * 0.04
        // Non-negative data keeps zero as the floor instead of dipping just below it.
        let lower = low >= 0 && low - margin < 0 ? 0 : low - margin
        return linear(lower, high + margin)
    }

    /// Exactly lower...upper (histogram bin edges, colour bars) with ticks inside.
    static func linear(_ lower: Double, _ upper: Double) -> AxisScale {
        // Spans near the limits of Double (or not finite) get just their two ends marked.
        guard lower.isFinite, upper.isFinite, (upper - lower).isFinite, upper > lower else {
            let low = lower.isFinite ? lower : -Double.greatestFiniteMagnitude
            let high = upper.isFinite && upper > low ? upper : low + 1
            return AxisScale(lower: low, upper: high.isFinite ? high : low, isLog: false, ticks: [])
        }
        let step = niceStep((upper - lower) / 5)
        guard (upper - lower) / step < 100 else {
            return AxisScale(lower: lower, upper: upper, isLog: false, ticks: [lower, upper])
        }
        var ticks: [Double] = []
        var tick = (lower / step).rounded(.up) * step
        while tick <= upper + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return AxisScale(lower: lower, upper: upper, isLog: false, ticks: ticks)
    }

    /// Extends lower...upper outwards to whole tick steps.
    private static func linearNice(_ lower: Double, _ upper: Double) -> AxisScale {
        let step = niceStep((upper - lower) / 5)
        let low = (lower / step).rounded(.down) * step
        let high = (upper / step).rounded(.up) * step
        return linear(low, high == low ? low + step : high)
    }

    private static func logScale(_ positive: [Double], padToDecades: Bool) -> AxisScale {
        guard let low = positive.min(), let high = positive.max() else {
            return AxisScale(lower: 1, upper: 10, isLog: true, ticks: [1, 10])
        }
        // Stay inside what a Double can hold as a power of ten.
        var lowExponent = max(log10(low).rounded(.down), -300)
        var highExponent = min(log10(high).rounded(.up), 300)
        if highExponent <= lowExponent { highExponent = lowExponent + 1 }
        let lower: Double
        let upper: Double
        if padToDecades {
            lower = pow(10, lowExponent)
            upper = pow(10, highExponent)
        } else {
            let span = log10(high) - log10(low)
            let margin = max(span, 0.3) * 0.04
            lower = pow(10, max(log10(low) - margin, -300))
            upper = pow(10, min(log10(high) + margin, 300))
            lowExponent = log10(lower).rounded(.up)
            highExponent = log10(upper).rounded(.down)
        }
        var ticks: [Double] = []
        var exponent = lowExponent
        // Many decades: label every k-th power so there are at most about ten ticks.
        let decadeStep = max(1, ((highExponent - lowExponent) / 10).rounded(.up))
        while exponent <= highExponent {
            ticks.append(pow(10, exponent))
            exponent += decadeStep
        }
        // Up to two and a half decades: add 2× and 5× marks so the axis is not bare.
        if log10(upper / lower) <= 2.5 {
            var marks: [Double] = []
            var base = pow(10, log10(lower).rounded(.down))
            while base <= upper {
                marks += [1, 2, 5].map { $0 * base }
                base *= 10
            }
            ticks = marks.filter { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) }
        }
        return AxisScale(lower: lower, upper: upper, isLog: true, ticks: ticks)
    }

    /// 1, 2 or 5 times a power of ten.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, log10(raw).rounded(.down))
        let normalized = raw / magnitude
        let factor: Double = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10
        return factor * magnitude
    }
}

/// Tick label text.
enum TickLabel {
    /// Enough decimals to tell neighbouring ticks apart; × 10ⁿ form for very small or large values.
    static func linear(_ value: Double, step: Double) -> String {
        guard value.isFinite, step.isFinite else { return "" }
        if value == 0 { return "0" }
        let stepExponent = Int(log10(max(step, 1e-300)).rounded(.down))
        let valueExponent = Int(log10(abs(value)).rounded(.down))
        if stepExponent < -3 || valueExponent >= 6 {
            let digits = max(1, valueExponent - stepExponent + 1)
            return trimmedScientific(value, significantDigits: digits)
        }
        return NumberText.fixed(value, decimals: max(0, -stepExponent))
    }

    /// 10ⁿ for powers of ten, m × 10ⁿ in between.
    static func power(_ value: Double) -> String {
        let exponent = log10(value)
        if abs(exponent - exponent.rounded()) < 1e-9 {
            return "10" + NumberText.superscript(Int(exponent.rounded()))
        }
        return trimmedScientific(value, significantDigits: 1)
    }

    /// A log-axis tick between 0.01 and 1000 with just the decimals it needs.
    static func plain(_ value: Double) -> String {
        let exponent = Int(log10(value).rounded(.down))
        return NumberText.fixed(value, decimals: max(0, -exponent))
    }

    private static func trimmedScientific(_ value: Double, significantDigits: Int) -> String {
        let text = NumberText.scientific(value, significantDigits: significantDigits)
        // "2.0 × 10⁻⁴" reads better as "2 × 10⁻⁴".
        guard let times = text.range(of: " × ") else { return text }
        var mantissa = String(text[..<times.lowerBound])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + text[times.lowerBound...]
    }
}
