import DossierCore
import DossierYAML

/// A pipeline file as written, after `extends` has been resolved but before any component is
/// created: the layer between YAML and a runnable `Pipeline`.
public struct PipelineFile: Sendable {
    /// The format version; only `1` exists.
    public var version: Int = 1
    /// The pipeline's name, used in output paths and listings.
    public var name: String = "pipeline"
    /// The name as written, when `${NAME}` was replaced in it.
    public var nameAsWritten: String?
    /// The reader entry; id `auto` chooses per input.
    public var reader: ComponentEntry?
    /// The analyzers, in the order written.
    public var analyzers: [ComponentEntry] = []
    /// The exporters, in the order written.
    public var exporters: [ComponentEntry] = []
    /// The files this one was assembled from, the extended ones first.
    public var files: [String] = []

    /// Creates an empty pipeline file.
    public init() {}

    /// Lays `child` over this file: the child's name and reader win, and its analyzers and exporters
    /// are merged into inherited entries with the same instance name (options merged key by key,
    /// `enabled: false` removes it) or are appended. A child entry of another id under an inherited
    /// name replaces the inherited entry whole, since the options of one type mean nothing to another.
    func overlaid(with child: PipelineFile, childHas keys: Set<String>) -> PipelineFile {
        var result = self
        if keys.contains("version") { result.version = child.version }
        if keys.contains("name") {
            result.name = child.name
            result.nameAsWritten = child.nameAsWritten
        }
        if let reader = child.reader {
            if let inherited = result.reader, inherited.id == reader.id {
                result.reader = Self.merge(inherited, reader)
            } else {
                result.reader = reader
            }
        }
        result.analyzers = Self.merge(result.analyzers, child.analyzers)
        result.exporters = Self.merge(result.exporters, child.exporters)
        result.files += child.files
        return result
    }

    private static func merge(_ base: [ComponentEntry], _ overlay: [ComponentEntry]) -> [ComponentEntry] {
        var result = base
        for entry in overlay {
            if let i = result.firstIndex(where: { $0.name == entry.name }) {
                result[i] = result[i].id == entry.id ? merge(result[i], entry) : entry
            } else {
                result.append(entry)
            }
        }
        return result.filter(\.enabled)
    }

    private static func merge(_ base: ComponentEntry, _ overlay: ComponentEntry) -> ComponentEntry {
        var merged = overlay
        switch (overlay.options, base.options) {
        case (let child?, let parent?): merged.options = child.merged(over: parent)
        case (nil, let parent?): merged.options = parent
        default: break
        }
        if merged.output == nil {
            merged.output = base.output
            merged.outputAsWritten = base.outputAsWritten
        }
        return merged
    }
}
