public import DossierCore
import Foundation

/// A reader that is a program in any language (`Docs/ExternalComponents.md`): a pipeline names it
/// with `reader: { exec: { command: …, args: […] } }`.
///
/// Each input is sent as one line, `{"id": …, "name": …, "base64": …}` (the input's bytes), and the
/// program answers `{"id": …, "articles": […]}`: article objects read through the `json` reader's
/// field mapping (`id`, `title`, `text` or `html`, `url`, `published`, …) or whole Dossier
/// documents, so a program returns what it parsed and Dossier does the rest. An article that does
/// not map fails alone; an `error` answer, or an answer that is not one, fails the input.
public struct ExternalReader: Reader {
    public typealias Options = ExternalProgram

    /// The pipeline key that names an external program; not a registered id.
    public static let id = "exec"
    public static let summary = "runs an external program that turns each input into articles (see Docs/ExternalComponents.md)"

    /// The program as declared.
    public let program: ExternalProgram
    /// Reads the `articles` the program answers with: the registry's `json` reader.
    private let articles: any Reader
    private let pool: ExternalBlockingPool

    /// Refused: an external reader needs the reader of the articles its program answers with,
    /// which the pipeline loader gives it (`init(options:articles:)`).
    public init(options: ExternalProgram) throws {
        throw ComponentError(
            code: "E716",
            "an 'exec' reader is made by the pipeline loader, with the 'json' reader for the articles its program answers with")
    }

    /// Creates the reader; `articles` reads the JSON array each answer holds.
    public init(options: ExternalProgram, articles: any Reader) {
        program = options
        self.articles = articles
        pool = ExternalBlockingPool(program: options)
    }

    /// Every article the program found in `input`; throws only when the input as a whole failed.
    public func read(_ input: Input) throws -> [Document] {
        try readEach(input).map { try $0.get() }
    }

    /// The articles of one input, each read or failed on its own.
    public func readEach(_ input: Input) throws -> [Result<Document, ComponentError>] {
        var request = Data(#"{"id":"#.utf8)
        request.append(try JSONEncoder().encode(input.id))
        request.append(Data(#","name":"#.utf8))
        request.append(try JSONEncoder().encode(input.name))
        request.append(Data(#","base64":""#.utf8))
        request.append(input.data.base64EncodedData())
        request.append(Data("\"}\n".utf8))
        let list = try pool.exchange([UInt8](request)) { line throws(ComponentError) in try answer(line, for: input) }
        guard !list.isEmpty else { throw ComponentError(code: "E403", "\(program.label) found no article in it") }
        let provenance = Provenance(component: program.id, version: pool.handshake?.version ?? program.version)
        let data = try JSONEncoder().encode(JSONValue.array(list))
        return try articles.readEach(Input(id: input.id, name: input.name, data: data)).map { result in
            result.map { document in
                var document = document
                document.reader = provenance
                return document
            }
        }
    }

    /// The article objects in one answer line: `{"id": …, "articles": […]}`, or `{"id": …,
    /// "error": "…"}`.
    func answer(_ line: [UInt8], for input: Input) throws(ComponentError) -> [JSONValue] {
        let value = try ExternalAnswer.parse(
            line, id: input.id, program: program, what: "input", failing: "read the input", warn: { _ in })
        guard case .array(let list)? = value["articles"] else {
            throw ComponentError(
                code: "E726", "\(program.label): a reader's answer needs 'articles', a list of article objects (or 'error')")
        }
        return list
    }
}
