import Dossier
import DossierCLI
import Hedging
import TSVSummary

// The same components as my-dossier, and the pipelines this target embeds when it builds
// (PipelinePlugin checks each *.dossier.yaml here with my-dossier, then writes DossierPipelines):
// `newsroom run -p hedges-brief FILE` runs hedges-brief.dossier.yaml without reading it from disk.
var registry = Registry.standard
try registry.register(analyzer: HedgeAnalyzer.self)
try registry.register(exporter: HedgeListExporter.self)
try registry.register(exporter: TSVSummaryExporter.self)
let builtins = DefaultPipeline.builtins.merging(DossierPipelines.named) { builtin, _ in builtin }
await DossierCommand.main(registry: registry, builtins: builtins)
