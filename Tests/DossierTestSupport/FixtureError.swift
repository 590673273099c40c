/// A fixture that is missing from the test bundle or is not UTF-8.
public struct FixtureError: Error, CustomStringConvertible {
    /// The fixture's file name.
    public var name: String
    public var description: String { "fixture '\(name)' is missing or not UTF-8" }
}
