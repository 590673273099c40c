public import DossierCore
public import Foundation

/// The checks every reader must pass, for a reader's author to run from their own tests.
///
/// ```swift
/// import DossierTesting
/// import Testing
///
/// @Test func conforms() {
///     let problems = ReaderConformance.check(MyReader.self, samples: [.init(name: "story.txt", text: "Title\n\nBody.")])
///     #expect(problems.isEmpty, "\(problems)")
/// }
/// ```
///
/// It checks that the id is kebab-case; that the default options encode, decode and encode
/// again to the same JSON, with help for every key and no help for a key that does not exist; that each sample reads to at least one
/// document with at least one block, every block and link range inside the text, and the same
/// documents when read twice; that empty input, NUL bytes, invalid UTF-8, each sample cut in
/// half and random bytes never crash and either read to well-formed documents or throw a
/// `ComponentError` with a code; and that `sniff` survives every sample's head and those inputs.
///
/// Problems are returned rather than recorded, so the check needs no test framework and any
/// framework can assert on them; each says which check failed, on which input, and why.
public enum ReaderConformance {
    /// One input to read: a name (its extension matters to some readers) and its bytes.
    public struct Sample: Sendable {
        /// The file name the reader is told, such as `story.md`.
        public var name: String
        /// The bytes.
        public var data: Data

        /// A sample of raw bytes.
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }

        /// A sample of UTF-8 text.
        public init(name: String, text: String) {
            self.init(name: name, data: Data(text.utf8))
        }
    }

    /// One failed check.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The check that failed: `id`, `options`, `read`, `ranges`, `determinism`, `hostile input`.
        public var check: String
        /// What went wrong, naming the input.
        public var message: String

        /// Creates a problem.
        public init(check: String, message: String) {
            self.check = check
            self.message = message
        }

        public var description: String { "\(check): \(message)" }
    }

    /// Runs every check on reader type `R` created with `options`, reading `samples`.
    ///
    /// - Parameters:
    ///   - samples: well-formed inputs the reader must read; at least one.
    ///   - options: the options to create the reader with (the defaults when omitted).
    /// - Returns: the problems found, empty when the reader conforms.
    public static func check<R: Reader>(_ type: R.Type, samples: [Sample], options: R.Options = R.Options()) -> [Problem] {
        var problems: [Problem] = []
        if !Registry.isKebabCase(R.id) {
            problems.append(Problem(check: "id", message: "'\(R.id)' is not lowercase kebab-case; use an id such as 'my-reader'"))
        }
        problems += checkOptions(R.Options.self)
        let reader: R
        do {
            reader = try R(options: options)
        } catch {
            return problems + [Problem(check: "options", message: "the reader cannot be created with the given options: \(error)")]
        }
        if samples.isEmpty {
            problems.append(Problem(check: "read", message: "no samples given; pass at least one input the reader accepts"))
        }
        for sample in samples { problems += checkSample(reader, sample) }
        for (name, data) in hostileInputs(samples) { problems += checkHostile(reader, name: name, data: data) }
        for sample in samples {
            for head in [sample.data.prefix(512), sample.data.prefix(3), sample.data.prefix(sample.data.count / 2)] {
                _ = R.sniff(Data(head))
            }
        }
        for (_, data) in hostileInputs(samples) { _ = R.sniff(data) }
        return problems
    }

    // MARK: Options

    /// The default options encode, decode and encode again to the same JSON, and every key has help.
    static func checkOptions<O: ComponentOptions>(_ type: O.Type) -> [Problem] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let first = try encoder.encode(O())
            let second = try encoder.encode(JSONDecoder().decode(O.self, from: first))
            guard first == second else {
                return [
                    Problem(
                        check: "options",
                        message:
                            "the default options change in a round trip: '\(String(decoding: first, as: UTF8.self))'"
                            + " became '\(String(decoding: second, as: UTF8.self))'"
                    )
                ]
            }
            let keys = (try JSONSerialization.jsonObject(with: first) as? [String: Any]).map { Array($0.keys) } ?? []
            // An optional without a default is left out of the JSON, so the properties count too.
            let properties = Mirror(reflecting: O()).children.compactMap(\.label)
            let known = Set(keys).union(properties)
            let undocumented = keys.sorted().filter { O.help[$0] == nil }.map {
                Problem(check: "options", message: "option '\($0)' has no help; add a line for it to 'Options.help'")
            }
            let stale = O.help.keys.sorted().filter { !known.contains($0) }.map {
                Problem(check: "options", message: "'Options.help' documents '\($0)', which is no option; remove it or fix its spelling")
            }
            return undocumented + stale
        } catch {
            return [Problem(check: "options", message: "the default options do not encode and decode: \(error)")]
        }
    }

    // MARK: Samples

    private static func checkSample<R: Reader>(_ reader: R, _ sample: Sample) -> [Problem] {
        let input = Input(id: "sample", name: sample.name, data: sample.data)
        let documents: [Document]
        do {
            documents = try reader.read(input)
        } catch {
            return [Problem(check: "read", message: "sample '\(sample.name)' does not read: \(error)")]
        }
        var problems: [Problem] = []
        if documents.isEmpty { problems.append(Problem(check: "read", message: "sample '\(sample.name)' reads to no document")) }
        for (index, document) in documents.enumerated() {
            if document.blocks.isEmpty {
                problems.append(Problem(check: "read", message: "document \(index) of sample '\(sample.name)' has no block"))
            }
            problems += rangeProblems(document, input: "sample '\(sample.name)', document \(index)")
        }
        if let again = try? reader.read(input), again != documents {
            problems.append(Problem(check: "determinism", message: "sample '\(sample.name)' reads to different documents the second time"))
        }
        return problems
    }

    /// Every block and link range lies inside the text, start before end, blocks in order.
    static func rangeProblems(_ document: Document, input: String) -> [Problem] {
        var problems: [Problem] = []
        var previousStart = 0
        for (k, block) in document.blocks.enumerated() {
            let r = block.range
            if r.start < 0 || r.end > document.length || r.start > r.end {
                problems.append(
                    Problem(
                        check: "ranges",
                        message:
                            "\(input): block \(k) (\(block.kind.rawValue)) has range \(r.start)..<\(r.end)"
                            + " outside the text of \(document.length) scalars"
                    ))
            } else if r.start < previousStart {
                problems.append(Problem(check: "ranges", message: "\(input): block \(k) starts at \(r.start), before the block above it"))
            }
            previousStart = max(previousStart, r.start)
        }
        for (k, link) in document.links.enumerated() {
            guard let r = link.range else { continue }
            if r.start < 0 || r.end > document.length || r.start > r.end {
                problems.append(
                    Problem(
                        check: "ranges",
                        message: "\(input): link \(k) has range \(r.start)..<\(r.end) outside the text of \(document.length) scalars"))
            }
        }
        return problems
    }

    // MARK: Hostile input

    /// Inputs no reader may crash on: empty, NUL bytes, invalid UTF-8, each sample cut in half
    /// (inside a multi-byte character when there is one), and random bytes from a fixed seed.
    static func hostileInputs(_ samples: [Sample]) -> [(String, Data)] {
        var inputs: [(String, Data)] = [
            ("empty", Data()),
            ("NUL bytes", Data([0x54, 0x69, 0x74, 0x6C, 0x65, 0x00, 0x0A, 0x00, 0x00, 0x42, 0x6F, 0x64, 0x79])),
            (
                "invalid UTF-8",
                Data([0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x0A, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x42, 0x6F, 0x64, 0x79, 0x2E])
            ),
        ]
        for sample in samples where sample.data.count > 1 {
            var cut = sample.data.count / 2
            // Prefer a cut inside a multi-byte character, the harder case.
            if let inside = sample.data.indices.dropFirst(cut).first(where: { sample.data[$0] & 0xC0 == 0x80 }) {
                cut = inside - sample.data.startIndex
            }
            inputs.append(("'\(sample.name)' cut at byte \(cut)", Data(sample.data.prefix(cut))))
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var random = Data(count: 4096)
        for i in random.indices {
            // SplitMix64: deterministic, so a failure can be reproduced.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            random[i] = UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
        inputs.append(("4096 random bytes", random))
        return inputs
    }

    private static func checkHostile<R: Reader>(_ reader: R, name: String, data: Data) -> [Problem] {
        do {
            let documents = try reader.read(Input(id: "hostile", name: "hostile", data: data))
            return documents.enumerated().flatMap { rangeProblems($0.element, input: "\(name), document \($0.offset)") }
        } catch let error as ComponentError {
            guard let code = error.code, !code.isEmpty else {
                return [Problem(check: "hostile input", message: "\(name): the ComponentError has no code: \(error.message)")]
            }
            return []
        } catch {
            return [
                Problem(check: "hostile input", message: "\(name): threw \(type(of: error)), not a ComponentError with a code: \(error)")
            ]
        }
    }
}
