import DossierCore
import Foundation

/// Turns the run's inputs into work items on a thread of its own, so that a blocking read of
/// standard input or of a long JSON Lines file never holds one of the runner's tasks, and each
/// line can start (and its result leave) as soon as it arrives.
///
/// An input whose reader reads line by line (`LineReader`: `jsonl`, or what `auto` picks for
/// `.jsonl` files and for standard input that looks like JSON Lines) is streamed: one work item a
/// line, in bounded memory, with lines longer than `maximumLineBytes` failing alone. Every other
/// input is one work item, read whole when its turn comes.
struct InputPump: Sendable {
    var reader: Pipeline.ReaderChoice
    var maximumLineBytes: Int
    var maximumInputBytes: Int
    var inputs: Locked<Set<FileIdentity>>

    /// Starts the thread; it sends every item to `channel`, then finishes it.
    func start(_ sources: some Sequence<InputSource> & Sendable, into channel: WorkChannel) {
        let thread = Thread {
            for source in sources {
                guard !channel.isCancelled, produce(source, into: channel) else { break }
            }
            channel.finish()
        }
        thread.name = "dossier-input"
        thread.start()
    }

    /// Sends the items of one input; false when the channel was cancelled.
    private func produce(_ source: InputSource, into channel: WorkChannel) -> Bool {
        switch source {
        case .standardInput:
            return standardInput(into: channel)
        case .file(let path):
            if let identity = FileIdentity(path: path) { inputs.withLock { _ = $0.insert(identity) } }
            guard let step = lineReader(forFile: path) else { return channel.send(.whole(source)) }
            do {
                let stream = try LineStream(path: path, maximumLineBytes: maximumLineBytes)
                return lines(of: stream, id: source.stem, name: path, reader: step, into: channel)
            } catch {
                return channel.send(.failure(Diagnostic(code: "E401", "cannot read input: \(error.reason)", article: path), bytes: 0))
            }
        case .data:
            return channel.send(.whole(source))
        }
    }

    /// The line reader for a file, if it is to be streamed: not compressed, and read by a
    /// `LineReader` (the fixed reader, or `auto`'s choice by extension).
    private func lineReader(forFile path: String) -> Pipeline.ReaderStep? {
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext != "gz" else { return nil }
        switch reader {
        case .fixed(let step):
            return step.readsLines ? step : nil
        case .auto(let steps):
            guard let step = Runner.step(forExtension: ext, among: steps) else { return nil }
            return step.readsLines ? step : nil
        }
    }

    private func standardInput(into channel: WorkChannel) -> Bool {
        let stream = LineStream(standardInputMaximumLineBytes: maximumLineBytes)
        let fail = { (message: String, bytes: Int) in
            channel.send(.failure(Diagnostic(code: "E501", message), bytes: bytes))
        }
        do {
            var step: Pipeline.ReaderStep?
            switch reader {
            case .fixed(let fixed):
                step = fixed.readsLines ? fixed : nil
            case .auto(let steps):
                step = try streamingChoice(among: steps, stream: stream)
                if step == nil, try stream.peek(lines: 1, limit: 1).isEmpty { return fail("standard input is empty", 0) }
            }
            if let step { return lines(of: stream, id: "stdin", name: "-", reader: step, into: channel) }
            guard let data = try stream.rest(limit: maximumInputBytes) else {
                return fail("standard input is larger than \(maximumInputBytes >> 20) MB; split it, or send JSON Lines, which stream", 0)
            }
            if data.isEmpty { return fail("standard input is empty", 0) }
            return channel.send(.bytes(id: "stdin", name: "-", data))
        } catch {
            return fail("cannot read standard input: \(error.reason)", 0)
        }
    }

    /// `auto`'s choice for standard input when it is to be streamed. A line reader is chosen as
    /// soon as the first line is whole, so that its result can leave before the second line
    /// arrives: when that line alone would be taken for the start of a stream of such lines
    /// (for JSON Lines, a one-line JSON object). Otherwise the first two lines decide, the way
    /// `Runner.chooseReader` does for a file, and nil means "read it whole".
    private func streamingChoice(among steps: [Pipeline.ReaderStep], stream: LineStream) throws(SystemError) -> Pipeline.ReaderStep? {
        let first = try stream.peek(lines: 1, limit: 1 << 20)
        guard !first.isEmpty, !Gzip.isCompressed(first) else { return nil }
        let lineReaders = steps.filter { $0.readsLines }
        if first.last == 0x0A, let step = lineReaders.first(where: { $0.sniff(first + first) }) { return step }
        let head = try stream.peek(lines: 2, limit: 1 << 20)
        guard let chosen = try? Runner.choose(among: steps, for: Input(id: "stdin", name: "-", data: head)) else { return nil }
        return chosen.readsLines ? chosen : nil
    }

    private func lines(of stream: LineStream, id: String, name: String, reader: Pipeline.ReaderStep, into channel: WorkChannel) -> Bool {
        var position = 0
        let label = name == "-" ? "standard input" : "'\(name)'"
        stream.abandonBytes = maximumInputBytes
        do {
            while let line = try stream.next() {
                position += 1
                switch line {
                case .line(let data, let number):
                    let work = LineWork(reader: reader, data: data, number: number, position: position, inputID: id, inputName: name)
                    guard channel.send(.line(work)) else { return false }
                case .tooLong(let number, let bytes):
                    let diagnostic = Diagnostic(
                        code: "E473",
                        "line \(number) of \(label) is longer than \(maximumLineBytes >> 20) MiB, the most one line may hold; it is skipped",
                        article: "\(name)#\(position)", component: reader.info.id)
                    let record = Runner.Record(id: nil, input: name, line: number)
                    guard channel.send(.failure(diagnostic, bytes: bytes, record: record)) else { return false }
                case .endless(let number, let bytes):
                    let diagnostic = Diagnostic(
                        code: "E473",
                        "line \(number) of \(label) went on for \(bytes >> 20) MiB without ending; the rest of the input was not read",
                        article: name, component: reader.info.id)
                    return channel.send(.failure(diagnostic, bytes: bytes, record: Runner.Record(id: nil, input: name, line: number)))
                }
            }
        } catch {
            return channel.send(.failure(Diagnostic(code: "E401", "cannot read input: \(error.reason)", article: name), bytes: 0))
        }
        if position == 0 {
            let diagnostic = Diagnostic(
                code: "E403", "reader '\(reader.info.id)' found no article in it", article: name, component: reader.info.id)
            return channel.send(.failure(diagnostic, bytes: 0))
        }
        return true
    }
}
