public import DossierCore
import Foundation

/// An external program as a pipeline's `exec:` entry (and its manifest, if any) declares it: what
/// to start, and what it says it needs and writes. Checked by `dossier lint` without starting it;
/// the program's handshake must agree with it when it runs.
public struct ExternalProgram: ComponentOptions, Hashable {
    /// The protocol version this build speaks (see `Docs/ExternalComponents.md`).
    public static let protocolVersion = 1

    /// Kills every external program this process started that is still running, without waiting:
    /// for a run that is about to exit at once (a second signal, or one whose articles did not
    /// finish in time after the first), whose programs would otherwise go on until they next read.
    public static func stopAllAtOnce() { ExternalProcess.killAll() }

    /// The command as written: a name looked up on `PATH`, or a path.
    public var command: String = ""
    /// The executable to start: `command` resolved to an absolute path.
    public var executable: String = ""
    /// The arguments after the command.
    public var arguments: [String] = []
    /// The working directory of the program: the manifest's folder when a manifest names the
    /// command, else nil for the current one.
    public var directory: String?
    /// The program's id, in provenance and messages: declared with `id:` or in the manifest, or
    /// made from the program's file name (`word_count.py` gives `word-count`).
    public var id: String = "exec"
    /// Whether `id` was declared, so that the handshake must state the same one.
    public var idDeclared = false
    /// The version recorded in provenance when the handshake states none.
    public var version: String = "1.0.0"
    /// One line saying what it does.
    public var summary: String = "an external program"
    /// What the pipeline names it as: `analyzer` or `exporter`; its handshake must say the same.
    public var kind: String = "analyzer"
    /// For an exporter: the extension of the files it writes (`to: out/{id}.{ext}`, default paths).
    public var fileExtension: String = "txt"
    /// The layers that must be present before it runs.
    public var requires: [LayerID] = []
    /// The layers it writes.
    public var provides: [LayerID] = []
    /// Seconds the program has to answer one document (and to state its handshake).
    public var timeout: Double = 10
    /// How many copies of the program serve the run at once.
    public var processes: Int = 1
    /// The program's own options, an object, sent in `DOSSIER_OPTIONS` and in no other way.
    public var options: JSONValue = .object([])

    /// Creates an empty declaration.
    public init() {}

    /// The name an `exec` entry gets when it declares no `id:` and no `as:`: the manifest's file
    /// name (`shouting.dossier.json` gives `shouting`), else the script's (`word_count.py` gives
    /// `word-count`), else the command's; nil when none makes a kebab-case name.
    static func defaultName(manifest: String?, command: String?, arguments: [String]) -> String? {
        var stem: String
        if let manifest {
            stem = (manifest as NSString).lastPathComponent
            for suffix in [".dossier.json", ".json"] where stem.hasSuffix(suffix) {
                stem.removeLast(suffix.count)
                break
            }
        } else if let script = arguments.first(where: PipelineLoader.looksLikeScript) {
            stem = ((script as NSString).lastPathComponent as NSString).deletingPathExtension
        } else if let command {
            stem = ((command as NSString).lastPathComponent as NSString).deletingPathExtension
        } else {
            return nil
        }
        let name = PipelineFileParser.kebabCase(stem)
        return Registry.isKebabCase(name) ? name : nil
    }

    /// The program as messages name it: its id and its command line.
    public var label: String {
        let line = ([command] + arguments).joined(separator: " ")
        return "external program '\(id)' ('\(line.count > 80 ? String(line.prefix(77)) + "..." : line)')"
    }
}
