import Foundation

/// Where an exporter's output goes.
public enum OutputTarget: Hashable, Sendable, CustomStringConvertible {
    /// Standard output, in input order.
    case stdout
    /// A path template. With a placeholder (`{id}`, `{index}`) each article gets its own file;
    /// without one, every article's output is appended, in input order, to one file.
    case path(String)

    /// The placeholders a path template may use.
    public static let placeholders = ["id", "index", "pipeline", "exporter", "ext"]

    /// Whether each article gets a file of its own.
    public var isPerArticle: Bool {
        guard case .path(let template) = self else { return false }
        // Only these differ between articles; {pipeline}, {exporter} and {ext} are the same for all.
        return template.contains("{id}") || template.contains("{index}")
    }

    /// The path for one article.
    public func path(id: String, index: Int, pipeline: String, exporter: String, ext: String) -> String? {
        guard case .path(let template) = self else { return nil }
        return template
            .replacingAll("{id}", with: id)
            .replacingAll("{index}", with: String(index))
            .replacingAll("{pipeline}", with: pipeline)
            .replacingAll("{exporter}", with: exporter)
            .replacingAll("{ext}", with: ext)
    }

    /// The placeholders in `template` that are not known, such as `{name}`.
    static func unknownPlaceholders(in template: String) -> [String] {
        var unknown: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholders.contains(name) { unknown.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return unknown
    }

    public var description: String {
        switch self {
        case .stdout: "stdout"
        case .path(let p): p
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
