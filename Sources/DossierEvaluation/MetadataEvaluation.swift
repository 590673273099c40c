public import DossierCore
public import Foundation

/// Page metadata against expected values: `DIR/<case>/source.html` read by a reader chosen by id
/// (`html` by default) and `DIR/<case>/expected-metadata.json`.
///
/// Each field is compared to ignore formatting but not content: title equal after collapsing
/// whitespace; byline either containing the other, ignoring case, whitespace and a leading "By",
/// or every name found appearing in the expected byline; siteName and lang equal ignoring case;
/// publishedTime the same calendar date (the expected values mix time zones and precisions).
public struct MetadataEvaluation: Sendable {
    /// The fields compared, in the order they are reported.
    public static let fields = ["title", "byline", "siteName", "publishedTime", "lang"]

    /// How many pages had each field, how many matched, and the misses.
    public struct Result: Sendable {
        /// How many cases were found.
        public var pages = 0
        /// Per field, how many cases expect a value.
        public var expected: [String: Int] = [:]
        /// Per field, how many of those matched.
        public var matched: [String: Int] = [:]
        /// `case field: expected '…', got '…'` for each miss.
        public var misses: [String] = []
    }

    /// The reader under evaluation.
    public let reader: any Reader

    /// Evaluates `reader`.
    public init(reader: any Reader) {
        self.reader = reader
    }

    /// Evaluates the reader `readerID` of `registry`, created with its default options.
    public init(registry: Registry, readerID: String = "html") throws {
        reader = try ExtractionEvaluation.reader(readerID, in: registry)
    }

    /// Reads every case of `directory` in name order.
    public func run(directory: URL) throws -> Result {
        let cases: [String]
        do {
            cases = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().filter {
                FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).appendingPathComponent("source.html").path)
            }
        } catch {
            throw EvaluationError(
                code: "E466",
                "cannot list cases in '\(directory.path)': \(error.localizedDescription); give the folder holding <case>/source.html")
        }
        var result = Result()
        result.pages = cases.count
        for name in cases {
            let folder = directory.appendingPathComponent(name)
            guard let expectedData = try? Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")),
                let expected = try? JSONSerialization.jsonObject(with: expectedData) as? [String: Any],
                let source = try? Data(contentsOf: folder.appendingPathComponent("source.html"))
            else { continue }
            let document = try? reader.read(Input(id: name, name: name + "/source.html", data: source)).first
            let m = document?.metadata ?? Metadata()
            let got: [String: String?] = [
                "title": m.title, "byline": m.authors.isEmpty ? nil : m.authors.joined(separator: ", "), "siteName": m.publisher,
                "publishedTime": m.published, "lang": m.language,
            ]
            for field in Self.fields {
                guard let want = expected[field] as? String, !want.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                result.expected[field, default: 0] += 1
                let value = (got[field] ?? nil) ?? ""
                if field == "byline" ? Self.bylineMatches(want, m.authors) : Self.fieldMatches(field, want, value) {
                    result.matched[field, default: 0] += 1
                } else {
                    result.misses.append("\(name) \(field): expected '\(want)', got '\(value)'")
                }
            }
        }
        return result
    }

    /// A byline matches when the names, joined with commas, contain the expected text or are
    /// contained in it, or when every name appears in the expected text: our bylines are lists
    /// of names, the expected ones the text of a byline element (`Ana Ruiz (with Tom Hale)`).
    public static func bylineMatches(_ want: String, _ authors: [String]) -> Bool {
        if fieldMatches("byline", want, authors.joined(separator: ", ")) { return true }
        let expected = want.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
        return !authors.isEmpty
            && authors.allSatisfy { expected.contains($0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()) }
    }

    /// Whether `got` matches `want` for `field`, by the rules above.
    public static func fieldMatches(_ field: String, _ want: String, _ got: String) -> Bool {
        let norm = { (s: String) in s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        switch field {
        case "title": return norm(want) == norm(got)
        case "byline":
            let strip = { (s: String) -> String in
                var t = norm(s).lowercased()
                if t.hasPrefix("by ") { t.removeFirst(3) }
                return t
            }
            let a = strip(want)
            let b = strip(got)
            return !b.isEmpty && (a.contains(b) || b.contains(a))
        case "publishedTime": return !got.isEmpty && want.prefix(10) == got.prefix(10)
        default: return !got.isEmpty && norm(want).lowercased() == norm(got).lowercased()
        }
    }
}
