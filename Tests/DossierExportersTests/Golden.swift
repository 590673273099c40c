import Foundation
import Testing

/// Compares exporter output with a file under `Golden/`, or rewrites that file.
///
/// To regenerate after an intended change, run
/// `DOSSIER_UPDATE_GOLDEN=1 swift test --filter DossierExportersTests` and review the diff: the
/// files are written into the source tree next to this file, not into the build's copy.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" }

    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ output: Data, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            try output.write(to: sourceDirectory.appendingPathComponent(name))
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
            "no golden file '\(name)'; run with DOSSIER_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        let expected = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        let actual = String(decoding: output, as: UTF8.self)
        // Whole-value comparison, so any change anywhere fails; the first differing line makes the report readable.
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record(
                "output differs from Golden/\(name) at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")\n(DOSSIER_UPDATE_GOLDEN=1 regenerates)",
                sourceLocation: sourceLocation)
        }
    }
}
