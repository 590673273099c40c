// swift-tools-version: 6.0
import PackageDescription

// A package of your own that adds an analyzer with a layer of its own and two exporters to
// Dossier, ships its own `dossier` command, and checks and embeds pipeline files at build time.
var package = Package(
    name: "CustomComponents",
    platforms: [.macOS(.v14)],
    products: [
        // Named `*dossier*` and built on DossierCLI: `swift package dossier-lint` lints with it.
        .executable(name: "my-dossier", targets: ["my-dossier"]),
        .executable(name: "newsroom", targets: ["newsroom"]),
    ],
    dependencies: [
        // In your project: .package(url: "https://…/dossier", from: "0.1.0")
        .package(name: "Dossier", path: "../..")
    ],
    targets: [
        // The components live in their own modules and depend only on the core contracts.
        .target(name: "Hedging", dependencies: [.product(name: "DossierCore", package: "Dossier")]),
        .target(name: "TSVSummary", dependencies: [.product(name: "DossierCore", package: "Dossier")]),
        // A `dossier` of your own: the standard components plus yours.
        .executableTarget(
            name: "my-dossier",
            dependencies: [
                "Hedging", "TSVSummary",
                .product(name: "Dossier", package: "Dossier"),
                .product(name: "DossierCLI", package: "Dossier"),
            ]
        ),
        // Checks this package's *.dossier.yaml files with my-dossier and embeds them (Dossier's
        // DossierPipelinePlugin would check them with the stock dossier, which lacks our components).
        .plugin(name: "PipelinePlugin", capability: .buildTool(), dependencies: ["my-dossier"]),
        // A program that carries its pipelines: hedges-brief.dossier.yaml, checked when it builds.
        .executableTarget(
            name: "newsroom",
            dependencies: [
                "Hedging", "TSVSummary",
                .product(name: "Dossier", package: "Dossier"),
                .product(name: "DossierCLI", package: "Dossier"),
            ],
            plugins: ["PipelinePlugin"]
        ),
    ]
)

// A target whose pipeline file is deliberately broken, checked by Dossier's own build-tool plugin:
// `DOSSIER_BROKEN_EXAMPLE=1 swift build --target BrokenPipeline` fails with `file:line:col: error:`.
// Left out otherwise, so that `swift build` builds everything else.
if Context.environment["DOSSIER_BROKEN_EXAMPLE"] == "1" {
    package.targets.append(
        .target(name: "BrokenPipeline", plugins: [.plugin(name: "DossierPipelinePlugin", package: "Dossier")]))
}
