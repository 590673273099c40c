@_exported public import DossierAnalyzers
// One import gives the whole toolkit: the model, the pipeline engine and every built-in component.
@_exported public import DossierCore
@_exported public import DossierExporters
@_exported public import DossierPipeline
@_exported public import DossierReaders
@_exported public import DossierSQLite
