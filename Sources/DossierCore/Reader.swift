public import Foundation

/// Turns the bytes of one input into documents.
public protocol Reader: Component {
    /// The file extensions (lowercase, without the dot) that `auto` hands to this reader.
    static var fileExtensions: [String] { get }
    /// Whether `head`, the first bytes of an input, looks like this reader's format; used by `auto`
    /// when the extension says nothing.
    static func sniff(_ head: Data) -> Bool
    /// Reads one input; a feed or a JSON Lines file may hold several articles.
    func read(_ input: Input) throws -> [Document]
    /// Reads one input whose articles can fail one by one, such as a feed with a broken item.
    ///
    /// The runner calls this: each failure becomes a diagnostic for that article while the others
    /// go on. Throw only when the input as a whole is unusable. The default wraps `read(_:)`.
    func readEach(_ input: Input) throws -> [Result<Document, ComponentError>]
}

extension Reader {
    public static var fileExtensions: [String] { [] }
    public static func sniff(_ head: Data) -> Bool { false }
    public func readEach(_ input: Input) throws -> [Result<Document, ComponentError>] {
        try read(input).map { .success($0) }
    }
}
