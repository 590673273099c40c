import ArgumentParser
import Dossier

/// How `dossier lint` prints problems: Dossier's own form, or one line each as compilers do.
///
/// `gcc` is the form Xcode, SwiftPM, editors' problem matchers and Emacs' compilation mode read:
/// `file:line:col: error: message [E102]`, with no source excerpt. The build-tool plugin uses it
/// so that a broken pipeline file shows up in the editor at the offending value.
enum DiagnosticsFormat: String, CaseIterable, ExpressibleByArgument {
    /// `file:line:col: error[E102]: message`, the source line and a caret under the value.
    case dossier
    /// `file:line:col: error: message [E102]`, one line each; notes follow as `note:` lines.
    case gcc

    /// Every diagnostic of `report` in this format.
    func render(_ report: LintReport, color: Bool) -> String {
        switch self {
        case .dossier: return report.render(color: color)
        case .gcc: return report.diagnostics.map(Self.gccLines).joined()
        }
    }

    /// One diagnostic as `file:line:col: severity: message [CODE]`, and its notes as `note:` lines
    /// at their own location (or the diagnostic's, so a matcher keeps them together).
    static func gccLines(_ d: Diagnostic) -> String {
        var text = line(d.location, d.severity.rawValue, "\(d.message) [\(d.code)]")
        for note in d.notes { text += line(note.location ?? d.location, "note", note.message) }
        return text
    }

    private static func line(_ location: SourceLocation?, _ severity: String, _ message: String) -> String {
        (location.map { "\($0): " } ?? "") + "\(severity): " + message.replacingOccurrences(of: "\n", with: " ") + "\n"
    }
}
