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
}

extension Reader {
    public static var fileExtensions: [String] { [] }
    public static func sniff(_ head: Data) -> Bool { false }
}
