import DossierCore
import DossierYAML
import Foundation

extension PipelineLoader {
    /// The options with `${NAME}` replaced in every scalar value, reporting each unset variable
    /// (`E230`) or malformed reference (`E235`) at its value.
    ///
    /// Each rewritten scalar keeps its written text in `sourceText`, so that a decoding error
    /// quotes `${NAME}` and never the value; `used` gathers the values taken, for redacting
    /// messages that components build themselves.
    func interpolate(_ node: YAMLNode, used: inout [String: String], report: inout LintReport, ok: inout Bool) -> YAMLNode {
        let interpolation = EnvironmentInterpolation(environment: environment)
        var copy = node
        switch node.content {
        case .scalar(let text, let style):
            guard text.contains("$") else { return node }
            do {
                copy.content = .scalar(try interpolation.apply(text, used: &used), style)
                if EnvironmentInterpolation.refersToVariables(text) { copy.sourceText = text }
            } catch {
                report.error(error.code, error.message, at: node.location)
                ok = false
            }
        case .sequence(let items):
            copy.content = .sequence(items.map { interpolate($0, used: &used, report: &report, ok: &ok) })
        case .mapping(let pairs):
            copy.content = .mapping(pairs.map { (key: $0.key, value: interpolate($0.value, used: &used, report: &report, ok: &ok)) })
        }
        return copy
    }
}

extension EnvironmentInterpolation {
    /// `text` with each value in `used` replaced by a reference to its variable, longest value first,
    /// for messages that components build from option values they were given.
    static func redact(_ text: String, _ used: [String: String]) -> String {
        var result = text
        for (name, value) in used.sorted(by: { $0.value.count > $1.value.count }) where !value.isEmpty {
            result = result.replacingOccurrences(of: value, with: "${\(name)}")
        }
        return result
    }
}
