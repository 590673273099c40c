import Dossier
import Testing

@Suite("Plan: analyzers ordered by what they require and provide")
struct PlanTests {
    func load(_ yaml: String) throws -> Pipeline {
        try PipelineLoader(registry: testRegistry(), environment: [:]).load(text: yaml, file: "p.yaml")
    }

    func problems(_ yaml: String) throws -> [Diagnostic] {
        do {
            _ = try load(yaml)
            return []
        } catch let report as LintReport {
            return report.diagnostics
        }
    }

    @Test("an analyzer written before its producer runs after it; independent ones share a stage")
    func orders() throws {
        let pipeline = try load("version: 1\nreader: raw\nanalyzers: [count, shout, lines]\nexporters: [summary]\n")
        #expect(pipeline.analyzers.map(\.info.id) == ["shout", "lines", "count"])
        #expect(pipeline.plan.steps.map(\.stage) == [0, 0, 1])
        #expect(pipeline.plan.steps.last?.after == [.sentences: ["lines"]])
        #expect(pipeline.plan.description.contains("count: needs sentences (from 'lines')"))
        #expect(pipeline.plan.description.contains("stage 1 (2 analyzers may run together)"))
    }

    @Test("a required layer with no producer is refused, naming who could provide it")
    func missingProducer() throws {
        let found = try problems("version: 1\nreader: raw\nanalyzers:\n  - count\nexporters: [summary]\n")
        let d = try #require(found.first { $0.code == "E301" })
        #expect(
            d.message
                == "analyzer 'count' requires layer 'sentences', which no analyzer in this pipeline provides; add 'lines' to 'analyzers'")
        #expect(d.location?.line == 4)
    }

    @Test("an exporter's required layer with no producer is refused")
    func exporterNeeds() throws {
        let found = try problems("version: 1\nreader: raw\nexporters:\n  - quote-list\n")
        #expect(found.map(\.code) == ["E303"])
    }

    @Test("a cycle is refused with the chain named")
    func cycle() throws {
        let found = try problems("version: 1\nreader: raw\nanalyzers: [chicken, egg]\nexporters: [summary]\n")
        let d = try #require(found.first { $0.code == "E302" })
        #expect(d.message.contains("'chicken' requires 'eggs' from 'egg' requires 'chickens' from 'chicken'"), "\(d.message)")
    }

    @Test("an option rejected by the component points at the option's value")
    func componentRejectsOption() throws {
        let found = try problems("version: 1\nreader: raw\nanalyzers:\n  - lines:\n      delayMilliseconds: -5\nexporters: [summary]\n")
        let d = try #require(found.first)
        #expect(d.code == "E240")
        #expect(d.location?.line == 5)
        #expect(d.location?.column == 26)
    }
}
