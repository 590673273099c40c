// swift-tools-version: 6.0
import PackageDescription

// A package of your own that adds an exporter to Dossier and ships its own `dossier` command.
let package = Package(
    name: "CustomExporter",
    platforms: [.macOS(.v14)],
    dependencies: [
        // In your project: .package(url: "https://…/dossier", from: "0.1.0")
        .package(name: "Dossier", path: "../..")
    ],
    targets: [
        // The exporter lives in its own module and depends only on the core contracts.
        .target(name: "TSVSummary", dependencies: [.product(name: "DossierCore", package: "Dossier")]),
        // A `dossier` of your own: the standard components plus yours.
        .executableTarget(
            name: "my-dossier",
            dependencies: [
                "TSVSummary",
                .product(name: "Dossier", package: "Dossier"),
                .product(name: "DossierCLI", package: "Dossier"),
            ]
        ),
    ]
)
