public import DossierCore

/// What a run did: counts, the problems per article, and the files it wrote.
public struct RunSummary: Sendable {
    /// Inputs taken.
    public var inputs = 0
    /// Articles read and fully processed.
    public var succeeded = 0
    /// Articles (or inputs that yielded none) that failed.
    public var failed = 0
    /// Bytes read from inputs.
    public var bytesRead = 0
    /// Files written, in the order they were completed.
    public var written: [String] = []
    /// One diagnostic per failed article or input, in input order.
    public var diagnostics: [Diagnostic] = []
    /// Wall-clock seconds.
    public var seconds: Double = 0

    /// Creates an empty summary.
    public init() {}

    /// Whether every article went through.
    public var allSucceeded: Bool { failed == 0 }

    /// The one line that closes a run: `12 articles: 11 done, 1 failed, 3 files written in 0.41 s`.
    public var line: String {
        let total = succeeded + failed
        var s = "\(total) article\(total == 1 ? "" : "s"): \(succeeded) done, \(failed) failed"
        if !written.isEmpty { s += ", \(written.count) file\(written.count == 1 ? "" : "s") written" }
        s += String(format: " in %.2f s", seconds)
        return s
    }
}

import Foundation
