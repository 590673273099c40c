public import Foundation

/// The sample articles shared by the test targets, read from the bundled `Fixtures` folder.
///
/// The samples are written for these tests, so `swift test` needs nothing outside the repository.
public enum Fixtures {
    /// The URL of the fixture file `name` (with its extension).
    public static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else { throw FixtureError(name: name) }
        let url = base.appendingPathComponent("Fixtures").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw FixtureError(name: name) }
        return url
    }

    /// The bytes of the fixture file `name`.
    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }

    /// The text of the fixture file `name`, decoded as UTF-8.
    public static func text(_ name: String) throws -> String {
        guard let text = String(data: try data(name), encoding: .utf8) else { throw FixtureError(name: name) }
        return text
    }
}
