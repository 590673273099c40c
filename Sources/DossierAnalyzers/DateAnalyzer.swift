public import DossierCore

/// The `dates` analyzer: finds dates, times, ranges and durations and normalises them to ISO 8601.
///
/// Absolute forms (`December 14, 2025`, `14 December 2025`, `2025-12-14`, `12/14/2025`, `March
/// 2024`, `2024`, `the 1990s`, `10:30 a.m.`) need nothing else. Relative forms (`on Tuesday`,
/// `last week`, `in March`, `yesterday`, `two weeks ago`) are resolved against the article's
/// published date, or the `referenceDate` option when it has none; each records that date as its
/// `anchor`, and one that cannot be resolved keeps a `nil` value and says why in `unresolved`.
/// The tense of the sentence decides between the past and the coming weekday or month. See
/// `Docs/Dates.md` for the rules and their limits.
public struct DateAnalyzer: Analyzer {
    /// The options of the `dates` analyzer.
    public struct Options: ComponentOptions, Hashable {
        /// How to read a numeric date whose two first numbers could each be the month
        /// (`03/04/2025`): day first (`true`), month first as in the US (`false`), or, when
        /// absent, leave it unresolved with a reason. A date only one reading allows
        /// (`14/12/2025`) is read that way in every case.
        public var dayFirst: Bool?
        /// Whether to resolve relative mentions against the published date; when false they are
        /// kept with a reason and no value.
        public var resolveRelative: Bool = true
        /// A date (`2025-12-14`) to resolve relative mentions against when a document has no
        /// published date.
        public var referenceDate: String?

        /// Creates the default options.
        public init() {}

        /// Creates options with the given values.
        public init(dayFirst: Bool? = nil, resolveRelative: Bool = true, referenceDate: String? = nil) {
            self.dayFirst = dayFirst
            self.resolveRelative = resolveRelative
            self.referenceDate = referenceDate
        }

        public static var help: [String: String] {
            [
                "dayFirst":
                    "read 03/04/2025 as 3 April (true) or March 4 (false); when absent, a numeric date both ways could read is left unresolved",
                "resolveRelative": "resolve 'last week', 'on Tuesday' and the like against the published date (default true)",
                "referenceDate":
                    "an ISO 8601 date such as '2025-12-14' to resolve relative mentions against when an article has no published date",
            ]
        }
    }

    public static let id = "dates"
    public static let summary = "finds dates, times, ranges and durations and normalises them to ISO 8601 against the published date"
    public static let provides: Set<LayerID> = [.dates]
    public static let requires: Set<LayerID> = []

    /// The options the analyzer was created with.
    public let options: Options
    private let reference: CivilDate?

    /// Creates the analyzer with the default options, which cannot fail.
    public init() {
        options = Options()
        reference = nil
    }

    /// Throws when `referenceDate` is not an ISO 8601 calendar date; builds nothing, for
    /// `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        if let date = options.referenceDate, CivilDate.parse(isoPrefix: date) == nil {
            throw ComponentError(
                code: "E480",
                "reference date '\(date)' is not an ISO 8601 date; write it as 'YYYY-MM-DD', such as '2025-12-14'",
                option: "referenceDate")
        }
    }

    /// Creates the analyzer; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
        reference = options.referenceDate.flatMap { CivilDate.parse(isoPrefix: $0) }
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var settings = DateSettings(anchor: reference, dayFirst: options.dayFirst, resolveRelative: options.resolveRelative)
        if let published = document.metadata.published, !published.isEmpty {
            if let date = CivilDate.parse(isoPrefix: published) {
                settings.anchor = date
            } else if reference == nil {
                settings.unreadablePublished = published
            }
        }
        let scalars = document.scalars
        let found: [FoundDate]
        // One switch on the width per document, then a scanner specialised for its code units.
        switch scalars.width {
        case 1: found = scalars.withUnits(as: UInt8.self) { Self.scan(ScalarUnits($0), settings) }
        case 2: found = scalars.withUnits(as: UInt16.self) { Self.scan(ScalarUnits($0), settings) }
        default: found = scalars.withUnits(as: UInt32.self) { Self.scan(ScalarUnits($0), settings) }
        }
        var annotations = Annotations()
        annotations.dates = found
        return annotations
    }

    private static func scan<Units: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarUnits<Units>, _ settings: DateSettings
    ) -> [FoundDate] {
        var scanner = DateScanner(scalars: units, settings: settings)
        scanner.run()
        return scanner.found
    }
}
