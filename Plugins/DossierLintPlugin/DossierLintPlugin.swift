import Foundation
import PackagePlugin

/// `swift package dossier-lint [--tool NAME] [--exclude PATH]... [FILE...]`: checks pipeline files
/// with `dossier lint`, using the package's own `dossier` when it has one.
///
/// Without files it checks every `dossier.yaml`, `pipeline.yaml`, `*.pipeline.yaml` and
/// `*.dossier.yaml` in the package (build folders, `Tests` and nested packages skipped, and every
/// `--exclude` path, relative to the package), so a package that ships pipelines can check them in
/// CI the same way it runs its tests.
///
/// **Which `dossier`.** A package with components of its own ships its own `dossier`: an executable
/// product whose target depends on `DossierCLI` (and calls `DossierCommand.main(registry:)`). The
/// plugin builds that product with the package manager and lints with it, so pipelines naming the
/// package's components lint clean. The rule: `--tool NAME` names the product; else the one
/// executable product that depends on `DossierCLI`; else, of several, the one whose name contains
/// `dossier` (an error when that is not exactly one); else, with none, Dossier's own `dossier`.
///
/// Other options go to `dossier lint`: `--allow-extends-outside` lets `extends:` reach outside the
/// extending pipeline's folder; `--diagnostics-format gcc` prints one `file:line:col` line per problem.
@main
struct DossierLintPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let named = extractor.extractOption(named: "tool")
        let excluded = extractor.extractOption(named: "exclude").map {
            context.package.directoryURL.appendingPathComponent($0).standardizedFileURL.path
        }
        // The rest: options (and an option's value after it) go to 'dossier lint'; the others are files.
        var flags: [String] = []
        var files: [String] = []
        var rest = extractor.remainingArguments[...]
        while let argument = rest.popFirst() {
            if argument.hasPrefix("--") {
                flags.append(argument)
                if Self.lintOptionsWithValue.contains(argument), let value = rest.popFirst() { flags.append(value) }
            } else {
                files.append(argument)
            }
        }
        if files.isEmpty {
            files = Self.pipelineFiles(under: context.package.directoryURL, excluding: Set(excluded))
        }
        guard !files.isEmpty else {
            print("no pipeline files found (dossier.yaml, pipeline.yaml, *.pipeline.yaml, *.dossier.yaml)")
            return
        }
        let tool = try ownTool(named: named.last, in: context) ?? context.tool(named: "dossier").url
        let process = Process()
        process.executableURL = tool
        process.arguments = ["lint"] + flags + files
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("dossier lint (\(tool.lastPathComponent)) found problems in the pipeline files")
            throw ExitError(status: process.terminationStatus)
        }
    }

    /// The options of `dossier lint` that take a value, so the value is not taken for a file.
    static let lintOptionsWithValue: Set<String> = ["--diagnostics-format", "--swift-output"]

    /// The package's own `dossier`, built in debug; nil when it has none (see the type's rule).
    func ownTool(named name: String?, in context: PluginContext) throws -> URL? {
        let executables = context.package.products(ofType: ExecutableProduct.self)
        let product: ExecutableProduct
        if let name {
            guard let found = executables.first(where: { $0.name == name }) else {
                throw PluginError(
                    "no executable product '\(name)' in package '\(context.package.displayName)'; its executables are: "
                        + executables.map(\.name).joined(separator: ", "))
            }
            product = found
        } else {
            let own = executables.filter(Self.dependsOnDossierCLI)
            let chosen = own.count == 1 ? own : own.filter { $0.name.lowercased().contains("dossier") }
            if own.isEmpty { return nil }
            guard chosen.count == 1 else {
                throw PluginError(
                    "package '\(context.package.displayName)' has several executables built on DossierCLI ("
                        + own.map(\.name).joined(separator: ", ") + "); choose one with '--tool NAME'")
            }
            product = chosen[0]
        }
        print("building '\(product.name)' to lint with the package's own components")
        let result = try packageManager.build(.product(product.name), parameters: .init(configuration: .debug, logging: .concise))
        guard result.succeeded else {
            print(result.logText)
            throw PluginError("building '\(product.name)' failed; 'swift build --product \(product.name)' shows why")
        }
        guard let artifact = result.builtArtifacts.first(where: { $0.kind == .executable }) else {
            throw PluginError("building '\(product.name)' gave no executable")
        }
        return artifact.url
    }

    /// Whether the product's targets reach `DossierCLI`, through targets or products, at any depth.
    static func dependsOnDossierCLI(_ product: ExecutableProduct) -> Bool {
        var seen: Set<String> = []
        var stack: [any Target] = product.targets
        while let target = stack.popLast() {
            guard seen.insert(target.id).inserted else { continue }
            if target.name == "DossierCLI" { return true }
            for dependency in target.dependencies {
                switch dependency {
                case .target(let t): stack.append(t)
                case .product(let p):
                    if p.name == "DossierCLI" { return true }
                    stack += p.targets
                @unknown default: break
                }
            }
        }
        return false
    }

    struct ExitError: Error, CustomStringConvertible {
        var status: Int32
        var description: String { "dossier lint exited with status \(status)" }
    }

    struct PluginError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func pipelineFiles(under root: URL, excluding excluded: Set<String> = []) -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            // Nested packages register components of their own, which this package's dossier lacks.
            let nestedPackage = url != root && FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
            if name.hasPrefix(".") || name == "Tests" || nestedPackage || excluded.contains(url.standardizedFileURL.path) {
                walker.skipDescendants()
                continue
            }
            if name == "dossier.yaml" || name == "pipeline.yaml" || name.hasSuffix(".pipeline.yaml") || name.hasSuffix(".dossier.yaml") {
                found.append(url.path)
            }
        }
        return found.sorted()
    }
}
