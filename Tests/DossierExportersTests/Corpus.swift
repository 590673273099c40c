import DossierCore
import DossierExporters
import DossierReaders
import DossierTestSupport
import DossierTesting
import Foundation

/// Documents with every layer filled, as pipeline inputs: the sample story's Dossier JSON, which
/// the `json` reader reads back losslessly, under as many ids as a test needs.
enum Corpus {
    /// The full sample story under `id`, changed by `change`.
    static func document(_ id: String, change: (inout Document) -> Void = { _ in }) -> Document {
        var document = SampleDocuments.full
        document.id = id
        change(&document)
        return document
    }

    /// Pipeline inputs: one Dossier JSON file per document.
    static func inputs(_ documents: [Document]) throws -> [(name: String, text: String)] {
        try documents.enumerated().map { n, document in
            ("in\(n).json", String(decoding: try document.jsonData(), as: UTF8.self))
        }
    }

    /// A registry with the `json` reader and the exporters under test.
    static func registry() throws -> Registry {
        var registry = Registry()
        try registry.register(reader: JSONReader.self)
        try registry.register(exporter: JSONExporter.self)
        try registry.register(exporter: JSONLinesExporter.self)
        try registry.register(exporter: CSVExporter.self)
        try registry.register(exporter: TemplateExporter.self)
        return registry
    }

    /// Runs `exporters` (YAML list items) over `documents` with outputs under `folder`.
    static func run(
        _ exporters: String, _ documents: [Document], in folder: URL, registry: Registry? = nil
    ) async throws -> InMemoryRunner.Result {
        let yaml = "version: 1\nreader: json\nexporters:\n" + exporters
        return try await InMemoryRunner(registry: registry ?? Corpus.registry(), outputDirectory: folder.path).run(
            yaml, inputs: inputs(documents))
    }

    /// A new empty folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-exporters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `folder`, as paths relative to it, sorted; hidden files included.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
