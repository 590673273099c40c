import Dossier
import DossierCLI
import TSVSummary

var registry = Registry.standard
try registry.register(exporter: TSVSummaryExporter.self)
await DossierCommand.main(registry: registry)
