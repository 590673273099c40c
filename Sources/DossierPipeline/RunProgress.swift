/// How far a run has got, reported after each input is finished.
public struct RunProgress: Sendable {
    /// Inputs finished so far.
    public var finished: Int
    /// Inputs in the run, when known (not for a stream).
    public var total: Int?
    /// Articles that failed so far.
    public var failed: Int
    /// The input just finished.
    public var current: String
}
