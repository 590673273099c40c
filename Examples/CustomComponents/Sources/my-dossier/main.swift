import Dossier
import DossierCLI
import Hedging
import TSVSummary

var registry = Registry.standard
try registry.register(analyzer: HedgeAnalyzer.self)
try registry.register(exporter: HedgeListExporter.self)
try registry.register(exporter: TSVSummaryExporter.self)
await DossierCommand.main(registry: registry)
