import DossierCore
import DossierReaders
import Foundation
import Testing

/// Metadata of a page with `head` and a short story, read by the `html` reader.
private func metadata(head: String, body: String = "") throws -> Metadata {
    try readHTML(page(head: head, body + "<p>\(prose)</p><p>\(prose)</p>")).metadata
}

private func jsonLD(_ json: String) -> String {
    "<script type=\"application/ld+json\">\(json)</script>"
}

@Suite("HTML reader: titles")
struct HTMLTitleTests {
    @Test(
        "a <title> is cleaned by Readability's separator rules",
        arguments: [
            // The part before the last separator, when it has three words or more.
            ("Council approves the new harbour budget | City Gazette", "Council approves the new harbour budget"),
            ("Council approves the new harbour budget – Gazette – Local news", "Council approves the new harbour budget – Gazette"),
            // Too short before the last separator: everything after the first one instead.
            ("City Gazette | Council approves the new harbour budget", "Council approves the new harbour budget"),
            // Four words or fewer left: the whole title.
            ("Budget vote - Gazette", "Budget vote - Gazette"),
            // A hyphen inside words and a middle dot are not separators.
            ("Council re-elects long-serving mayor in a tight vote", "Council re-elects long-serving mayor in a tight vote"),
            ("Council approves the new harbour budget · Gazette", "Council approves the new harbour budget · Gazette"),
            // After the colon, unless the part before it is long.
            ("Harbour report: Council approves the new budget", "Council approves the new budget"),
            (
                "What the council said after a very long night: Budget passes at dawn",
                "What the council said after a very long night: Budget passes at dawn"
            ),
        ])
    func documentTitle(_ raw: String, _ expected: String) throws {
        #expect(try metadata(head: "<title>\(raw)</title>").title == expected)
    }

    @Test("a colon title is kept whole when a heading repeats it")
    func colonWithHeading() throws {
        let title = "Harbour report: Council approves the new budget"
        let d = try readHTML(page(head: "<title>\(title)</title>", "<h1>\(title)</h1><p>\(prose)</p><p>\(prose)</p>"))
        #expect(d.metadata.title == title)
    }

    @Test("a very short <title> gives way to the page's only h1")
    func shortTitleUsesHeading() throws {
        let d = try readHTML(
            page(head: "<title>Gazette</title>", "<h1>Council approves the new harbour budget</h1><p>\(prose)</p><p>\(prose)</p>"))
        #expect(d.metadata.title == "Council approves the new harbour budget")
    }

    @Test("Dublin Core beats OpenGraph, and a later value of the same name wins")
    func dublinCoreFirst() throws {
        let head = """
            <title>Element title here</title><meta property="og:title" content="OpenGraph headline">
            <meta name="DC.title" content="First Dublin Core headline"><meta property="dc:title" content="Dublin Core headline">
            """
        #expect(try metadata(head: head).title == "Dublin Core headline")
    }

    @Test("JSON-LD wrapped in CDATA is read, and its name is the title")
    func cdataJSONLD() throws {
        let head =
            "<meta property=\"og:title\" content=\"OpenGraph headline\">"
            + jsonLD(
                "<![CDATA[ {\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", \"name\": \"Ferry timetable changes in spring\"} ]]>"
            )
        #expect(try metadata(head: head).title == "Ferry timetable changes in spring")
    }

    @Test("JSON-LD headline wins over a name that does not resemble the page title")
    func headlineOverSiteName() throws {
        let head =
            "<title>Ferry timetable changes in spring - Harbour Post</title>"
            + jsonLD("{\"@type\": \"NewsArticle\", \"name\": \"Harbour Post\", \"headline\": \"Ferry timetable changes in spring\"}")
        #expect(try metadata(head: head).title == "Ferry timetable changes in spring")
    }

    @Test("a structured title loses a suffix that repeats the site name")
    func siteSuffix() throws {
        let head =
            "<meta property=\"og:title\" content=\"How to mend a fishing net | Harbour Post\"><meta property=\"og:site_name\" content=\"Harbour Post\">"
        #expect(try metadata(head: head).title == "How to mend a fishing net")
    }
}

@Suite("HTML reader: authors")
struct HTMLBylineTests {
    @Test("JSON-LD authors come first, every one of them")
    func jsonLDAuthors() throws {
        let head =
            "<meta name=\"author\" content=\"Meta Person\">"
            + jsonLD(
                "{\"@type\": \"NewsArticle\", \"author\": [{\"@type\": \"Person\", \"name\": \"Ana Ruiz\"}, {\"name\": \"Tom Hale\"}]}")
        #expect(try metadata(head: head).authors == ["Ana Ruiz", "Tom Hale"])
    }

    @Test("dc:creator beats author, and repeated creators are all kept")
    func dublinCoreCreators() throws {
        let head =
            "<meta name=\"author\" content=\"Meta Person\"><meta name=\"DC.Creator\" content=\"Lind, Maja\"><meta name=\"DC.Creator\" content=\"Hale, Tom\">"
        #expect(try metadata(head: head).authors == ["Lind, Maja", "Hale, Tom"])
    }

    @Test("an address is cut out of a meta author, and an article:author address is no author")
    func addressesAreNotNames() throws {
        #expect(try metadata(head: "<meta name=\"author\" content=\"Maja Lind (https://maja.example/)\">").authors == ["Maja Lind"])
        let d = try metadata(
            head: "<meta property=\"article:author\" content=\"https://social.example/majalind\">",
            body: "<p class=\"byline\">By Tom Hale</p>")
        #expect(d.authors == ["Tom Hale"])
    }

    @Test("the visible byline: the first byline element outside navigation, comments and hidden parts")
    func visibleByline() throws {
        let body = """
            <div id="authorization"><a href="/login">Sign In</a></div>
            <nav><span class="author">Nav Person</span></nav>
            <div hidden><span class="byline">Hidden Person</span></div>
            <div class="comments"><span class="comment-author">Reader Person</span></div>
            <header class="story-header"><span class="article-byline">By <a rel="author" href="/ana">Ana Ruiz</a> | 3 March 2025</span></header>
            """
        #expect(try metadata(head: "", body: body).authors == ["Ana Ruiz"])
    }

    @Test("itemprop=name inside an author element is preferred, and an editor's credit is not an author")
    func bylineDetails() throws {
        let itemprop = "<span itemprop=\"author\"><span itemprop=\"name\">Maja Lind</span> Staff writer</span>"
        #expect(try metadata(head: "", body: itemprop).authors == ["Maja Lind"])
        let edited = "<p class=\"byline\">Written by Tom Hale<br>Edited by Ana Ruiz</p>"
        #expect(try metadata(head: "", body: edited).authors == ["Tom Hale"])
    }

    @Test("a byline element that holds only a date is passed over")
    func dateIsNoByline() throws {
        let body = "<div class=\"author-date\">March 3, 2025</div><span class=\"byline\">By Tom Hale</span>"
        #expect(try metadata(head: "", body: body).authors == ["Tom Hale"])
    }

    @Test("a non-standard meta name counts only when the page shows no byline")
    func nonStandardMetaIsLast() throws {
        let head = "<meta name=\"article:author\" content=\"Meta Person\">"
        #expect(try metadata(head: head, body: "<span class=\"byline\">Tom Hale</span>").authors == ["Tom Hale"])
        #expect(try metadata(head: head).authors == ["Meta Person"])
    }

    @Test("names joined by 'avec' and 'et' in parentheses are separate, a nickname is not")
    func parentheses() throws {
        let body = "<span class=\"byline\">Par Maja Lind (avec Tom Hale et Ana Ruiz)</span>"
        #expect(try metadata(head: "", body: body).authors == ["Maja Lind", "Tom Hale", "Ana Ruiz"])
        #expect(try metadata(head: "", body: "<span class=\"byline\">Richard (R.J.) Hale</span>").authors == ["Richard (R.J.) Hale"])
    }
}

@Suite("HTML reader: dates and encodings")
struct HTMLDateSourceTests {
    @Test("JSON-LD datePublished beats article:published_time")
    func jsonLDDate() throws {
        let head =
            "<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\">"
            + jsonLD("{\"@type\": \"NewsArticle\", \"datePublished\": \"2025-03-03T22:00:00Z\"}")
        #expect(try metadata(head: head).published == "2025-03-03T22:00:00Z")
    }

    @Test("parsely-pub-date and a <time> element are later sources")
    func laterSources() throws {
        #expect(try metadata(head: "<meta name=\"parsely-pub-date\" content=\"2025-03-05\">").published == "2025-03-05")
        #expect(
            try metadata(head: "", body: "<time datetime=\"2025-03-06T08:00:00+01:00\">6 March</time>").published
                == "2025-03-06T08:00:00+01:00")
    }

    @Test(
        "a page that is valid UTF-8 is read as UTF-8 whatever its stale declaration says",
        arguments: ["gb2312", "windows-1252", "shift_jis"])
    func staleDeclaration(_ charset: String) throws {
        let html =
            "<html><head><meta charset=\"\(charset)\"><title>Fähre über den Fluss fährt wieder nach Plan</title></head><body><article><p>\(prose) Grüße aus Kiel.</p></article></body></html>"
        let d = try readHTML(html)
        #expect(d.metadata.title == "Fähre über den Fluss fährt wieder nach Plan")
        #expect(d.text.contains("Grüße aus Kiel"))
    }
}
