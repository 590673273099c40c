public import DossierCore

/// The `entities` analyzer: people, organisations, places and groups, one entity per referent,
/// with their roles.
///
/// Candidate names are runs of capitalised words; the analyzer classifies them with gazetteers
/// shipped in the package (places, nationalities, organisations, titles, given names, the head
/// words of organisation and place names), titles and context, and keeps out headings, title-cased
/// headlines, sentence-initial ordinary words, months and weekdays. Later short names ("Merz"),
/// acronyms ("NATO"), definite descriptions ("the chancellor") and, when asked, he/she join the
/// entity they stand for. Roles come from titles before a name ("German Chancellor Friedrich
/// Merz", "US envoys Steve Witkoff and Jared Kushner", "Putin's adviser Yuri Ushakov") and
/// appositions after it ("Ushakov, a Kremlin aide"). See `Docs/Entities.md`.
public struct EntityAnalyzer: Analyzer {
    /// The options of the `entities` analyzer: names to add to the shipped lists, and pronouns.
    public struct Options: ComponentOptions, Hashable {
        /// Names that are people, such as `Mara Lindqvist`.
        public var people: [String] = []
        /// Names that are organisations.
        public var organizations: [String] = []
        /// Names that are places.
        public var places: [String] = []
        /// Names that are groups: nationalities, parties, religions named as people.
        public var groups: [String] = []
        /// Capitalised words that are never a name on their own.
        public var notNames: [String] = []
        /// Whether he/she/his/her/him join the one fitting person just before them.
        public var resolvePronouns = true

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "people": "more names of people, such as 'Mara Lindqvist'; they win over the shipped lists",
                "organizations": "more names of organisations, such as 'Norrland Bank'",
                "places": "more names of places, such as 'Vellmar'",
                "groups": "more names of groups (nationalities, parties, religions), such as 'Vellmarians'",
                "notNames": "capitalised words that are never a name on their own, such as 'Brexit'",
                "resolvePronouns": "join he, she, his, her and him to the one fitting person mentioned just before (true by default)",
            ]
        }
    }

    public static let id = "entities"
    public static let summary = "finds people, organisations, places and groups, one entity per referent, with roles and affiliations"
    public static let provides: Set<LayerID> = [.entities]
    public static let requires: Set<LayerID> = [.sentences]

    private let overrides: EntityRecognizer.Overrides
    private let resolvePronouns: Bool

    /// Creates the analyzer with the default options.
    public init() {
        overrides = EntityRecognizer.Overrides()
        resolvePronouns = true
    }

    /// Throws when a name in the options is empty, has no letter, is too long, or is given in two
    /// lists of different kinds; builds nothing and loads no list.
    public static func validate(_ options: Options) throws {
        var seen: [String: String] = [:]
        let lists: [(String, [String])] = [
            ("people", options.people), ("organizations", options.organizations), ("places", options.places),
            ("groups", options.groups), ("notNames", options.notNames),
        ]
        for (key, names) in lists {
            for (i, name) in names.enumerated() {
                let trimmed = name.trimmingCharacters(in: " ")
                if trimmed.isEmpty {
                    throw ComponentError(
                        code: "E485", "name '\(name)' is empty; give a name such as 'Mara Lindqvist' or remove the entry",
                        option: "\(key)[\(i)]")
                }
                if !trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                    throw ComponentError(
                        code: "E486", "name '\(name)' has no letter; give a name such as 'Norrland Bank'", option: "\(key)[\(i)]")
                }
                if trimmed.split(separator: " ").count > 8 {
                    throw ComponentError(code: "E487", "name '\(name)' has more than 8 words; give the name alone", option: "\(key)[\(i)]")
                }
                let folded = trimmed.lowercased()
                if let other = seen[folded], other != key {
                    throw ComponentError(
                        code: "E488", "name '\(name)' is listed in both '\(other)' and '\(key)'; keep it in one list",
                        option: "\(key)[\(i)]")
                }
                seen[folded] = key
            }
        }
    }

    /// Creates the analyzer; throws what `validate` throws. The shipped lists are read on first use.
    public init(options: Options) throws {
        try Self.validate(options)
        var o = EntityRecognizer.Overrides()
        func hashes(_ names: [String]) -> HashSet64 {
            HashSet64(
                names.map { name in
                    let (hash, count) = Gazetteer.sequenceHash(name.trimmingCharacters(in: " "))
                    o.longest = max(o.longest, count)
                    return hash
                })
        }
        o.people = hashes(options.people)
        o.organizations = hashes(options.organizations)
        o.places = hashes(options.places)
        o.groups = hashes(options.groups)
        o.notNames = hashes(options.notNames)
        overrides = o
        resolvePronouns = options.resolvePronouns
    }

    /// Reads the shipped lists (once per process); fails when a list is missing from the package.
    public func prepare(_ context: AnalysisContext) async throws {
        let gazetteer = Gazetteer.shared
        if !gazetteer.missing.isEmpty {
            throw ComponentError(
                code: "E489",
                "the word lists \(gazetteer.missing.map { "'\($0).txt'" }.joined(separator: ", ")) are missing from the package resources; reinstall dossier"
            )
        }
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var annotations = Annotations()
        annotations.entities = entities(of: document)
        return annotations
    }

    /// The entities of `document`. An article longer than `windowLimit` scalars is read in
    /// windows of at most that many (ending at sentence ends), so the recognizer's tokens (16
    /// bytes a word) take a bounded amount of memory, not a multiple of the article; an entity
    /// found in several windows under the same kind and name is one entity, with the mentions
    /// and roles of all. Coreference within a window is the recognizer's: a short form ("Merz")
    /// in a window without the full name stays an entity of its own.
    func entities(of document: Document, windowLimit: Int = TextWindows.defaultLimit) -> [Entity] {
        var recognizer = EntityRecognizer(overrides: overrides, resolvePronouns: resolvePronouns)
        let windows = TextWindows.windows(of: document, limit: windowLimit)
        guard windows.count > 1 else { return recognizer.recognize(document) }
        var out: [Entity] = []
        var byName: [EntityKey: Int] = [:]
        for window in windows {
            for entity in recognizer.recognize(document, in: window) {
                let key = EntityKey(kind: entity.kind, name: entity.name)
                guard let k = byName[key] else {
                    byName[key] = out.count
                    out.append(entity)
                    continue
                }
                // Later windows lie later in the text: their mentions follow in order.
                out[k].mentions += entity.mentions
                for role in entity.roles
                where !out[k].roles.contains(where: { $0.title == role.title && $0.affiliation == role.affiliation }) {
                    out[k].roles.append(role)
                }
            }
        }
        return out
    }
}

/// An entity's kind and canonical name: what joins the entities of two windows.
private struct EntityKey: Hashable {
    var kind: Entity.Kind
    var name: String
}

extension String {
    /// The string without leading and trailing occurrences of `character`.
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var slice = self[...]
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
