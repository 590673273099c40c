import DossierCore
import DossierReaders
import Foundation
import Testing

@Suite("Reader 'feed': RSS and Atom, one article per item")
struct FeedReaderTests {
    let reader = try! FeedReader(options: .init())

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Valley Courier</title>
          <link>https://courier.example/</link>
          <language>en-gb</language>
          <item>
            <title>Ferry service resumes after storm</title>
            <link>https://courier.example/news/ferry</link>
            <guid>https://courier.example/news/ferry</guid>
            <pubDate>Tue, 06 Oct 2026 08:30:00 +0000</pubDate>
            <dc:creator>Nia Holm</dc:creator>
            <content:encoded><![CDATA[<p>The harbour ferry ran again on Tuesday, two days after the storm closed the crossing.</p>
              <p>Operator Lena Brask said the boats had been inspected overnight. <a href="/notices/ferry">Read the notice</a>.</p>]]></content:encoded>
          </item>
          <item>
            <link>https://courier.example/news/empty</link>
          </item>
          <item>
            <title>Council approves cycle lanes</title>
            <link>https://courier.example/news/cycle</link>
            <description>&lt;p&gt;The council voted eight to three for new cycle lanes on the river road.&lt;/p&gt;</description>
            <pubDate>Wed, 07 Oct 2026 17:05:00 +0200</pubDate>
            <author>desk@courier.example (Omar Said)</author>
          </item>
        </channel>
        </rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Field Notes</title>
          <entry>
            <title>Bird count rises</title>
            <id>tag:notes.example,2026:birds</id>
            <link rel="alternate" href="https://notes.example/birds"/>
            <published>2026-05-02T10:00:00Z</published>
            <author><name>Ada Brook</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Volunteers counted 412 swallows this spring, up from 300.</p><p>The count runs every May.</p></div></content>
          </entry>
        </feed>
        """

    func read(_ xml: String, name: String = "feed.rss") throws -> [Result<Document, ComponentError>] {
        try reader.readEach(Input(id: "feed", name: name, data: Data(xml.utf8)))
    }

    @Test("RSS items become articles with the item's metadata; a broken item fails alone")
    func rss() throws {
        let results = try read(Self.rss)
        #expect(results.count == 3)
        let first = try results[0].get()
        #expect(first.id == "feed-1")
        #expect(first.metadata.title == "Ferry service resumes after storm")
        #expect(first.metadata.url == "https://courier.example/news/ferry")
        #expect(first.metadata.published == "2026-10-06T08:30:00Z")
        #expect(first.metadata.authors == ["Nia Holm"])
        #expect(first.metadata.publisher == "Valley Courier")
        #expect(first.metadata.language == "en-gb")
        #expect(first.text.contains("The harbour ferry ran again on Tuesday"))
        #expect(first.text.contains("Operator Lena Brask said"))
        #expect(first.blocks.contains { $0.kind == .paragraph })
        guard case .failure(let broken) = results[1] else {
            Issue.record("the item without title or content should fail")
            return
        }
        #expect(broken.code == "E461")
        let third = try results[2].get()
        #expect(third.metadata.authors == ["Omar Said"])
        #expect(third.metadata.published == "2026-10-07T15:05:00Z")
        #expect(third.text.contains("eight to three"))
    }

    @Test("Atom entries read xhtml content, links and authors")
    func atom() throws {
        let results = try read(Self.atom, name: "notes.atom")
        let entry = try #require(try results.first?.get())
        #expect(entry.metadata.title == "Bird count rises")
        #expect(entry.metadata.url == "https://notes.example/birds")
        #expect(entry.metadata.authors == ["Ada Brook"])
        #expect(entry.metadata.language == "en")
        #expect(entry.text.contains("Volunteers counted 412 swallows"))
        #expect(entry.text.contains("The count runs every May."))
    }

    @Test("sniff knows feeds by their root element")
    func sniff() {
        #expect(FeedReader.sniff(Data(Self.rss.utf8)))
        #expect(FeedReader.sniff(Data(Self.atom.utf8)))
        #expect(!FeedReader.sniff(Data("<html><body><p>hi</p></body></html>".utf8)))
    }

    @Test(
        "bad feeds fail with a clear error, never a crash",
        arguments: [
            "", "   \n", "<html><body>not a feed</body></html>", "\u{0}\u{1}\u{2}garbage\u{FF}",
            "<rss><channel><title>x</title></channel></rss>",
        ])
    func badFeeds(_ text: String) {
        #expect(throws: ComponentError.self) { try read(text) }
    }

    @Test("a feed larger than maxBytes fails with E462 before it is parsed; maxBytes must be positive")
    func tooLarge() throws {
        var options = FeedReader.Options()
        options.maxBytes = Self.rss.utf8.count - 1
        let error = componentError { try FeedReader(options: options).readEach(Input(id: "f", name: "big.rss", data: Data(Self.rss.utf8))) }
        #expect(error?.code == "E462")
        #expect(error?.message.contains("more than the limit of \(options.maxBytes)") == true)
        options.maxBytes = Self.rss.utf8.count
        #expect(try FeedReader(options: options).readEach(Input(id: "f", name: "big.rss", data: Data(Self.rss.utf8))).count == 3)
        options.maxBytes = 0
        let bad = componentError { try FeedReader(options: options) }
        #expect(bad?.code == "E240" && bad?.option == "maxBytes")
    }

    @Test("a truncated feed still yields the items before the cut")
    func truncated() throws {
        let cut = String(Self.rss.prefix(Self.rss.count * 2 / 3))
        let results = try read(cut)
        #expect(try results.first?.get().metadata.title == "Ferry service resumes after storm")
    }

    @Test("external entities are not loaded")
    func noExternalEntities() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <rss version="2.0"><channel><title>t</title><item><title>Leak &secret;</title><description>Body text for the item.</description></item></channel></rss>
            """
        let results = try read(xml)
        let item = try #require(try results.first?.get())
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "no-such-host"
        #expect(!(item.metadata.title ?? "").contains(hostname))
    }
}
