import DossierCore
import DossierYAML

/// Decodes component options from the YAML the user wrote, laid over the component's defaults, so
/// that a decoding error still points at the user's line and column.
struct YAMLOptionsDecoder: OptionsDecoder {
    var node: YAMLNode?
    var defaults: JSONValue
    var location: SourceLocation?

    init(node: YAMLNode?, defaults: JSONValue, at location: SourceLocation?) {
        self.node = node
        self.defaults = defaults
        self.location = location
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let at = location ?? node?.location ?? SourceLocation(file: "<defaults>", line: 1, column: 1)
        let base = YAMLNode(defaults, at: at)
        let merged = node.map { $0.merged(over: base) } ?? base
        return try YAMLDecoder().decode(T.self, from: merged)
    }
}
