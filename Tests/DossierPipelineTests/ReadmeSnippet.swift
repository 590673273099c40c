// The "As a library" example of README.md, compiled. `ReadmeSnippetTests` checks that the README
// shows exactly this code (the import lines, a blank line, then the body dedented) and runs it, so
// the snippet cannot stop compiling or drift from what the README says.
// README snippet: imports start
// Package.swift: .package(path: "../dossier"), then .product(name: "Dossier", package: "dossier")
import Dossier
import Foundation

// README snippet: imports end

/// The README example as a function the tests call.
enum ReadmeSnippet {
    /// Runs the example and returns the analyzed document.
    static func run() async throws -> Document {
        // README snippet: body start
        let data = Data(
            """
            Harbour Bridge to Close for Repairs

            The Kestrel Harbour bridge will close on Monday, city officials said. Dr. Ines Falk, \
            the chief engineer, put the cost at $4.2 million. A free ferry will run every 20 minutes.
            """.utf8)
        let pipeline = try PipelineLoader.standard().load(
            text: """
                version: 1
                analyzers: [sentences]
                exporters: [json]
                """, file: "inline.yaml")
        let runner = Runner(pipeline: pipeline)

        let input = Input(id: "story", name: "story.txt", data: data)
        let document = try TextReader().read(input)[0]
        let analyzed = try await runner.analyze(document)
        for sentence in analyzed.annotations.sentences.prefix(3) {
            print(analyzed.text(in: sentence.range))
        }
        // README snippet: body end
        return analyzed
    }

    /// The lines of this file between `// README snippet: NAME start` and `… end`, dedented by
    /// the indentation of the start marker.
    static func region(_ name: String, in file: String) -> [String] {
        let lines = file.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasSuffix("// README snippet: \(name) start") }),
            let end = lines.firstIndex(where: { $0.hasSuffix("// README snippet: \(name) end") }), start < end
        else { return [] }
        let indent = lines[start].prefix(while: { $0 == " " }).count
        return lines[(start + 1)..<end].map { $0.prefix(indent).allSatisfy({ $0 == " " }) ? String($0.dropFirst(indent)) : $0 }
    }

    /// The code the README must show: the imports, a blank line, the body.
    static func expectedBlock(from file: String) -> String {
        // The formatter ends the imports with a blank line; the README has exactly one.
        var imports = region("imports", in: file)
        while imports.last == "" { imports.removeLast() }
        return (imports + [""] + region("body", in: file)).joined(separator: "\n") + "\n"
    }

    /// The fenced Swift code blocks of a Markdown text, each with its final line break.
    static func swiftBlocks(in markdown: String) -> [String] {
        markdown.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```").first ?? "" }
    }
}
