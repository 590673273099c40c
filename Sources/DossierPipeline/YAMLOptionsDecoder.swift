import DossierCore
import DossierYAML

/// Decodes component options from the YAML the user wrote, laid over the component's defaults, so
/// that a decoding error still points at the user's line and column.
///
/// Every bad value is reported, not only the first: after an error in one option, that option is
/// set aside (its default applies) and the options are decoded again, until they decode or the
/// error is not in an option the user wrote. One error is thrown as itself; several as
/// `OptionValueErrors`.
struct YAMLOptionsDecoder: OptionsDecoder {
    /// Several bad option values of one component, each at its own position, in the order found.
    struct OptionValueErrors: Error {
        var errors: [YAMLDecodingError]
    }

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
        var user = node
        var errors: [YAMLDecodingError] = []
        while true {
            let merged = user.map { $0.merged(over: base) } ?? base
            do {
                let value = try YAMLDecoder().decode(T.self, from: merged)
                if errors.isEmpty { return value }
                break
            } catch let error as YAMLDecodingError {
                errors.append(error)
                // Each pass removes one option, so this ends within as many passes as there are options.
                guard let key = error.codingPath.first, let current = user, var pairs = current.mapping,
                    let index = pairs.firstIndex(where: { $0.key.scalar == key })
                else { break }
                pairs.remove(at: index)
                user = YAMLNode(.mapping(pairs), at: current.location, tag: current.tag)
            }
        }
        if errors.count == 1 { throw errors[0] }
        throw OptionValueErrors(errors: errors)
    }
}
