public import DossierPipeline

/// The pipeline `dossier run` uses when no `-p` is given, and that `extends: default` names.
public enum DefaultPipeline {
    /// The pipeline's YAML text.
    public static let yaml = """
        # Dossier's default pipeline: read any supported article, analyse it, print a brief.
        version: 1
        name: default
        reader: auto
        analyzers:
          - sentences
          - entities
          - dates
          - quotes
          - sources
          - claims
          - framing
          - metrics
        exporters:
          - markdown:
              to: stdout
        """

    /// The built-in pipeline `stream`: the default analyses over JSON Lines on standard input, one
    /// line out per record in input order, a failure record in a failed one's place
    /// (`Docs/Streaming.md`): what `dossier run -p stream -` runs for Spark and other tools. The
    /// analyses are written out again, so that each literal is a whole pipeline file, which
    /// `scripts/schema-check` reads; a test keeps the two lists the same.
    public static let stream = """
        # Dossier's streaming pipeline: one JSON object a line in on standard input, one line out
        # per record, in order: the Dossier document, or a failure record in its place.
        version: 1
        name: stream
        reader: jsonl
        analyzers:
          - sentences
          - entities
          - dates
          - quotes
          - sources
          - claims
          - framing
          - metrics
        exporters:
          - jsonl:
              to: stdout
              failures: lines
        """

    /// The built-in pipelines by name, for `PipelineLoader(builtins:)`.
    public static let builtins: [String: String] = ["default": yaml, "stream": stream]
}

extension PipelineLoader {
    /// A loader over the standard registry that knows the built-in pipelines.
    public static func standard(environment: [String: String]? = nil) -> PipelineLoader {
        if let environment {
            return PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: environment)
        }
        return PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins)
    }
}
