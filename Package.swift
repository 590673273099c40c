// swift-tools-version: 6.0
import PackageDescription

/// One settings array for every target: strict Swift 6 plus the two upcoming features the style asks for.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Dossier", targets: ["Dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
        .library(name: "DossierYAML", targets: ["DossierYAML"]),
        .library(name: "DossierPipeline", targets: ["DossierPipeline"]),
        .library(name: "DossierReaders", targets: ["DossierReaders"]),
        .library(name: "DossierAnalyzers", targets: ["DossierAnalyzers"]),
        .library(name: "DossierExporters", targets: ["DossierExporters"]),
        .library(name: "DossierSQLite", targets: ["DossierSQLite"]),
        .library(name: "DossierCLI", targets: ["DossierCLI"]),
        .library(name: "DossierEvaluation", targets: ["DossierEvaluation"]),
        .library(name: "DossierTesting", targets: ["DossierTesting"]),
        .executable(name: "dossier", targets: ["dossier"]),
        .plugin(name: "DossierLintPlugin", targets: ["DossierLintPlugin"]),
        .plugin(name: "DossierPipelinePlugin", targets: ["DossierPipelinePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "DossierCore", swiftSettings: settings),
        .target(name: "DossierYAML", dependencies: ["CYAML", "DossierCore"], swiftSettings: settings),
        .target(name: "DossierPipeline", dependencies: ["DossierCore", "DossierYAML", "CZlib"], swiftSettings: settings),
        .target(name: "DossierReaders", dependencies: ["DossierCore", "DossierYAML", "CLibXML2", "CCMark"], swiftSettings: settings),
        .target(name: "DossierAnalyzers", dependencies: ["DossierCore"], resources: [.copy("Resources")], swiftSettings: settings),
        .target(
            name: "DossierExporters", dependencies: ["DossierCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources/dossier.schema.json")],
            swiftSettings: settings),
        // The `sqlite` exporter, apart from DossierExporters so that only what depends on it builds GRDB.
        .target(
            name: "DossierSQLite",
            dependencies: [
                "DossierCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ], swiftSettings: settings),
        .target(
            name: "Dossier",
            dependencies: [
                "DossierCore", "DossierYAML", "DossierPipeline", "DossierReaders", "DossierAnalyzers", "DossierExporters", "DossierSQLite",
            ],
            swiftSettings: settings
        ),
        .target(
            name: "DossierCLI",
            dependencies: ["Dossier", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: settings
        ),
        .target(name: "DossierTesting", dependencies: ["DossierCore", "DossierPipeline"], swiftSettings: settings),
        .target(name: "DossierEvaluation", dependencies: ["DossierCore", "DossierPipeline"], swiftSettings: settings),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCLI", "DossierEvaluation", "DossierAnalyzers", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .plugin(
            name: "DossierLintPlugin",
            capability: .command(
                intent: .custom(verb: "dossier-lint", description: "Check Dossier pipeline files with 'dossier lint'")
            ),
            dependencies: ["dossier"]
        ),
        // Checks a target's *.dossier.yaml files when it builds and embeds them as `DossierPipelines.named`.
        .plugin(name: "DossierPipelinePlugin", capability: .buildTool(), dependencies: ["dossier"]),

        .target(
            name: "DossierTestSupport", dependencies: ["DossierCore"], path: "Tests/DossierTestSupport", resources: [.copy("Fixtures")],
            swiftSettings: settings),
        .testTarget(
            name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport", "DossierTesting"], swiftSettings: settings),
        .testTarget(name: "DossierYAMLTests", dependencies: ["DossierYAML"], swiftSettings: settings),
        .testTarget(
            name: "DossierPipelineTests", dependencies: ["Dossier", "DossierTestSupport", "DossierTesting"],
            exclude: ["HeldOut", "HeldOutSources", "HeldOutDates", "HeldOutFraming"], swiftSettings: settings),
        .testTarget(
            name: "DossierReadersTests", dependencies: ["DossierReaders", "DossierTestSupport", "DossierTesting"], swiftSettings: settings),
        .testTarget(
            name: "DossierAnalyzersTests", dependencies: ["DossierAnalyzers", "DossierReaders", "DossierTestSupport", "DossierTesting"],
            swiftSettings: settings),
        .testTarget(
            name: "DossierExportersTests",
            dependencies: ["DossierExporters", "DossierReaders", "DossierAnalyzers", "DossierTestSupport", "DossierTesting"],
            resources: [.copy("Golden")], swiftSettings: settings),
        .testTarget(
            name: "DossierSQLiteTests",
            dependencies: [
                "DossierSQLite", "DossierReaders", "DossierTestSupport", "DossierTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "DossierCLITests", dependencies: ["Dossier", "DossierCLI", "DossierTestSupport"], swiftSettings: settings),
        .testTarget(name: "DossierEvaluationTests", dependencies: ["DossierEvaluation", "Dossier"], swiftSettings: settings),
    ]
)
