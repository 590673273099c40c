public import Foundation

extension ArticleFailure: Encodable {
    /// The `format` of a failure record, beside the documents' `dossier`.
    public static let format = "dossier-error"

    private enum CodingKeys: String, CodingKey {
        case format, id, input, line, error
    }

    private enum ErrorKeys: String, CodingKey {
        case code, component, message
    }

    /// `{"error":{"code","component","message"},"format":"dossier-error","id","input","line"}`;
    /// `id` is null when it is not known, `component` and `line` are left out when there is none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(id, forKey: .id)
        try container.encode(input, forKey: .input)
        try container.encodeIfPresent(line, forKey: .line)
        var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
        try error.encode(diagnostic.code, forKey: .code)
        try error.encodeIfPresent(diagnostic.component, forKey: .component)
        try error.encode(diagnostic.message, forKey: .message)
    }

    /// The record as one line of JSON with its line break, keys sorted, as the `jsonl` exporter
    /// writes it in the failed article's place.
    public func jsonLine() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value is a string or an integer: encoding cannot fail.
        var data = (try? encoder.encode(self)) ?? Data(#"{"format":"dossier-error","id":null}"#.utf8)
        data.append(0x0A)
        return data
    }
}
