import DossierCore
import DossierReaders
import Foundation
import Testing

/// A start tag with `count` distinct attributes.
private func tag(_ name: String = "div", attributes count: Int) -> String {
    "<\(name) " + (0..<count).map { "a\($0)=\"\($0)\"" }.joined(separator: " ") + ">"
}

private let story = "<p>The harbour ferry ran again on Tuesday after a week of storms kept it in port, the operator said.</p>"

@Suite("HTML attribute limit")
struct HTMLAttributeLimitTests {
    @Test("a page with an element of more than 256 attributes is refused with E436 before libxml2 reads it", arguments: [257, 200_000])
    func overLimitIsRefused(count: Int) throws {
        let page = "<html><body>\(story)" + tag(attributes: count) + "x</div></body></html>"
        let error = try #require(throws: ComponentError.self) { try readHTML(Data(page.utf8), name: "many.html") }
        #expect(error.code == "E436")
        #expect(
            error.message
                == "page 'many.html' has an element with more than 256 attributes (its tag starts at byte \(12 + story.utf8.count)), which the HTML parser would take minutes to read; remove the excess attributes"
        )
    }

    @Test("256 attributes, unquoted and valueless ones counted alike, are read")
    func atLimitIsRead() throws {
        let attributes = (0..<128).map { "b\($0)=v\($0)" } + (0..<128).map { "c\($0)" }
        let page = "<html><body><article " + attributes.joined(separator: " ") + ">\(story)</article></body></html>"
        #expect(try readHTML(page).text.contains("harbour ferry"))
    }

    @Test("attribute-like text in scripts, styles, comments and quoted values is not counted")
    func textThatIsNotAttributes() throws {
        let words = (0..<1000).map { "w\($0)" }.joined(separator: " ")
        let page =
            "<html><head><script>if (a <b \(words)) {}</script><STYLE>x<y \(words) {}</STYLE></head><body>"
            + "<!-- <div \(words) --><p title=\"\(words)\" data-x='\(words)'>The harbour ferry ran again on Tuesday after a week of storms.</p>"
            + "\(story)</body></html>"
        #expect(try readHTML(page).text.contains("harbour ferry"))
    }

    @Test("attributes written without spaces between them, or in UTF-16, are counted too")
    func attributesCannotHide() throws {
        let packed = "<html><body>" + "<div " + (0..<300).map { "a\($0)=\"\($0)\"" }.joined() + ">\(story)</div></body></html>"
        #expect((try? readHTML(packed)) == nil)
        let page = "<html><body>\(story)" + tag(attributes: 300) + "</div></body></html>"
        let utf16 = Data([0xFF, 0xFE]) + Data(page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let error = try #require(throws: ComponentError.self) { try readHTML(utf16) }
        #expect(error.code == "E436")
    }

    @Test("a feed item whose HTML has an element over the limit fails alone, naming the limit")
    func feedItem() throws {
        let body = (tag(attributes: 300) + "Crowded item</div>").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
        let feed = """
            <rss version="2.0"><channel><title>t</title>
            <item><title>Crowded</title><description>\(body)</description></item>
            <item><title>Fine</title><description>The harbour ferry ran again on Tuesday after a week of storms.</description></item>
            </channel></rss>
            """
        let results = try FeedReader(options: .init()).readEach(Input(id: "f", name: "feed.xml", data: Data(feed.utf8)))
        #expect(results.count == 2)
        guard case .failure(let error) = results[0] else {
            Issue.record("the crowded item should fail")
            return
        }
        #expect(error.code == "E461")
        #expect(error.message.contains("more than 256 attributes"))
        #expect(try results[1].get().text.contains("harbour ferry"))
    }

    @Test("HTML in a JSON body with an element over the limit is refused with E458")
    func jsonBody() throws {
        let html = tag(attributes: 300).replacingOccurrences(of: "\"", with: "\\\"") + "Crowded</div>"
        let json = "{\"title\": \"Crowded\", \"html\": \"\(html)\"}"
        let error = try #require(throws: ComponentError.self) {
            try JSONReader().read(Input(id: "j", name: "in.json", data: Data(json.utf8)))
        }
        #expect(error.code == "E458")
        #expect(error.message.contains("more than 256 attributes (its tag starts at byte 0 of the body)"))
    }
}
