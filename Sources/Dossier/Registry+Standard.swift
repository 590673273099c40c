import DossierAnalyzers
import DossierCore
import DossierExporters
import DossierReaders
import DossierSQLite

extension Registry {
    /// A registry holding every built-in reader, analyzer and exporter.
    ///
    /// Start from it and register your own components to extend Dossier:
    ///
    /// ```swift
    /// var registry = Registry.standard
    /// try registry.register(exporter: MyExporter.self)
    /// ```
    public static var standard: Registry {
        var registry = Registry()
        do {
            // Readers in sniffing order for 'auto': the most specific formats first, plain text last.
            try registry.register(reader: FeedReader.self)
            try registry.register(reader: HTMLReader.self)
            try registry.register(reader: JSONLinesReader.self)
            try registry.register(reader: JSONReader.self)
            try registry.register(reader: MarkdownReader.self)
            try registry.register(reader: TextReader.self)
            try registry.register(analyzer: SentenceAnalyzer.self)
            try registry.register(analyzer: DateAnalyzer.self)
            try registry.register(analyzer: QuoteAnalyzer.self)
            try registry.register(analyzer: EntityAnalyzer.self)
            try registry.register(analyzer: SourceAnalyzer.self)
            try registry.register(analyzer: ClaimAnalyzer.self)
            try registry.register(analyzer: MetricsAnalyzer.self)
            try registry.register(analyzer: FramingAnalyzer.self)
            try registry.register(exporter: JSONExporter.self)
            try registry.register(exporter: MarkdownExporter.self)
            try registry.register(exporter: HTMLExporter.self)
            try registry.register(exporter: JSONLDExporter.self)
            try registry.register(exporter: JSONLinesExporter.self)
            try registry.register(exporter: CSVExporter.self)
            try registry.register(exporter: SQLiteExporter.self)
            try registry.register(exporter: TemplateExporter.self)
        } catch {
            // The built-in ids are distinct and kebab-case; a failure here is a programming error.
            preconditionFailure("built-in components failed to register: \(error)")
        }
        return registry
    }
}
