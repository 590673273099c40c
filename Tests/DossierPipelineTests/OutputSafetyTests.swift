import Dossier
import Foundation
import Testing

/// Ids come from article data; outputs must stay where the pipeline says, whole, and never over
/// an input or over each other (issue "Reliability I", items 1–5).
@Suite("Outputs: hostile ids, re-runs, inputs and collisions")
struct OutputSafetyTests {
    func pipeline(_ exporters: String) throws -> Pipeline {
        try PipelineLoader.standard(environment: [:]).load(
            text: "version: 1\nanalyzers: [sentences]\nexporters:\n\(exporters)", file: "p.yaml")
    }

    func lines(_ ids: [String]) -> Data {
        let objects = ids.map { id -> String in
            let encoded = String(
                decoding: try! JSONSerialization.data(withJSONObject: ["id": id, "title": "T", "text": "Words here."]), as: UTF8.self)
            return encoded
        }
        return Data(objects.joined(separator: "\n").utf8)
    }

    /// Every regular file below `folder`, relative to it.
    func files(in folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &dir), !dir.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    func id(in file: URL) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        return try #require(object?["id"] as? String)
    }

    @Test("ids with separators, dots, NUL and control characters stay inside the output folder")
    func hostileIDs() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = [
            "../../escape", "/tmp/dossier-absolute", "..", ".", "", "a\u{0}b", "tab\there", "x\\y", ".hidden",
            String(repeating: "long", count: 2500),
        ]
        let p = try pipeline("  - json:\n      to: out/{id}.json\n")
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run([.data(name: "in.jsonl", lines(ids))])
        #expect(summary.succeeded == ids.count)
        let written = files(in: folder)
        #expect(written.count == ids.count)
        #expect(written.allSatisfy { $0.hasPrefix("out/") && !$0.dropFirst(4).contains("/") && !$0.dropFirst(4).hasPrefix(".") })
        #expect(written.allSatisfy { $0.utf8.count <= 4 + SafeFileName.maximumBytes + 5 })
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escape.json").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/dossier-absolute.json"))
        // The documents keep the ids their data gave them; only the file names are made safe.
        let contents = try Set(written.map { try id(in: folder.appendingPathComponent($0)) })
        #expect(contents.contains("../../escape") && contents.contains("a\u{0}b"))
    }

    @Test(
        "a safe file name never holds a separator, never starts with a dot and is never empty",
        arguments: [
            ("../../escape", "_._.._escape"), ("/etc/passwd", "_etc_passwd"), ("..", "_."), (".", "_"), ("", "_"),
            ("a\u{0}b\u{1F}c\u{7F}d", "a_b_c_d"), ("Zürich 2025", "Zürich 2025"), ("{index}", "{index}"),
        ])
    func safeNames(id: String, expected: String) {
        #expect(SafeFileName.component(id) == expected)
    }

    @Test("a long id is cut and ends in a hash of the whole, so two long ids that share a prefix stay apart")
    func longIDs() {
        let a = SafeFileName.component(String(repeating: "é", count: 500) + "a")
        let b = SafeFileName.component(String(repeating: "é", count: 500) + "b")
        #expect(a != b)
        #expect(a.utf8.count <= SafeFileName.maximumBytes && b.utf8.count <= SafeFileName.maximumBytes)
    }

    @Test("distinct ids that would name one file get files of their own, and each file says its final id")
    func collisions() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = ["x", "./x", "sub/../x", "x", "x-2", "{index}", "story"]
        let p = try pipeline("  - json:\n      to: out/{id}.json\n")
        let summary = await Runner(pipeline: p, jobs: 3, outputDirectory: folder.path).run([.data(name: "in.jsonl", lines(ids))])
        #expect(summary.succeeded == ids.count)
        let written = files(in: folder)
        #expect(written.count == ids.count)
        // '{index}' in an id is kept as it is, never expanded.
        #expect(written.contains("out/{index}.json"))
        // The second 'x' became 'x-2'; the real 'x-2' that follows became 'x-2-2'.
        #expect(try id(in: folder.appendingPathComponent("out/x-2.json")) == "x-2")
        #expect(try id(in: folder.appendingPathComponent("out/x-2-2.json")) == "x-2-2")
    }

    @Test("two inputs with the same stem: the second file says the id its name says")
    func sameStem() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - json:\n      to: out/{id}.json\n")
        let inputs: [InputSource] = [
            .data(name: "a/story.txt", Data("First story. It ends.".utf8)), .data(name: "b/story.txt", Data("Second story. Also.".utf8)),
        ]
        let summary = await Runner(pipeline: p, jobs: 2, outputDirectory: folder.path).run(inputs)
        #expect(summary.succeeded == 2)
        #expect(try id(in: folder.appendingPathComponent("out/story.json")) == "story")
        #expect(try id(in: folder.appendingPathComponent("out/story-2.json")) == "story-2")
    }

    @Test("a second run replaces a collected output with the new one, whole")
    func rerun() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - json:\n      to: out/all.jsonl\n      pretty: false\n")
        let first = await Runner(pipeline: p, outputDirectory: folder.path).run([.data(name: "in.jsonl", lines(["a", "b"]))])
        #expect(first.allSucceeded)
        let second = await Runner(pipeline: p, outputDirectory: folder.path).run([.data(name: "in.jsonl", lines(["c", "d", "e"]))])
        #expect(second.allSucceeded)
        #expect(second.written == [folder.appendingPathComponent("out/all.jsonl").path])
        let text = try String(contentsOf: folder.appendingPathComponent("out/all.jsonl"), encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("\"id\":\"c\"") && !text.contains("\"id\":\"a\""))
        #expect(files(in: folder) == ["out/all.jsonl"])
    }

    @Test("a collected output that names an input is refused before anything runs, and the input is untouched")
    func sharedOutputOverInput() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try lines(["a", "b"]).write(to: input)
        let before = try Data(contentsOf: input)
        let p = try pipeline("  - json:\n      to: in.jsonl\n")
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run([.file(input.path)])
        #expect(summary.refused)
        #expect(summary.succeeded == 0)
        #expect(summary.diagnostics.map(\.code) == ["E470"])
        #expect(try Data(contentsOf: input) == before)
    }

    @Test("a per-article output that resolves to an input, even through a symlink, fails that article and leaves the input")
    func perArticleOverInput() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a1 = folder.appendingPathComponent("a1.txt")
        let a2 = folder.appendingPathComponent("a2.txt")
        try Data("First article. One.".utf8).write(to: a1)
        try Data("Second article. Two.".utf8).write(to: a2)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("links"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("links/a2.md").path, withDestinationPath: a2.path)
        let q = try pipeline("  - markdown:\n      to: \"{id}.txt\"\n")
        let summary = await Runner(pipeline: q, outputDirectory: folder.path).run([.file(a1.path), .file(a2.path)])
        #expect(summary.failed == 2)
        #expect(summary.diagnostics.map(\.code) == ["E470", "E470"])
        #expect(try String(contentsOf: a1, encoding: .utf8) == "First article. One.")
        #expect(try String(contentsOf: a2, encoding: .utf8) == "Second article. Two.")
        let r = try pipeline("  - markdown:\n      to: \"links/{id}.md\"\n")
        let viaLink = await Runner(pipeline: r, outputDirectory: folder.path).run([.file(a2.path)])
        #expect(viaLink.diagnostics.map(\.code) == ["E470"])
        #expect(try String(contentsOf: a2, encoding: .utf8) == "Second article. Two.")
    }

    @Test("an interrupted run keeps the old collected output and leaves no temporary file")
    func interrupted() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("out/all.jsonl"))
        let p = try pipeline("  - json:\n      to: out/all.jsonl\n")
        let started = Gate()
        var runner = Runner(pipeline: p, jobs: 2, outputDirectory: folder.path)
        runner.progress = { _ in started.open() }
        let inputs = EndlessLines()
        let task = Task { [runner] in await runner.run(stream: inputs) }
        #expect(await started.wait(seconds: 60))
        task.cancel()
        let summary = await task.value
        #expect(summary.interrupted)
        #expect(!summary.allSucceeded)
        #expect(summary.diagnostics.map(\.code).contains("W470"))
        #expect(try String(contentsOf: folder.appendingPathComponent("out/all.jsonl"), encoding: .utf8) == "OLD\n")
        #expect(files(in: folder) == ["out/all.jsonl"])
        #expect(runner.temporaryFiles.count == 0)
    }
}

/// Articles made as they are pulled, without end.
struct EndlessLines: Sequence, IteratorProtocol, Sendable {
    private var n = 0
    mutating func next() -> InputSource? {
        n += 1
        return .data(name: "s\(n).txt", Data("Article \(n) has words. And more.".utf8))
    }
}

/// A one-shot signal between a runner's callback and a test.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var opened = false

    func open() { lock.withLock { opened = true } }

    var isOpen: Bool { lock.withLock { opened } }

    /// Whether the gate opened within `seconds`; the limit only keeps a broken run from hanging
    /// the suite, it measures nothing.
    func wait(seconds: Int) async -> Bool {
        for _ in 0..<(seconds * 100) {
            if isOpen { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return isOpen
    }
}
