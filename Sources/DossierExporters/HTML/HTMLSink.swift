public import DossierCore
public import Foundation

/// The `html` exporter's sink: one page per article with an index page beside, or one page for
/// all the articles with the index at its end.
///
/// - A file per article (`to: out/{id}.html`): each page is written as rendered; `finish` writes
///   the index page (the `index` option, `index.html` by default) in the target's folder, linking
///   every article by its file's path (`ExportOutput.articlePath`), as a batch file that is
///   renamed into place only when the run ends well.
/// - One file (`to: out/report.html`) or standard output: one page. The first article brings the
///   page's head, each article its `<article>` element (taken from between the markers of its
///   rendering), and `finish` the index section, linking each article within the page, and the
///   page's end.
///
/// The index is a table of every article with its key figures (words, claims, unsourced claims,
/// the top check-worthiness, sources, quotes, findings, the headline's clickbait score), sortable
/// by any column. The sink keeps one small row per article, never a rendering.
public struct HTMLSink: ExportSink {
    private struct Row {
        var id: String
        var title: String
        var href: String?
        var figures: HTMLFigures
    }

    private let output: any ExportOutput
    private let options: HTMLExporter.Options
    private var rows: [Row] = []

    /// Creates the sink.
    public init(_ output: any ExportOutput, options: HTMLExporter.Options) {
        self.output = output
        self.options = options
    }

    /// Writes one article's page, or adds its article to the one page.
    public mutating func write(_ rendered: Data, for document: Document) throws {
        let title = HTMLExporter.title(of: document)
        if output.kind.isPerArticle {
            try output.write(rendered)
            rows.append(
                Row(id: document.id, title: title, href: output.articlePath.map(HTMLPage.percentEncodedPath), figures: .init(document)))
            return
        }
        var page = HTMLBuffer()
        if rows.isEmpty { HTMLPage.head(title: options.title, brand: options.title, language: nil, indexLink: true, into: &page) }
        page.raw(bytes: Self.article(in: rendered))
        try output.write(Data(page.bytes))
        rows.append(Row(id: document.id, title: title, href: "#d-" + HTMLPage.token(document.id), figures: .init(document)))
    }

    /// Writes the index page beside the articles' pages, or the index and the end of the one page.
    public mutating func finish() throws {
        guard !rows.isEmpty else { return }
        var page = HTMLBuffer()
        if output.kind.isPerArticle {
            guard !options.index.isEmpty else { return }
            HTMLPage.head(title: options.title + " — index", brand: options.title, language: nil, indexLink: false, into: &page)
            index(heading: "h1", into: &page)
            HTMLPage.foot(into: &page)
            try output.write(Data(page.bytes), toFileNamed: options.index)
        } else {
            index(heading: "h2", into: &page)
            HTMLPage.foot(into: &page)
            try output.write(Data(page.bytes))
        }
    }

    /// The `<article>` element of a page this exporter rendered: from its first start marker to
    /// its last end marker. Anything else is taken whole.
    static func article(in rendered: Data) -> Data {
        guard let start = rendered.range(of: Data(HTMLPage.articleStart)),
            let end = rendered.range(of: Data(HTMLPage.articleEnd), options: .backwards), start.lowerBound < end.lowerBound
        else { return rendered }
        return rendered[start.lowerBound..<end.upperBound]
    }

    /// The sortable table of every article.
    private func index(heading: String, into out: inout HTMLBuffer) {
        out.raw("<section id=\"index\" aria-labelledby=\"index-title\">\n<\(heading) id=\"index-title\">Index of articles</\(heading)>\n")
        out.raw("<p class=\"summary\">\(rows.count) \(rows.count == 1 ? "article" : "articles"). ")
        out.raw("Choose a column heading to sort by it; a dash is a figure the pipeline did not produce.</p>\n")
        out.raw(
            "<div class=\"table-wrap\"><table class=\"sortable\">\n<thead><tr><th scope=\"col\"><button type=\"button\">Article</button></th>"
        )
        let labels = HTMLFigures.labels
        for label in labels {
            out.raw("<th scope=\"col\" class=\"num\" data-type=\"number\"><button type=\"button\">")
            out.text(label)
            out.raw("</button></th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        for row in rows {
            out.raw("<tr><td data-sort=\"")
            out.text(row.title)
            out.raw("\">")
            if let href = row.href {
                out.raw("<a href=\"")
                out.text(href)
                out.raw("\">")
                out.text(row.title)
                out.raw("</a>")
            } else {
                out.text(row.title)
            }
            out.raw("<br><code>")
            out.text(row.id)
            out.raw("</code></td>")
            for figure in row.figures.rows {
                out.raw("<td class=\"num\" data-sort=\"")
                out.text(figure.sortKey.map { "\($0)" } ?? "")
                out.raw("\">")
                out.text(figure.shown ?? "—")
                out.raw("</td>")
            }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n</table></div>\n</section>\n")
    }
}
