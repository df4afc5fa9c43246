/// Text taken from a file (zip entry names, pickle strings, dictionary keys) ends up in error
/// messages. Escaping it keeps every message on one line and stops a crafted file from sending
/// terminal control sequences or reordering text (bidi overrides) when the message is printed.
extension String {
    /// Messages longer than this are cut (a file can name a key of a megabyte).
    static let maximumMessageLength = 2000

    /// The text with control, line-separator and bidi-control characters written as `\u{XX}`
    /// escapes, cut to `maximumMessageLength` characters.
    public var escapedForMessage: String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in unicodeScalars {
            let unsafe = scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator
                || scalar.properties.isBidiControl
            let piece = unsafe ? "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars : String(scalar).unicodeScalars
            guard count + piece.count <= Self.maximumMessageLength else {
                out.append(contentsOf: "…".unicodeScalars)
                break
            }
            out.append(contentsOf: piece)
            count += piece.count
        }
        return String(out)
    }
}
