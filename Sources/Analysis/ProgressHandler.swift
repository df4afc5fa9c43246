/// Called after each unit of work (an image batch): how many units are done out of how many.
/// The CLI draws a progress bar from it; tests pass nothing.
public typealias ProgressHandler = (_ done: Int, _ total: Int) -> Void
