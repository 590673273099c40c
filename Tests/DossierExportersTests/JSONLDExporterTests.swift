import DossierCore
import DossierExporters
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("JSON-LD exporter")
struct JSONLDExporterTests {
    func graph(_ document: Document, options: JSONLDExporter.Options = .init()) throws -> [[String: Any]] {
        let data = try JSONLDExporter(options: options).export(document)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        return try #require(object["@graph"] as? [[String: Any]])
    }

    func reviews(_ graph: [[String: Any]]) -> [[String: Any]] { graph.filter { $0["@type"] as? String == "ClaimReview" } }

    @Test("the JSON-LD of a fully annotated story matches its golden file")
    func golden() throws {
        try Golden.check(try JSONLDExporter().export(SampleDocuments.full), against: "full.jsonld")
    }

    @Test("the NewsArticle carries headline, authors, dates, publisher, address and the works the article cites")
    func newsArticle() throws {
        let article = try #require(try graph(SampleDocuments.full).first)
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "Riverton council votes to close the Old Mill Bridge to cars")
        #expect((article["author"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Ana Kovač", "Zoe\u{0308} Brandt"])
        #expect(article["datePublished"] as? String == "2025-03-14T09:30:00Z")
        #expect(article["dateModified"] as? String == "2025-03-14T11:05:00Z")
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "The Riverton Courier")
        #expect(article["url"] as? String == "https://courier.example/2025/03/14/old-mill-bridge")
        let citations = try #require(article["citation"] as? [[String: Any]])
        let urls = citations.compactMap { $0["url"] as? String }
        // Sources with an address, then links no source gave; each address once, no image.
        #expect(
            urls == [
                "https://transport.riverton.example/quay-street-2024.pdf", "https://x.com/rivertoncycles/status/1",
                "https://courier.example/2023/trial", "https://social.example/@RivertonCycles/112233",
            ])
        #expect(citations.contains { $0["@type"] as? String == "SocialMediaPosting" })
    }

    /// The properties Google's ClaimReview documentation requires (claimReviewed; reviewRating and
    /// url, which a draft leaves to the fact-checker) and recommends (itemReviewed with author,
    /// appearance or firstAppearance, datePublished).
    @Test("each check-worthy claim gets a ClaimReview draft with Google's required and recommended properties a draft can fill")
    func claimReviews() throws {
        let drafts = reviews(try graph(SampleDocuments.full))
        // c1 (0.35) is below the default minimum of 0.5; the rest, most check-worthy first.
        #expect(drafts.compactMap { $0["identifier"] as? String } == ["c2", "c4", "c3"])
        for draft in drafts {
            #expect(draft["creativeWorkStatus"] as? String == "Draft")
            #expect(!((draft["claimReviewed"] as? String) ?? "").isEmpty)
            #expect(draft["reviewRating"] == nil, "the verdict is the fact-checker's")
            #expect(draft["url"] == nil && draft["datePublished"] == nil, "the fact-check's address and date are not known yet")
            let claim = try #require(draft["itemReviewed"] as? [String: Any])
            #expect(claim["@type"] as? String == "Claim")
            #expect(claim["datePublished"] as? String == "2025-03-14T09:30:00Z")
            let appearance = try #require(claim["appearance"] as? [String: Any])
            #expect(appearance["url"] as? String == "https://courier.example/2025/03/14/old-mill-bridge")
            #expect(claim["firstAppearance"] != nil)
            let author = try #require(claim["author"] as? [String: Any])
            #expect(["Person", "Organization"].contains(author["@type"] as? String ?? ""))
            #expect(!((author["name"] as? String) ?? "").isEmpty)
        }
        #expect(drafts[0]["claimReviewed"] as? String == "the trial cut collisions on the bridge by half")
        let speaker = try #require((drafts[0]["itemReviewed"] as? [String: Any])?["author"] as? [String: Any])
        #expect(
            speaker["@type"] as? String == "Person" && speaker["name"] as? String == "Lena Ortiz"
                && speaker["jobTitle"] as? String == "Mayor")
        // The publication asserts c4 in its own voice: the publisher is its author.
        let publication = try #require((drafts[1]["itemReviewed"] as? [String: Any])?["author"] as? [String: Any])
        #expect(publication["@type"] as? String == "Organization" && publication["name"] as? String == "The Riverton Courier")
    }

    @Test("minimumScore, maxReviews, publisher and reviewAuthor shape the drafts")
    func options() throws {
        var options = JSONLDExporter.Options()
        options.minimumScore = 0.8
        #expect(reviews(try graph(SampleDocuments.full, options: options)).compactMap { $0["identifier"] as? String } == ["c2", "c4"])
        options.minimumScore = 0
        options.maxReviews = 1
        options.reviewAuthor = "Riverton Fact Desk"
        let one = reviews(try graph(SampleDocuments.full, options: options))
        #expect(one.count == 1)
        #expect((one.first?["author"] as? [String: Any])?["name"] as? String == "Riverton Fact Desk")
        var bare = SampleDocuments.full
        bare.metadata.publisher = nil
        options.publisher = "Fallback Times"
        let article = try #require(try graph(bare, options: options).first)
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "Fallback Times")
        // A story that was only read has its article and no drafts.
        #expect(try graph(SampleDocuments.read).count == 1)
    }

    @Test("hostile text stays inside JSON strings and cannot close a script element")
    func hostile() throws {
        var document = Document(id: "x", text: "He said </script><script>alert(1)</script> & \"more\"\u{0}.")
        document.metadata.title = "</script>"
        document.annotations.claims = [
            ClaimAnnotation(
                id: "c1", range: TextRange(start: 0, end: document.length), checkWorthiness: 0.9,
                producer: Provenance(component: "t", version: "1"))
        ]
        let data = try JSONLDExporter().export(document)
        #expect(!data.contains(UInt8(ascii: "<")))
        let drafts = reviews(try graph(document))
        #expect(drafts.first?["claimReviewed"] as? String == "He said </script><script>alert(1)</script> & \"more\"\u{0}.")
    }

    @Test("many articles on one shared file make one JSON array; a negative maxReviews or a score outside 0 to 1 is refused")
    func sinkAndValidation() throws {
        let exporter = try JSONLDExporter()
        let output = MemoryOutput(kind: .sharedFile(path: "/out/all.jsonld"))
        var sink = try exporter.makeSink(for: output, context: .standalone(exporter: "jsonld"))
        for document in [SampleDocuments.full, SampleDocuments.read] { try sink.write(try exporter.export(document), for: document) }
        try sink.finish()
        let array = try #require(try JSONSerialization.jsonObject(with: output.stream) as? [[String: Any]])
        #expect(array.count == 2)
        for (key, value, code) in [("minimumScore", 1.5, "E260"), ("minimumScore", -0.1, "E260"), ("maxReviews", -1, "E261")] {
            var options = JSONLDExporter.Options()
            if key == "maxReviews" { options.maxReviews = Int(value) } else { options.minimumScore = value }
            do {
                try JSONLDExporter.validate(options)
                Issue.record("\(key) \(value) was accepted")
            } catch let error as ComponentError {
                #expect(error.code == code)
            }
        }
        var compact = JSONLDExporter.Options()
        compact.pretty = false
        let problems =
            ExporterConformance.check(JSONLDExporter.self, documents: [SampleDocuments.full, SampleDocuments.read])
            + ExporterConformance.check(JSONLDExporter.self, documents: [SampleDocuments.full], options: compact)
        #expect(problems.isEmpty, "\(problems)")
        let line = try JSONLDExporter(options: compact).export(SampleDocuments.full)
        #expect(line.filter { $0 == UInt8(ascii: "\n") }.count == 1)
    }
}
