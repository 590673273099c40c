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
    ///
    /// Placeholders are expanded in one pass, so a value that itself holds `{index}` stays as it
    /// is. Pass an id made safe with `SafeFileName.component(_:)`: the id comes from article data.
    public func path(id: String, index: Int, pipeline: String, exporter: String, ext: String) -> String? {
        guard case .path(let template) = self else { return nil }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let value: String? =
                switch rest[rest.index(after: open)..<close] {
                case "id": id
                case "index": String(index)
                case "pipeline": pipeline
                case "exporter": exporter
                case "ext": ext
                default: nil
                }
            result += value ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The folder every path of this target stays in: the template's folders before its first
    /// placeholder that differs between articles (`{id}`, `{index}`), with the ones every article
    /// shares expanded, so `out/{pipeline}/{id}.html` stays in `out/<pipeline>` (empty for the
    /// output folder itself).
    func fixedFolder(pipeline: String, exporter: String, ext: String) -> String? {
        guard case .path(let template) = self else { return nil }
        var head = ""
        var rest = Substring(template)
        scan: while let open = rest.firstIndex(of: "{") {
            head += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            switch rest[rest.index(after: open)..<close] {
            case "pipeline": head += pipeline
            case "exporter": head += exporter
            case "ext": head += ext
            default:
                rest = rest[open..<open]
                break scan
            }
            rest = rest[rest.index(after: close)...]
        }
        head += rest
        guard let slash = head.lastIndex(of: "/") else { return "" }
        return slash == head.startIndex ? "/" : String(head[..<slash])
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
