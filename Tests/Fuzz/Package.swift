// swift-tools-version: 6.0
import PackageDescription

/// The fuzz targets of Dossier, kept out of the main package so `swift build` and `swift test` never see them.
///
/// Build with `swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library` (see
/// `scripts/fuzz` and `Docs/Fuzzing.md`); one executable serves every target, chosen by
/// `DOSSIER_FUZZ_TARGET`, so the instrumented toolkit is compiled and linked once.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Dossier", path: "../..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "DossierFuzz",
            dependencies: ["CLibFuzzer", .product(name: "Dossier", package: "Dossier")],
            swiftSettings: settings
        ),
    ]
)
