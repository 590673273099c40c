import ArgumentParser
import Dossier
import Foundation

/// `dossier bench`: measure a pipeline's throughput on a corpus. Build with `-c release` first.
struct BenchCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure pipeline load time and throughput (MB/s, articles/s) on a corpus held in memory (.gz decompressed first).",
        discussion: "Exporters run but their output is discarded. Use a release build: 'swift build -c release'.")

    @OptionGroup var options: PipelineOptions

    @Option(parsing: .unconditional, help: "How many times the whole corpus is processed, 1 to 1000; the median pass is reported.")
    var passes = 5

    @Option(
        parsing: .unconditional, help: "Use each input this many times per pass, 1 to 10000, to make a small corpus large enough to time.")
    var copies = 1

    @Argument(help: "The corpus: files, folders or globs.")
    var inputs: [String]

    func validate() throws {
        try PipelineOptions.check("--passes", passes, in: 1...1000)
        try PipelineOptions.check("--copies", copies, in: 1...10_000)
    }

    func run(in context: CommandContext) async throws {
        // Pipeline load time: parse, lint, create components and plan.
        var loadTimes: [Double] = []
        var pipeline = try options.load(in: context)
        for _ in 0..<20 {
            let start = ContinuousClock.now
            pipeline = try options.load(in: context)
            loadTimes.append(Self.seconds(since: start))
        }
        pipeline.exporters = pipeline.exporters.map {
            var e = $0
            e.target = .stdout
            return e
        }

        let extensions = Set(context.registry.readers.values.flatMap(\.info.fileExtensions))
        let (files, problems) = InputCollector(extensions: extensions).collect(inputs)
        for p in problems { context.err(p.description + "\n") }
        if problems.contains(where: { $0.severity == .error }) {
            context.err("nothing was run\n")
            throw ExitStatus.badInput
        }
        var corpus: [InputSource] = []
        var bytes = 0
        for _ in 0..<copies {
            for case .file(let path) in files {
                guard var data = FileManager.default.contents(atPath: path) else { continue }
                // Measure the pipeline, not zlib: decompress up front and count the bytes read.
                if Gzip.isCompressed(data), let plain = try? Gzip.decompress(data) { data = plain }
                corpus.append(.data(name: path, data))
                bytes += data.count
            }
        }
        guard !corpus.isEmpty else {
            context.fail("E509", "the corpus is empty; name files or folders that hold articles")
            throw ExitStatus.badInput
        }
        let runner = Runner(
            pipeline: pipeline, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, standardOutput: { _ in })
        var passTimes: [(wall: Double, cpu: Double)] = []
        var articles = 0
        for _ in 0..<passes {
            let start = ContinuousClock.now
            let cpuStart = Self.processCPUSeconds()
            let summary = await runner.run(corpus)
            passTimes.append((Self.seconds(since: start), Self.processCPUSeconds() - cpuStart))
            articles = summary.succeeded + summary.failed
            if summary.failed > 0 { context.err("warning: \(summary.failed) articles failed in the benchmark\n") }
        }
        // The median pass by wall time, with the CPU time of that pass; the best pass too, the
        // least disturbed one on a shared machine.
        let sorted = passTimes.sorted { $0.wall < $1.wall }
        let (t, cpu) = sorted[sorted.count / 2]
        let best = sorted[0].wall
        let load = loadTimes.sorted()[loadTimes.count / 2]
        let mb = Double(bytes) / 1_000_000
        context.out(
            String(
                format: """
                    pipeline '%@': %d analyzers, %d exporters, jobs %d
                    pipeline load: %.2f ms (median of 20)
                    corpus: %d articles, %.2f MB; median of %d passes: %.3f s (CPU %.3f s), best %.3f s
                    throughput: %.2f MB/s, %.0f articles/s; best pass %.2f MB/s

                    """, pipeline.name, pipeline.analyzers.count, pipeline.exporters.count, runner.jobs,
                load * 1000, articles, mb, passTimes.count, t, cpu, best, mb / t, Double(articles) / t, mb / best))
    }

    /// CPU time of the whole process (every thread), in seconds.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
