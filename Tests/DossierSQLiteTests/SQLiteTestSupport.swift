import DossierCore
import DossierPipeline
import DossierReaders
import DossierSQLite
import DossierTestSupport
import DossierTesting
import Foundation
import GRDB

/// Documents with every layer filled, run into a database built in the test.
enum SQLiteCorpus {
    /// The full sample story under `id`, from `publisher`, published on `published`, changed by `change`.
    static func document(
        _ id: String, publisher: String = "The Riverton Courier", published: String = "2025-03-14T09:30:00Z",
        change: (inout Document) -> Void = { _ in }
    ) -> Document {
        var document = SampleDocuments.full
        document.id = id
        document.metadata.publisher = publisher
        document.metadata.published = published
        change(&document)
        return document
    }

    static func registry() throws -> Registry {
        var registry = Registry()
        try registry.register(reader: JSONReader.self)
        try registry.register(exporter: SQLiteExporter.self)
        return registry
    }

    /// Runs the `sqlite` exporter (with `options`, a YAML flow mapping's inside) over `documents`.
    static func run(_ documents: [Document], into folder: URL, options: String = "to: corpus.sqlite") async throws -> InMemoryRunner.Result
    {
        let inputs = try documents.enumerated().map { n, document in
            (name: "in\(n).json", text: String(decoding: try document.jsonData(), as: UTF8.self))
        }
        return try await InMemoryRunner(registry: registry(), outputDirectory: folder.path).run(
            "version: 1\nreader: json\nexporters:\n  - sqlite: { \(options) }\n", inputs: inputs)
    }

    /// The database, opened for reading.
    static func open(_ path: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path.path, configuration: configuration)
    }

    /// Reads the database at `path` (a synchronous call, also from async tests).
    static func read<T>(_ path: URL, _ body: (Database) throws -> T) throws -> T {
        try open(path).read(body)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
