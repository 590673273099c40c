import DossierCore
import Foundation

/// What a `LedgerExporter`'s sinks were asked to do, in order, shared by a test and its run.
final class Ledger: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func record(_ entry: String) { lock.withLock { entries.append(entry) } }
    var events: [String] { lock.withLock { entries } }

    /// Whether `entry` was recorded within `seconds`; the limit only keeps a broken run from
    /// hanging the suite, it measures nothing.
    func wait(for entry: String, seconds: Int) async -> Bool {
        for _ in 0..<(seconds * 100) {
            if events.contains(entry) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return events.contains(entry)
    }
}

/// A test exporter with a sink of its own: a header, a row per article, a footer, every call
/// recorded in its `ledger`, and ways to fail or to use each part of `ExportOutput`.
struct LedgerExporter: Exporter {
    struct Options: ComponentOptions {
        /// Throw from `export` for an article whose text is this.
        var failExportOn = ""
        /// Throw from the sink's `write` for an article whose text is this.
        var failSinkOn = ""
        /// Throw from the sink's `finish`.
        var failFinish = false
        /// Write a batch file `index.txt` listing the ids at `finish`.
        var index = false
        /// Write the shared file itself at `temporaryPath` at `finish`, instead of through `write`.
        var writeItself = false
        /// Warn from `export` for every article, and from the sink at `finish`.
        var warn = false
        /// Keep `export` busy until the context says the run is stopping.
        var waitForCancellation = false
        /// Record every article that `export` sees, as "export TEXT".
        var recordExports = false
        init() {}
        static let help = [
            "failExportOn": "fail export on this text", "failSinkOn": "fail the sink's write on this text", "failFinish": "fail finish",
            "index": "write index.txt", "writeItself": "write the file at temporaryPath", "warn": "warn",
            "waitForCancellation": "spin until cancelled", "recordExports": "record each article exported",
        ]
    }
    static let id = "ledger"
    static let summary = "Rows between a header and a footer"
    static let fileExtension = "txt"
    let options: Options
    var ledger = Ledger()
    init(options: Options) throws { self.options = options }

    func export(_ document: Document, context: ExportContext) throws -> Data {
        if document.text == options.failExportOn { throw ComponentError(code: "E499", "export refused '\(document.text)'") }
        if options.recordExports { ledger.record("export \(document.text)") }
        if options.warn { context.warn("looked at '\(document.text)'", code: "W499") }
        if options.waitForCancellation {
            while !context.isCancelled { usleep(1000) }
            ledger.record("cancelled \(document.id)")
            try context.checkCancellation()
        }
        return Data("row \(document.text)\n".utf8)
    }

    func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        ledger.record("open \(context.exporter)")
        return Sink(
            stream: StreamSink(output, header: Data("header\n".utf8), footer: Data("footer\n".utf8)), output: output, options: options,
            ledger: ledger, context: context)
    }

    struct Sink: ExportSink {
        var stream: StreamSink
        let output: any ExportOutput
        let options: Options
        let ledger: Ledger
        let context: ExportContext
        var ids: [String] = []
        var rows = Data()

        mutating func write(_ rendered: Data, for document: Document) throws {
            ledger.record("write \(document.id)")
            if document.text == options.failSinkOn { throw ComponentError(code: "E499", "sink refused '\(document.text)'") }
            ids.append(document.id)
            if options.writeItself { rows.append(rendered) } else { try stream.write(rendered, for: document) }
        }

        mutating func finish() throws {
            ledger.record("finish")
            if options.failFinish { throw ComponentError(code: "E499", "finish refused") }
            if options.warn { context.warn("wrote \(ids.count) rows", code: "W498") }
            if options.index { try output.write(Data((ids.joined(separator: "\n") + "\n").utf8), toFileNamed: "index.txt") }
            if options.writeItself, let path = output.temporaryPath {
                try (Data("written itself\n".utf8) + rows).write(to: URL(fileURLWithPath: path))
            } else {
                try stream.finish()
            }
        }

        mutating func discard() { ledger.record("discard") }
    }
}
