/// A date, time, period or duration mentioned in the article, normalised to ISO 8601 when it can be.
///
/// A relative mention ("on Tuesday", "last week") is resolved against the article's published
/// date; `anchor` records which date that was, so a reader can check the arithmetic. A mention
/// that cannot be resolved keeps its span and says why in `unresolved`.
public struct DateMention: Annotation {
    /// What kind of time expression a mention is: an open set of lowercase names.
    public struct Kind: OpenName {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A point or a calendar unit taken as one: a day, a month, a year, a week, a time of day.
        public static let point: Kind = "point"
        /// A span between two points ("between May and July", "2019–2021"); its value is an ISO
        /// 8601 interval `start/end`.
        public static let range: Kind = "range"
        /// A length of time not fixed in the calendar ("two weeks"); its value is an ISO 8601
        /// duration such as `P2W`.
        public static let duration: Kind = "duration"
        /// The built-in kinds, in a stable order.
        public static let builtIn: [Kind] = [.point, .range, .duration]
    }

    public static let layer: LayerID = .dates
    public static let idPrefix = "d"

    public var id: String {
        get { storedID.string(prefix: Self.idPrefix) }
        set { storedID = CompactID(newValue, prefix: Self.idPrefix) }
    }
    /// Where the mention lies.
    public var range: TextRange
    /// A point, a range or a duration.
    public var kind: Kind {
        get { Kind.named(kindCode, among: Kind.builtIn) ?? Kind(rawValue: notes?.customKind ?? "") }
        set {
            kindCode = newValue.code(among: Kind.builtIn)
            let custom = kindCode == customNameCode ? newValue.rawValue : nil
            if custom != notes?.customKind { renote(anchor: anchor, unresolved: unresolved, customKind: custom) }
        }
    }
    /// The normalised value as ISO 8601 (`2025-12-14`, `2025-12`, `2025-W50`, `2025-05/2025-07`,
    /// `P2W`), when it could be resolved.
    public var value: String? {
        get { storedValue?.string }
        set { storedValue = newValue.map(CompactDateValue.init) }
    }
    /// The date a relative mention was resolved against (`2025-12-14`), when it was relative.
    public var anchor: String? {
        get { notes?.anchor }
        set { if newValue != anchor { renote(anchor: newValue, unresolved: unresolved, customKind: notes?.customKind) } }
    }
    /// Why `value` is missing, such as `no published date to resolve a weekday against`.
    public var unresolved: String? {
        get { notes?.unresolved }
        set { if newValue != unresolved { renote(anchor: anchor, unresolved: newValue, customKind: notes?.customKind) } }
    }
    /// The component that found it.
    public var producer: Provenance

    // The id in 8 bytes (`CompactID`), the value in 9 (`CompactDateValue`), the built-in kinds as
    // a byte (`OpenName.code(among:)`). The anchor, the reason a mention is unresolved and a kind
    // of a component's own live in one immutable box, absent when all are empty and shared by the
    // mentions made with `moved(to:kind:value:)`: an article's mentions have one anchor (its
    // published date) and a handful of reasons. 48 bytes a mention instead of 96.
    private var storedID: CompactID
    private var notes: Notes?
    private var storedValue: CompactDateValue?
    private var kindCode: UInt8

    private final class Notes: Sendable {
        let anchor: String?
        let unresolved: String?
        let customKind: String?
        init(anchor: String?, unresolved: String?, customKind: String?) {
            self.anchor = anchor
            self.unresolved = unresolved
            self.customKind = customKind
        }
    }

    private mutating func renote(anchor: String?, unresolved: String?, customKind: String?) {
        notes =
            anchor == nil && unresolved == nil && customKind == nil
            ? nil : Notes(anchor: anchor, unresolved: unresolved, customKind: customKind)
    }

    /// Creates a date annotation.
    public init(
        id: String = "", range: TextRange, kind: Kind = .point, value: String?, anchor: String? = nil, unresolved: String? = nil,
        producer: Provenance = .unstamped
    ) {
        storedID = CompactID(id, prefix: Self.idPrefix)
        self.range = range
        storedValue = value.map(CompactDateValue.init)
        self.producer = producer
        kindCode = kind.code(among: Kind.builtIn)
        notes = nil
        renote(anchor: anchor, unresolved: unresolved, customKind: kindCode == customNameCode ? kind.rawValue : nil)
    }

    /// This mention's anchor and reason (and the box that holds them) at `range`, with `kind` and
    /// `value` and no id: how an analyzer makes many mentions that share an anchor or a reason
    /// without a copy of either for each.
    public func moved(to range: TextRange, kind: Kind, value: String?) -> DateMention {
        var mention = self
        mention.storedID = .empty
        mention.range = range
        mention.value = value
        mention.kind = kind
        return mention
    }

    public static func == (a: DateMention, b: DateMention) -> Bool {
        a.storedID == b.storedID && a.range == b.range && a.kind == b.kind && a.storedValue == b.storedValue
            && a.producer == b.producer
            && (a.notes === b.notes || (a.anchor == b.anchor && a.unresolved == b.unresolved))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedID)
        hasher.combine(range)
        hasher.combine(kind)
        hasher.combine(storedValue)
        hasher.combine(anchor)
        hasher.combine(unresolved)
        hasher.combine(producer)
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "start", "end", "kind", "value"?, "anchor"?, "unresolved"?, "producer"};
    // a version 2 mention without "kind" reads as a point.
    private enum CodingKeys: String, CodingKey { case id, start, end, kind, value, anchor, unresolved, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decodeIfPresent(String.self, forKey: .id) ?? "", range: try TextRange(decodingFrom: c, start: .start, end: .end),
            kind: try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .point, value: try c.decodeIfPresent(String.self, forKey: .value),
            anchor: try c.decodeIfPresent(String.self, forKey: .anchor),
            unresolved: try c.decodeIfPresent(String.self, forKey: .unresolved),
            producer: try c.decode(Provenance.self, forKey: .producer))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(anchor, forKey: .anchor)
        try c.encodeIfPresent(unresolved, forKey: .unresolved)
        try c.encode(producer, forKey: .producer)
    }
}
