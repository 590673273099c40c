import DossierCore

/// What wraps report content into a page: the head with the inline style sheet, the landmarks, the
/// script; and the markers around an article that let the sink put several into one page.
enum HTMLPage {
    /// Written before and after an article's `<article>` element. Article text is escaped, so no
    /// `<!--` can come from it: the first start marker and the last end marker of a rendering are
    /// the exporter's own.
    static let articleStart: [UInt8] = Array("<!-- dossier:article -->\n".utf8)
    static let articleEnd: [UInt8] = Array("<!-- /dossier:article -->\n".utf8)

    /// Opens a page up to and including `<main>`. `indexLink` adds a link to the page's index of
    /// articles to the top bar.
    static func head(title: String, brand: String, language: String?, indexLink: Bool, into out: inout HTMLBuffer) {
        out.raw("<!DOCTYPE html>\n<html lang=\"")
        out.text(language.flatMap(languageTag) ?? "en")
        out.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.raw("<meta name=\"generator\" content=\"Dossier html exporter\">\n<title>")
        out.text(title)
        out.raw("</title>\n<style>\n")
        out.raw(HTMLAssets.css)
        out.raw("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header class=\"report-bar\">\n<p>")
        out.text(brand)
        out.raw("</p>\n")
        if indexLink { out.raw("<nav aria-label=\"Report\"><a href=\"#index\">Index of articles</a></nav>\n") }
        out.raw("</header>\n<main id=\"main\">\n")
    }

    /// Closes `<main>` and the page.
    static func foot(into out: inout HTMLBuffer) {
        out.raw("</main>\n<footer class=\"report-foot\">\n<p>Made by Dossier. Highlights and scores are machine-made leads for a ")
        out.raw("fact-checker, not verdicts.</p>\n</footer>\n<script>\n")
        out.raw(HTMLAssets.script)
        out.raw("</script>\n</body>\n</html>\n")
    }

    /// `tag` when it looks like a BCP 47 language tag (letters, digits and hyphens), else nil.
    static func languageTag(_ tag: String) -> String? {
        let ok =
            !tag.isEmpty && tag.utf8.count <= 35
            && tag.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        return ok ? tag : nil
    }

    /// An id-safe token for any string: letters, digits and hyphens kept, every other scalar
    /// written as `_` and its hex value and `_`, so distinct strings give distinct tokens.
    static func token(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-") {
                out.unicodeScalars.append(s)
            } else {
                out += "_" + String(s.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// Whether `url` may be a link: only `http:` and `https:` addresses are, so a hostile
    /// `javascript:` or `data:` address stays text.
    static func isLinkable(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A link to `url` with `text`, or the text alone when `url` may not be a link.
    static func link(_ url: String?, text: String, into out: inout HTMLBuffer) {
        if let url, isLinkable(url) {
            out.raw("<a href=\"")
            out.text(url)
            out.raw("\" rel=\"noopener noreferrer\">")
            out.text(text)
            out.raw("</a>")
        } else {
            out.text(text)
        }
    }

    /// A relative path made safe for an `href`: every byte but unreserved ones and `/` percent-encoded.
    static func percentEncodedPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Unicode.Scalar(byte)
            if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "-._~/".unicodeScalars.contains(c) {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
