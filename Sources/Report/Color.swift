/// An sRGB colour with alpha, components in 0...1.
struct Color: Equatable {
    var red: Double
    var green: Double
    var blue: Double
    var alpha: Double = 1

    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// From 0xRRGGBB.
    init(hex: UInt32, alpha: Double = 1) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
        self.alpha = alpha
    }

    func withAlpha(_ newAlpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: newAlpha)
    }

    /// Linear mix: 0 gives self, 1 gives other.
    func mixed(with other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    /// Relative luminance, to choose black or white text on a coloured cell.
    var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

    /// "#rrggbb" for CSS.
    var cssHex: String {
        let parts = [red, green, blue].map { component -> String in
            let byte = Int((max(0, min(1, component)) * 255).rounded())
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + parts.joined()
    }
}

/// The report's colours in one place so PDF, PNG and HTML agree.
enum Theme {
    static let text = Color(hex: 0x1A202C)
    static let mutedText = Color(hex: 0x5A6472)
    static let faintText = Color(hex: 0x8A93A0)
    static let accent = Color(hex: 0x2B5C9E)
    static let rule = Color(hex: 0xD5DAE1)
    static let grid = Color(hex: 0xE6E9EE)
    static let axis = Color(hex: 0x4A5260)
    static let panel = Color(hex: 0xF4F6F9)
    static let tableStripe = Color(hex: 0xF7F8FA)
    static let missingCell = Color(hex: 0xC8CCD2)

    /// Qualitative series colours: Okabe–Ito first (readable by colour-blind readers, no pale
    /// yellow), then darker distinct hues so up to twelve series never share a colour.
    static let series: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xD55E00),
        Color(hex: 0x56B4E9), Color(hex: 0xCC79A7), Color(hex: 0x4D4D4D), Color(hex: 0xB59A00),
        Color(hex: 0x882255), Color(hex: 0x332288), Color(hex: 0x44AA99), Color(hex: 0x8C6D31),
    ]

    static func seriesColor(_ index: Int) -> Color {
        series[index % series.count]
    }

    static func alertColors(_ level: AlertLevel) -> (background: Color, bar: Color, title: Color) {
        switch level {
        case .info: return (Color(hex: 0xEAF2FB), Color(hex: 0x3A78C3), Color(hex: 0x24568F))
        case .warning: return (Color(hex: 0xFFF6E0), Color(hex: 0xD49A1A), Color(hex: 0x8A5A00))
        case .error: return (Color(hex: 0xFDECEC), Color(hex: 0xC9302C), Color(hex: 0xA01F1B))
        }
    }
}
