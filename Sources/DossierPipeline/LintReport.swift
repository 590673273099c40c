public import DossierCore

/// Every problem found in a pipeline, with the text of the files they point into.
///
/// Thrown by `PipelineLoader` when any problem is an error; `render` prints each as
/// `file:line:col: error[CODE]: message` followed by the source line and a caret.
public struct LintReport: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]
    /// The text of every file the pipeline was read from, by path, for rendering source lines.
    public var sources: [String: String]

    /// Creates a report.
    public init(diagnostics: [Diagnostic] = [], sources: [String: String] = [:]) {
        self.diagnostics = diagnostics
        self.sources = sources
        added = Set(diagnostics)
    }

    /// What `add` has taken, to drop a repeat in constant time: a file with thousands of bad
    /// entries would otherwise cost a scan of the whole list per problem.
    private var added: Set<Diagnostic> = []

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The number of errors.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// Every diagnostic rendered with its source line and caret.
    public func render(color: Bool = false) -> String {
        DiagnosticRenderer(sources: sources, color: color).render(diagnostics)
    }

    public var description: String { render() }

    mutating func add(_ diagnostic: Diagnostic) {
        guard added.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    mutating func error(
        _ code: String, _ message: String, at location: SourceLocation?, end: SourceLocation? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        var d = Diagnostic(.error, code: code, message, at: location, notes: notes)
        d.end = end
        add(d)
    }

    mutating func warning(_ code: String, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        add(Diagnostic(.warning, code: code, message, at: location, notes: notes))
    }

    /// The files in the order they were read (the linted file first, then what it extends), to
    /// order diagnostics by file.
    var fileOrder: [String] = []

    /// Sorts the diagnostics by file (in reading order), then line and column, keeping unlocated ones last.
    mutating func sort() {
        // One rank per file, so the order is total even when diagnostics of several files interleave.
        var rank: [String: Int] = [:]
        for (i, file) in fileOrder.enumerated() where rank[file] == nil { rank[file] = i }
        var next = fileOrder.count
        for d in diagnostics {
            if let file = d.location?.file, rank[file] == nil {
                rank[file] = next
                next += 1
            }
        }
        diagnostics = diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (let l?, let r?):
                return (rank[l.file]!, l.line, l.column, a.offset) < (rank[r.file]!, r.line, r.column, b.offset)
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            }
        }.map(\.element)
    }
}
