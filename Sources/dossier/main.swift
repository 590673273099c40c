import Dossier
import DossierCLI

await DossierCommand.main(registry: .standard, extraCommands: [EvaluateCommand.self])
