import DossierCore
import DossierYAML

extension PipelineFileParser {
    /// Whether `to:` holds text: a plain `5`, `true` or `1.5` is a number or a flag, not a path, and
    /// is reported (`E234`) rather than taken as a file name.
    func checkOutputIsString(_ node: YAMLNode, report: inout LintReport) -> Bool {
        guard node.style == .plain, node.tag == nil, !node.isNull else { return true }
        let kind: String
        if node.bool != nil {
            kind = "the boolean"
        } else if node.int != nil || node.double != nil {
            kind = "the number"
        } else {
            return true
        }
        let text = node.scalar ?? ""
        report.error(
            "E234",
            "'to' must be 'stdout' or a path such as 'out/{id}.json', found \(kind) \(text.quotedExcerpt); "
                + "put it in quotes to use it as a file name", at: node.location)
        return false
    }

    /// Reports an empty path (`E231`), a `{` without its `}` or a `}` without its `{` (`E233`), and
    /// placeholders that do not exist (`E231`), all at the value.
    ///
    /// `raw` is the path after `${NAME}` substitution and `written` the path as written: a message
    /// quotes only the written form, so a variable's value is never shown.
    func checkOutputPath(_ raw: String, written: String, at location: SourceLocation, report: inout LintReport) {
        if raw.isEmpty {
            report.error("E231", "'to' must be 'stdout' or a path such as 'out/{id}.json'", at: location)
            return
        }
        let substituted = raw != written
        let shown = written.quotedExcerpt + (substituted ? " (once its variables are replaced)" : "")
        if let problem = Self.braceProblem(in: raw) {
            report.error("E233", "output path \(shown) has \(problem); write placeholders as '{id}', '{index}' and so on", at: location)
            return
        }
        let placeholderList = "placeholders: " + OutputTarget.placeholders.map { "{\($0)}" }.joined(separator: ", ")
        for name in OutputTarget.unknownPlaceholders(in: raw) {
            if written.contains("{\(name)}") {
                let hint = Suggestions.hint(name, among: OutputTarget.placeholders)
                report.error(
                    "E231", "unknown placeholder \("{\(name)}".quotedExcerpt) in output path\(hint)", at: location,
                    notes: [Diagnostic.Note(placeholderList)])
            } else {
                report.error(
                    "E231", "output path \(shown) brings in an unknown placeholder from a variable's value", at: location,
                    notes: [Diagnostic.Note(placeholderList)])
            }
        }
    }

    /// What is wrong with the braces of a path template, or nil when every `{` has its `}`.
    static func braceProblem(in template: String) -> String? {
        var open = false
        for character in template {
            switch character {
            case "{":
                if open { return "a '{' that is not closed before the next '{'" }
                open = true
            case "}":
                if !open { return "a '}' with no '{' before it" }
                open = false
            default:
                break
            }
        }
        return open ? "a '{' that is not closed" : nil
    }
}
