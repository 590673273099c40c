import DossierCore

/// Assembles the canonical text from the written blocks: the title first, then every block on
/// its own line, with page furniture that survived extraction (ad labels, share prompts) dropped,
/// bylines recognised by their wording and a dateline split off the first paragraph.
struct HTMLLayout {
    var pieces: [HTMLBlockWriter.Piece]
    let title: String?

    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var blocks: [Block] = []
    private(set) var links: [Link] = []
    private(set) var bylineAuthors: [String] = []
    /// The headline found in the body when the page declared none.
    private(set) var titleText: String?

    init(pieces: [HTMLBlockWriter.Piece], title: String?) {
        self.pieces = pieces
        self.title = title
    }

    var hasBody: Bool {
        blocks.contains { [.paragraph, .lede, .listItem, .heading, .blockQuote, .embeddedPost].contains($0.kind) }
    }

    /// Whole blocks that are labels of page furniture rather than text: compared lowercased,
    /// without surrounding punctuation.
    static let furniture: Set<String> = [
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content", "story continues below",
        "story continues below advertisement", "article continues below", "continue reading", "continue reading below", "read more",
        "read more below", "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
        "tweet", "email", "print", "comments", "leave a comment", "click here", "subscribe", "sign up", "related", "related articles",
        "related stories", "recommended", "more from", "you may also like", "you might also like", "skip to content",
        "skip to main content",
        "loading", "loading...", "close", "menu", "image", "photo", "video", "listen", "listen to this article", "copy link", "link copied",
    ]

    mutating func build() {
        let titleKey = title.map(Self.key)
        var kept: [HTMLBlockWriter.Piece] = []
        // The longest furniture label; longer blocks need no key unless they may repeat the title.
        let labelLength = Self.furniture.map(\.count).max() ?? 0
        for var piece in pieces {
            let needsKey = piece.scalars.count <= labelLength + 4 || (titleKey != nil && kept.count < 4)
            if needsKey {
                let key = Self.key(piece.scalars)
                if key.isEmpty || Self.furniture.contains(key) { continue }
                // The headline repeated at the top of the body: the title block already has it.
                if let titleKey, key == titleKey, kept.count < 4, piece.kind == .heading || piece.kind == .paragraph { continue }
            } else if !piece.scalars.contains(where: Self.isAlphanumeric) {
                continue
            }
            if title == nil, titleText == nil, piece.kind == .heading, piece.level == 1 {
                titleText = HTMLLayout.string(piece.scalars)
                continue
            }
            if piece.kind == .paragraph, piece.scalars.count < 80, Self.isBylineText(HTMLLayout.string(piece.scalars)) {
                piece.kind = .byline
            }
            if piece.kind == .byline {
                bylineAuthors += HTMLByline.names(in: HTMLLayout.string(piece.scalars))
            }
            kept.append(piece)
        }
        if let heading = title ?? titleText {
            emit(Array(heading.unicodeScalars), kind: .title, level: nil)
        }
        var datelineDone = false
        for piece in kept {
            let start = scalars.isEmpty ? 0 : scalars.count + 1
            if !datelineDone, piece.kind == .paragraph, let split = Self.dateline(piece.scalars) {
                datelineDone = true
                emit(Array(piece.scalars[..<split.place]), kind: .dateline, level: nil)
                let restStart = start + split.rest
                scalars.append(contentsOf: piece.scalars[split.place...])
                blocks.append(Block(kind: .paragraph, range: TextRange(start: restStart, end: start + piece.scalars.count)))
            } else {
                if piece.kind == .paragraph { datelineDone = true }
                emit(piece.scalars, kind: piece.kind, level: piece.kind == .heading || piece.kind == .listItem ? piece.level : nil)
            }
            // A byline's links lead to the authors' profiles (`/author/…`), not to anything cited.
            for link in piece.links where piece.kind != .byline {
                if link.range.isEmpty {
                    links.append(Link(url: link.url, text: "", range: nil, origin: link.origin))
                } else {
                    let range = TextRange(start: start + link.range.lowerBound, end: start + link.range.upperBound)
                    links.append(Link(url: link.url, text: HTMLLayout.string(piece.scalars[link.range]), range: range, origin: link.origin))
                }
            }
        }
    }

    private mutating func emit(_ text: [Unicode.Scalar], kind: BlockKind, level: Int?) {
        if !scalars.isEmpty { scalars.append("\n") }
        let start = scalars.count
        scalars.append(contentsOf: text)
        blocks.append(Block(kind: kind, range: TextRange(start: start, end: scalars.count), level: level))
    }

    static func key(_ text: String) -> String { key(Array(text.unicodeScalars)) }

    /// A block's text lowercased, without leading non-alphanumerics and trailing ones other than
    /// a full stop, for comparing with labels and the title.
    static func key(_ scalars: [Unicode.Scalar]) -> String {
        guard let first = scalars.firstIndex(where: isAlphanumeric) else { return "" }
        var last = scalars.count - 1
        while last > first, !isAlphanumeric(scalars[last]), scalars[last] != "." { last -= 1 }
        // Scalars first, one string at the end: appending a non-ASCII lowercase mapping to a
        // `String.UnicodeScalarView` copied the whole view each time (quadratic; found by fuzzing).
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(last - first + 1)
        for s in scalars[first...last] {
            if s.value < 0x80 {
                out.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(UInt8(s.value) | 0x20) : s)
            } else {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return string(out)
    }

    /// The string of `scalars`, encoded straight to UTF-8 bytes: appending scalars one by one
    /// to a `String` showed in profiles for whole documents.
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 4)
        for s in scalars {
            if s.value < 0x80 { bytes.append(UInt8(s.value)) } else { UTF8.encode(s) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Letters and digits, with the ASCII ones decided without a Unicode property lookup.
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isBylineText(_ text: String) -> Bool {
        guard text.count < 80 else { return false }
        let lower = text.lowercased()
        guard lower.hasPrefix("by ") || lower.hasPrefix("written by ") else { return false }
        let after = text.dropFirst(lower.hasPrefix("by ") ? 3 : 11)
        return after.first?.isUppercase == true && !text.hasSuffix(".")
    }

    /// `WASHINGTON (Reuters) — ` or `LONDON, March 3 - `: an upper-case place, an optional
    /// agency or date, and a dash, at the start of the first paragraph. Returns where the place
    /// ends and where the rest of the paragraph starts.
    static func dateline(_ s: [Unicode.Scalar]) -> (place: Int, rest: Int)? {
        var i = 0
        var letters = 0
        while i < s.count, i < 60 {
            let c = s[i]
            if c.properties.isUppercase {
                letters += 1
            } else if c.properties.isLowercase {
                break
            } else if !(c == " " || c == "." || c == "," || c == "'" || c == "-" && i + 1 < s.count && s[i + 1] != " ") {
                break
            }
            i += 1
        }
        guard letters >= 3 else { return nil }
        var j = i
        // An optional "(Agency)" or ", Month day" before the dash.
        if j < s.count, s[j] == "(" {
            while j < s.count, s[j] != ")", j < i + 40 { j += 1 }
            j += 1
        }
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count, s[j] == "—" || s[j] == "–" || s[j] == "-" else { return nil }
        var place = j
        while place > 0, s[place - 1] == " " { place -= 1 }
        var rest = j + 1
        while rest < s.count, s[rest] == " " || s[rest] == "-" { rest += 1 }
        guard rest < s.count, s.count - rest > 20 else { return nil }
        return (place, rest)
    }
}
