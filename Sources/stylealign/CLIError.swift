/// A one-line error for the user; the message names the file at fault where there is one.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, prefixing errors that do not name a file with `path`.
func withFileContext<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CLIError {
        throw error
    } catch {
        let text = "\(error)"
        throw CLIError(text.hasPrefix(path) ? text : "\(path): \(text)")
    }
}
