public import Foundation

/// The JSON Schema (draft 2020-12) of the canonical document JSON the `json` exporter writes.
///
/// Shipped as a resource so tools can hand it to a validator in any language, and so tests can
/// check that the schema and the encoder describe the same keys.
public enum DossierSchema {
    /// The schema's `$id`, which names the layout version it describes.
    public static let id = "urn:dossier:schema:document:4"

    /// The schema file's bytes.
    ///
    /// The file is part of this module's resource bundle; a build without it is broken, not a
    /// condition callers could recover from, so its absence traps.
    public static var json: Data {
        guard let url = Bundle.module.url(forResource: "dossier.schema", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("dossier.schema.json is missing from the DossierExporters resource bundle") }
        return data
    }
}
