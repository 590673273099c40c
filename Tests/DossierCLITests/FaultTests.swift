import Dossier
import DossierCLI
import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh temporary folder with `count` copies of a sample article, `story-N.txt`.
func scratch(articles count: Int = 1) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fault-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let text = try Fixtures.text("harbour-bridge.txt")
    for n in 0..<count {
        try text.write(to: url.appendingPathComponent("story-\(n + 1).txt"), atomically: true, encoding: .utf8)
    }
    return url
}

@Suite("Command-line faults, in process: failing streams, bad numbers, unusable inputs")
struct CommandLineFaultTests {
    /// A console whose standard output (or error) fails with `errno` on every write.
    func failing(_ console: Console, output: Int32? = nil, error: Int32? = nil) -> CommandContext {
        var context = console.context()
        let streams = context.streams
        if let output { context.standardOutput = { _ in streams.record(output, on: .output) } }
        if let error { context.standardError = { _ in streams.record(error, on: .error) } }
        return context
    }

    @Test("a broken pipe on standard output stops taking input and exits 141 quietly")
    func brokenPipe() async throws {
        let dir = try scratch(articles: 40)
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        let status = await DossierCommand.execute(["run", "-j", "1", dir.path], context: failing(console, output: EPIPE))
        #expect(status == 141)
        #expect(!console.stderr.contains("error"), "\(console.stderr)")
        // The articles already taken finish; the rest are never taken, and no summary is printed
        // for output nobody reads.
        #expect(!console.stderr.contains("40 articles"), "\(console.stderr)")
    }

    @Test("a full standard output exits 74 with E500 and the reason")
    func fullOutput() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        let status = await DossierCommand.execute(["run", dir.path], context: failing(console, output: ENOSPC))
        #expect(status == 74)
        #expect(console.stderr.contains("error[E500]: cannot write standard output: no space left on the device"), "\(console.stderr)")
    }

    @Test("a standard error that cannot be written exits 74 after a successful run")
    func failedError() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        let status = await DossierCommand.execute(["run", dir.path], context: failing(console, error: ENOSPC))
        #expect(status == 74)
        #expect(console.stdout.hasPrefix("# "))
    }

    @Test(
        "numeric flags out of range are usage errors naming the range",
        arguments: [
            (["run", "-j", "9223372036854775807"], "'--jobs' must be between 1 and 1024, got '9223372036854775807'"),
            (["run", "-j", "-5"], "'--jobs' must be between 1 and 1024, got '-5'"),
            (["run", "--jobs", "0"], "'--jobs' must be between 1 and 1024, got '0'"),
            (["run", "-j", "1025"], "'--jobs' must be between 1 and 1024, got '1025'"),
            (["bench", "--copies", "-1"], "'--copies' must be between 1 and 10000, got '-1'"),
            (["bench", "--copies", "0"], "'--copies' must be between 1 and 10000, got '0'"),
            (["bench", "--copies", "9223372036854775807"], "'--copies' must be between 1 and 10000, got '9223372036854775807'"),
            (["bench", "--passes", "0"], "'--passes' must be between 1 and 1000, got '0'"),
            (["bench", "-j", "-5"], "'--jobs' must be between 1 and 1024, got '-5'"),
        ])
    func numericRanges(arguments: [String], message: String) async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        #expect(await console.run(arguments + [dir.path]) == 64)
        #expect(console.stderr.contains(message), "\(console.stderr)")
        #expect(!console.stderr.contains("Missing value"))
    }

    @Test(
        "an unusable input is named with the true reason and nothing runs",
        arguments: [
            ("/dev/zero", "input '/dev/zero' is a character device, not a regular file"),
            ("LONG", "the name is too long"),
            ("LOOP", "too many levels of symbolic links"),
            ("DANGLING", "is a symbolic link to 'missing.txt', which does not exist"),
            ("THROUGH-FILE", "a part of the path is a file, not a folder"),
        ])
    func unusableInput(name: String, reason: String) async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var input = name
        switch name {
        case "LONG":
            input = dir.appendingPathComponent(String(repeating: "a", count: 300) + ".txt").path
        case "LOOP":
            input = dir.appendingPathComponent("one.txt").path
            symlink(dir.appendingPathComponent("two.txt").path, input)
            symlink(input, dir.appendingPathComponent("two.txt").path)
        case "DANGLING":
            input = dir.appendingPathComponent("dangling.txt").path
            symlink("missing.txt", input)
        case "THROUGH-FILE":
            input = dir.appendingPathComponent("story-1.txt/inner.txt").path
        default:
            break
        }
        let console = Console()
        #expect(await console.run(["run", dir.appendingPathComponent("story-1.txt").path, input]) == 3)
        #expect(console.stderr.contains(reason), "\(console.stderr)")
        #expect(!console.stderr.contains("permission"), "\(console.stderr)")
        #expect(!console.stderr.contains("does not exist") || name == "DANGLING", "\(console.stderr)")
        #expect(console.stdout.isEmpty)
    }

    @Test("a named pipe as an input is read (with the stream cap), not refused")
    func namedPipe() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer is a thread of this process, not a child: should the test process die before
        // the run opens the pipe, no writer is left blocked in open(2) (with the build lock held).
        let story = try Data(contentsOf: dir.appendingPathComponent("story-1.txt"))
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let fd = open(fifo, O_WRONLY)
            if fd >= 0 {
                _ = story.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            written.signal()
        }
        let console = Console()
        #expect(await console.run(["run", fifo]) == 0, "\(console.stderr)")
        // Should the run not have opened the pipe, hold it open for reading until the writer is done.
        if written.wait(timeout: .now() + 10) == .timedOut {
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            written.wait()
            close(reader)
            Issue.record("the run did not read the named pipe")
        }
        #expect(console.stdout.hasPrefix("# "))
    }

    @Test("'--output-dir' naming a file fails before the run with E503, not a Cocoa error")
    func outputDirectoryIsAFile() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = dir.appendingPathComponent("p.yaml").path
        try "version: 1\nexporters:\n  - json:\n      to: '{id}.json'\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("story-1.txt").path
        let console = Console()
        #expect(await console.run(["run", "-p", pipeline, "--output-dir", file, file]) == 3)
        #expect(console.stderr.contains("error[E503]: '--output-dir' '\(file)' is not a folder"), "\(console.stderr)")
        #expect(!console.stderr.contains("NSCocoaErrorDomain"))
        let nested = Console()
        #expect(await nested.run(["run", "-p", pipeline, "--output-dir", file + "/out", file]) == 3)
        #expect(nested.stderr.contains("a part of the path is a file, not a folder"), "\(nested.stderr)")
    }

    @Test("'plan' with a missing input exits 3, like 'run'")
    func planMissingInput() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        #expect(
            await console.run(["plan", dir.appendingPathComponent("story-1.txt").path, dir.appendingPathComponent("nope.txt").path]) == 3)
        #expect(console.stderr.contains("error[E400]"))
        #expect(console.stdout.contains("story-1.txt → text"))
    }

    @Test("'init --force' refuses anything but a regular file and leaves it as it was")
    func initRefusesNonRegular() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("story-1.txt").path
        let original = try String(contentsOfFile: target, encoding: .utf8)
        let link = dir.appendingPathComponent("link.yaml").path
        symlink(target, link)
        let fifo = dir.appendingPathComponent("fifo.yaml").path
        mkfifo(fifo, 0o600)
        let folder = dir.appendingPathComponent("folder.yaml").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        var cases = [(link, "a symbolic link"), (fifo, "a named pipe"), (folder, "a folder")]
        // A device node, as the issue found with root: only root may make one.
        let device = dir.appendingPathComponent("device.yaml").path
        var null = stat()
        if geteuid() == 0, stat("/dev/null", &null) == 0, mknod(device, S_IFCHR | 0o600, null.st_rdev) == 0 {
            cases.append((device, "a character device"))
        }
        for (path, kind) in cases {
            let console = Console()
            #expect(await console.run(["init", "--force", path]) == 3)
            #expect(console.stderr.contains("error[E504]: '\(path)' is \(kind), not a regular file"), "\(console.stderr)")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == original)
        #expect((try FileManager.default.destinationOfSymbolicLink(atPath: link)) == target)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        if cases.count == 4 { #expect(lstat(device, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR) }
    }

    @Test("'init --force' replaces a regular file by rename: a hard link keeps the old text, no temporary file stays")
    func initReplacesAtomically() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dossier.yaml").path
        try "old: text\n".write(toFile: path, atomically: false, encoding: .utf8)
        let other = dir.appendingPathComponent("other-name.yaml").path
        #expect(link(path, other) == 0)
        let console = Console()
        #expect(await console.run(["init", "--force", path]) == 0, "\(console.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# A Dossier pipeline"))
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "old: text\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }
}

/// The built `dossier` executable, found beside the test bundle (`swift test` builds it).
enum BuiltDossier {
    static let url: URL? = {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(root.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("dossier") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `script` with bash in `folder`, `$DOSSIER` naming the executable; bash's own status,
    /// standard output and error. Shell redirection is the point: `>&-`, `>/dev/full`, `| head`.
    static func shell(_ script: String, in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let dossier = try #require(url, "build the 'dossier' executable first ('swift build')")
        let out = folder.appendingPathComponent(".shell-out")
        let err = folder.appendingPathComponent(".shell-err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["DOSSIER": dossier.path]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}

@Suite("Standard streams that are closed, full, broken or endless, against the built executable", .serialized)
struct StreamFaultTests {
    @Test(
        "each stream fault gives its status and a clear message, never a trap",
        arguments: [
            ("\"$DOSSIER\" run story-1.txt >&-", 74, "error[E500]: cannot write standard output: the stream is closed"),
            ("\"$DOSSIER\" run story-1.txt >/dev/full", 74, "error[E500]: cannot write standard output: no space left on the device"),
            ("\"$DOSSIER\" run story-1.txt >/dev/null 2>/dev/full", 74, ""),
            ("\"$DOSSIER\" run story-1.txt >/dev/null 2>&-", 74, ""),
            ("\"$DOSSIER\" run - <&-", 3, "error[E501]: standard input is closed"),
            ("\"$DOSSIER\" run --reader jsonl - <&-", 3, "error[E501]: standard input is closed"),
            ("\"$DOSSIER\" run - < .", 3, "error[E501]: standard input is a folder"),
            ("\"$DOSSIER\" run - < /dev/null", 1, "standard input is empty"),
            ("\"$DOSSIER\" run - < /dev/zero", 1, "error[E501]: standard input is larger than 512 MB"),
            ("\"$DOSSIER\" run --reader jsonl - < /dev/zero", 1, "line 1 of standard input is longer than 64 MiB"),
        ])
    func streamFault(script: String, status: Int32, message: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try BuiltDossier.shell(script, in: dir)
        #expect(result.status == status, "\(result.stderr)")
        #expect(message.isEmpty || result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"), "\(result.stderr)")
    }

    @Test("streamed JSON Lines on standard input: CRLF endings, blank lines and a last line without a newline")
    func streamedLines() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = #"{"title":"One","text":"First story. It ends."}\r\n\n   \n{"title":"Two","text":"Second story. It ends too."}"#
        let result = try BuiltDossier.shell("printf '%b' '\(lines)' | \"$DOSSIER\" run --reader jsonl -", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# One") && result.stdout.contains("# Two"), "\(result.stdout)")
        #expect(result.stderr.contains("2 articles: 2 done, 0 failed"), "\(result.stderr)")
    }

    @Test("'-p stream' answers every input line with one output line in order, failures included, and exits 0")
    func streamContract() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            #"{"id":"n1","title":"One","text":"The council said fares rose by 4% last year."}"#, #"{"id":"n2","note":"no text"}"#,
            "not json", "", #"{"title":"Three","text":"A second story ends here."}"#,
        ]
        try lines.joined(separator: "\n").write(to: dir.appendingPathComponent("in.jsonl"), atomically: true, encoding: .utf8)
        let result = try BuiltDossier.shell("\"$DOSSIER\" run -p stream -j 2 - < in.jsonl", in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let records = try out.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.map { $0["id"] as? String } == ["n1", "n2", "stdin-3", "stdin-5"])
        #expect(records.map { $0["format"] as? String } == ["dossier", "dossier-error", "dossier-error", "dossier"])
        #expect((records[0]["layers"] as? [String: Any])?["claims"] != nil, "the default analyses run")
        #expect(result.stderr.contains("error[E454]") && result.stderr.contains("error[E451]"), "\(result.stderr)")
        #expect(result.stderr.contains("4 articles: 2 done, 2 failed (each answered in the output)"), "\(result.stderr)")
    }

    @Test("HTML records streamed with two jobs never hang a fresh process in libxml2's first use")
    func htmlStreamDoesNotHang() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two articles starting their first HTML parse at once, in a process that has parsed none:
        // libxml2 set up its dictionary lock lazily on both threads and could deadlock, until
        // it was initialised once before any parse. Each run is a fresh process (a hang was seen in
        // one run of three to ten), so twenty of them.
        let record = { (n: Int) in
            #"{"id":"p\#(n)","html":"<html><head><title>Page \#(n)</title></head><body><p>The council said the bridge would reopen in spring.</p></body></html>"}"#
        }
        try (0..<4).map(record).joined(separator: "\n").write(
            to: dir.appendingPathComponent("pages.jsonl"), atomically: true, encoding: .utf8)
        let result = try BuiltDossier.shell(
            """
            for i in $(seq 1 20); do
              timeout -k 5 30 "$DOSSIER" run -p stream -q -j 2 - < pages.jsonl > out.jsonl || { echo "run $i: status $?" >&2; exit 1; }
              [ "$(wc -l < out.jsonl)" -eq 4 ] || { echo "run $i: $(wc -l < out.jsonl) lines" >&2; exit 1; }
            done
            """, in: dir)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("'| head -1' ends the run quietly with 141 and stops taking input, SIGPIPE ignored or not", arguments: ["trap '' PIPE; ", ""])
    func brokenPipe(prefix: String) throws {
        let dir = try scratch(articles: 200)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 200 briefs of 1.4 KB: far more than a pipe holds, so writes go on after 'head' exits.
        let result = try BuiltDossier.shell(
            "\(prefix)\"$DOSSIER\" run -j 1 story-*.txt 2>err.txt | head -1; s=${PIPESTATUS[0]}; cat err.txt >&2; exit $s", in: dir)
        #expect(result.status == 141, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# "))
        #expect(!result.stderr.contains("error") && !result.stderr.contains("Fatal"), "\(result.stderr)")
        #expect(!result.stderr.contains("200 articles"), "the run should stop taking input: \(result.stderr)")
    }

    @Test("an unreadable folder beside readable inputs fails the run with E502 and status 3")
    func unreadableFolder() throws {
        let dir = try scratch()
        defer {
            chmod(dir.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let locked = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        try Fixtures.text("storm-outage.txt").write(to: locked.appendingPathComponent("inside.txt"), atomically: true, encoding: .utf8)
        #expect(chmod(locked.path, 0o000) == 0)
        // Root reads any folder; run as 'nobody' then, so the permission is really denied.
        chmod(dir.path, 0o755)
        let asUser = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let result = try BuiltDossier.shell("\(asUser)\"$DOSSIER\" run story-1.txt locked", in: dir)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("error[E502]: folder 'locked' cannot be read: permission denied"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
