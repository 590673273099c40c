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

    /// The built-in pipelines by name, for `PipelineLoader(builtins:)`.
    public static let builtins: [String: String] = ["default": yaml]
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
