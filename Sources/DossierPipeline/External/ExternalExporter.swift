public import DossierCore
public import Foundation

/// An exporter that is a program in any language (`Docs/ExternalComponents.md`): a pipeline names
/// it with an `exec:` entry under `exporters`, with `to:` like any exporter.
///
/// Each article is sent as one line of canonical Dossier JSON, as to an external analyzer; the
/// program answers `{"id": …, "output": "…"}`, and the output text is the article's rendering,
/// which the pipeline writes where `to:` says, through the same sinks, atomic files and safe paths
/// as a built-in exporter's. A `header` and `footer` in the program's handshake are written once
/// around the renderings on a shared output (and in each file per article), as `StreamSink` does.
/// One long-lived copy of the program (or `processes` copies) serves the run; an answer that is
/// not one fails that article alone (E724–E728), and the run goes on.
public struct ExternalExporter: Exporter {
    public typealias Options = ExternalProgram

    /// The pipeline key that names an external program; not a registered id.
    public static let id = "exec"
    public static let summary = "runs an external program that renders each article (see Docs/ExternalComponents.md)"
    /// Declared per program with `extension:`; the step's `ComponentInfo` carries it.
    public static let fileExtension = "txt"

    /// The program as declared.
    public let program: ExternalProgram
    private let pool: ExternalBlockingPool

    public init(options: ExternalProgram) throws {
        program = options
        pool = ExternalBlockingPool(program: options)
    }

    /// Sends the document to the program and returns its `output`, blocking this thread until it
    /// answers (within the program's `timeout`).
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        let request = try document.jsonData(pretty: false, newline: true)
        return try pool.exchange([UInt8](request)) { line throws(ComponentError) in try answer(line, for: document, context: context) }
    }

    /// The header and footer the program's handshake states around its renderings.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        let handshake = pool.handshake
        return StreamSink(output, header: Data((handshake?.header ?? "").utf8), footer: Data((handshake?.footer ?? "").utf8))
    }

    /// The rendering in one answer line: `{"id": …, "output": "…"}`, or `{"id": …, "error": "…"}`,
    /// with optional `"warnings": ["…"]`.
    func answer(_ line: [UInt8], for document: Document, context: ExportContext) throws(ComponentError) -> Data {
        let value = try ExternalAnswer.parse(
            line, id: document.id, program: program, what: "document", failing: "export the article",
            warn: { context.warn("\(program.label): \($0)", code: "W720") })
        guard case .string(let output)? = value["output"] else {
            throw ComponentError(
                code: "E726", "\(program.label): an exporter's answer needs 'output', the article's rendering as a string (or 'error')")
        }
        return Data(output.utf8)
    }
}
