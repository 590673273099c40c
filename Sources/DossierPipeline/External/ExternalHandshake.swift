import DossierCore
import Foundation

/// The first line an external program writes: who it is and what it reads and writes.
///
/// `{"dossier": "external", "protocol": 1, "id": "word-stats", "kind": "analyzer",
/// "version": "1.0.0", "requires": [], "provides": ["word-stats"], "options": {}}`
struct ExternalHandshake: Sendable {
    var id: String
    var kind: String
    var version: String?
    var requires: [LayerID]
    var provides: [LayerID]
    /// For an exporter: written once before its first rendering in a shared output (and at the
    /// top of each file per article), and once after its last.
    var header: String?
    var footer: String?

    /// Reads the handshake line and checks it against what the pipeline declared: the protocol
    /// version (E722), the shape (E721), the id, kind and layers (E723).
    init(line: [UInt8], program: ExternalProgram) throws(ComponentError) {
        let shown = String(decoding: line.prefix(200), as: UTF8.self)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line)), case .object = value else {
            throw ComponentError(
                code: "E721",
                "\(program.label) did not start with a handshake: its first line is not a JSON object ('\(shown)'); "
                    + "print the handshake line before reading any input")
        }
        guard case .int(let version)? = value["protocol"] else {
            throw ComponentError(
                code: "E721",
                "\(program.label) stated no protocol version in its handshake; add '\"protocol\": \(ExternalProgram.protocolVersion)'")
        }
        guard version == ExternalProgram.protocolVersion else {
            throw ComponentError(
                code: "E722",
                "\(program.label) speaks protocol version \(version), but this Dossier speaks version \(ExternalProgram.protocolVersion); "
                    + "update the program to version \(ExternalProgram.protocolVersion)")
        }
        func string(_ key: String) -> String? { if case .string(let s)? = value[key] { s } else { nil } }
        func layers(_ key: String) throws(ComponentError) -> [LayerID] {
            guard let field = value[key] else { return [] }
            guard case .array(let items) = field else {
                throw ComponentError(code: "E721", "\(program.label): '\(key)' in its handshake must be a list of layer names")
            }
            var result: [LayerID] = []
            for item in items {
                guard case .string(let name) = item else {
                    throw ComponentError(code: "E721", "\(program.label): '\(key)' in its handshake must be a list of layer names")
                }
                result.append(LayerID(rawValue: name))
            }
            return result
        }
        guard let id = string("id"), let kind = string("kind") else {
            throw ComponentError(code: "E721", "\(program.label): its handshake must state 'id' and 'kind' as strings")
        }
        self.id = id
        self.kind = kind
        self.version = string("version")
        self.requires = try layers("requires")
        self.provides = try layers("provides")
        self.header = string("header")
        self.footer = string("footer")

        guard kind == program.kind else {
            let places = ["reader": "'reader:'", "analyzer": "'analyzers:'", "exporter": "'exporters:'"]
            let place = places[kind].map { "name it under \($0) instead" } ?? "only readers, analyzers and exporters run as programs"
            throw ComponentError(
                code: "E723",
                "\(program.label) says it is \(indefiniteArticle(kind)) '\(kind)', but the pipeline names it as \(indefiniteArticle(program.kind)) \(program.kind); "
                    + "\(place), or change its handshake")
        }
        if program.idDeclared, id != program.id {
            throw ComponentError(
                code: "E723", "\(program.label) says its id is '\(id)', but the pipeline declares '\(program.id)'; make the two agree")
        }
        let extraProvides = Set(provides).subtracting(program.provides)
        if !extraProvides.isEmpty {
            throw ComponentError(
                code: "E723",
                "\(program.label) says it provides \(Self.list(extraProvides)), which the pipeline does not declare; "
                    + "add \(extraProvides.count == 1 ? "it" : "them") to 'provides:' (or the manifest)")
        }
        let extraRequires = Set(requires).subtracting(program.requires)
        if !extraRequires.isEmpty {
            throw ComponentError(
                code: "E723",
                "\(program.label) says it requires \(Self.list(extraRequires)), which the pipeline does not declare; "
                    + "add \(extraRequires.count == 1 ? "it" : "them") to 'requires:' (or the manifest), so that the planner runs it after \(extraRequires.count == 1 ? "its producer" : "their producers")"
            )
        }
    }

    static func list(_ layers: Set<LayerID>) -> String { layers.sorted().map { "'\($0)'" }.joined(separator: ", ") }
}
