/// The class/id vocabulary the extractor reads as hints, after Readability's well-tested lists.
///
/// Every entry is a generic word that page templates use for a role (navigation, sharing,
/// comments, the story body), never the name of a particular site. Matching is substring-based on
/// the lowercased `class` and `id` values, as in Readability.
enum HTMLHints {
    /// Containers that are almost never the story: removed before scoring unless a `maybe` word
    /// also matches.
    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
        "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
        "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
    ]
    /// Words that rescue an `unlikely` match: `article-header` may still hold the story.
    static let maybe = ["and", "article", "body", "column", "content", "main", "shadow"]
    /// Boilerplate so specific that no `maybe` word rescues it: consent banners, share bars,
    /// newsletter and paywall prompts, recommendation widgets, screen-reader skip links.
    static let boilerplate = [
        "cookie", "consent", "newsletter", "subscribe", "signup", "sign-up", "share-bar", "sharebar", "share-tools", "sharing",
        "social-share", "share-buttons", "outbrain", "taboola", "recirc", "read-next", "more-stories", "most-popular", "mostpopular",
        "trending", "paywall", "skip-link", "skiplink", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "print-only",
        "author-bio", "related-", "-related", "promo", "advert", "ad-container", "ad-slot", "adslot", "adunit", "ad-unit", "dfp-",
    ]
    /// Containers whose bylines belong to another story or to a reader: comments, related and
    /// recommended stories, sidebars, footers.
    static let otherStories = [
        "comment", "related", "sidebar", "footer", "disqus", "replies", "recirc", "read-next", "more-stories", "most-popular",
        "mostpopular",
        "trending", "outbrain", "taboola", "promo", "recommend",
    ]
    /// Words that lower a container's score.
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
        "widget",
    ]
    /// Words that raise a container's score.
    static let positive = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"]
    /// Classes of embedded social-media posts.
    static let embeds = [
        "twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed", "mastodon-embed", "reddit-card",
        "threads-post",
    ]
    /// Roles of landmarks that are page furniture, not the story.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar", "tablist",
    ]

    /// The word lists a class or id value is matched against.
    struct Category: OptionSet {
        let rawValue: UInt16
        static let unlikely = Category(rawValue: 1 << 0)
        static let maybe = Category(rawValue: 1 << 1)
        static let boilerplate = Category(rawValue: 1 << 2)
        static let negative = Category(rawValue: 1 << 3)
        static let positive = Category(rawValue: 1 << 4)
        static let embed = Category(rawValue: 1 << 5)
        static let byline = Category(rawValue: 1 << 6)
        static let caption = Category(rawValue: 1 << 7)
        static let otherStory = Category(rawValue: 1 << 8)
    }

    /// Every word of every list, as bytes in one array, bucketed by first byte, with the lists it
    /// belongs to: one flat table, so a lookup retains nothing.
    private struct Table {
        var words: [UInt8] = []
        var entries: [(start: Int, count: Int, category: Category)] = []
        /// Entries starting with byte `b` are `buckets[b]..<buckets[b + 1]`.
        var buckets = [Int](repeating: 0, count: 257)
    }

    private static let table: Table = {
        var merged: [String: Category] = [:]
        let lists: [([String], Category)] = [
            (unlikely, .unlikely), (maybe, .maybe), (boilerplate, .boilerplate), (negative, .negative), (positive, .positive),
            (embeds, .embed), (["byline", "author", "writtenby"], .byline), (["caption", "credit"], .caption), (otherStories, .otherStory),
        ]
        for (words, category) in lists {
            for word in words { merged[word, default: []].formUnion(category) }
        }
        var table = Table()
        // Sorted by first byte, then as before by word, so every bucket is one contiguous run.
        let sorted = merged.sorted { ($0.key.utf8.first!, $0.key) < ($1.key.utf8.first!, $1.key) }
        for (word, category) in sorted {
            let bytes = Array(word.utf8)
            table.entries.append((table.words.count, bytes.count, category))
            table.words += bytes
            table.buckets[Int(bytes[0]) + 1] = table.entries.count
        }
        for b in 1..<257 where table.buckets[b] < table.buckets[b - 1] { table.buckets[b] = table.buckets[b - 1] }
        return table
    }()

    /// Which lists have a word inside `value`, compared ASCII-case-insensitively, in one pass over
    /// its bytes: searching each list separately with `String.contains` (Foundation's
    /// locale-aware search) was once most of the reader's time.
    static func scan(_ value: String) -> Category {
        var value = value
        return value.withUTF8 { scan($0) }
    }

    /// `scan` over UTF-8 bytes.
    static func scan(_ h: UnsafeBufferPointer<UInt8>) -> Category {
        let table = Self.table
        return table.words.withUnsafeBufferPointer { words in
            table.entries.withUnsafeBufferPointer { entries in
                table.buckets.withUnsafeBufferPointer { buckets in
                    var found: Category = []
                    let n = h.count
                    var i = 0
                    while i < n {
                        let b = Int(h[i] >= 0x41 && h[i] <= 0x5A ? h[i] | 0x20 : h[i])
                        var e = buckets[b]
                        let last = buckets[b + 1]
                        while e < last {
                            let entry = entries[e]
                            e += 1
                            guard !found.contains(entry.category), i + entry.count <= n else { continue }
                            var k = 1
                            while k < entry.count {
                                let c = h[i + k] >= 0x41 && h[i + k] <= 0x5A ? h[i + k] | 0x20 : h[i + k]
                                if c != words[entry.start + k] { break }
                                k += 1
                            }
                            if k == entry.count { found.formUnion(entry.category) }
                        }
                        i += 1
                    }
                    return found
                }
            }
        }
    }

    /// Whether an inline style hides the element.
    static func hides(style: String) -> Bool {
        let compact = String(style.lowercased().filter { $0 != " " })
        return matches(compact, ["display:none", "visibility:hidden"])
    }

    /// `hides(style:)` over UTF-8 bytes: ASCII styles (nearly all) are compacted and searched as
    /// bytes; any other goes through the `String` rules.
    static func hides(style: UnsafeBufferPointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for b in style {
            if b >= 0x80 { return hides(style: String(decoding: style, as: UTF8.self)) }
            if b != 0x20 { compact.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        }
        return compact.withUnsafeBufferPointer { h in
            contains(h, "display:none") || contains(h, "visibility:hidden")
        }
    }

    private static func contains(_ h: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard w.count <= h.count else { return false }
        var i = 0
        while i <= h.count - w.count {
            if h[i] == w[0] {
                var k = 1
                while k < w.count, h[i + k] == w[k] { k += 1 }
                if k == w.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `hay` contains one of `words`. A byte search: `String.contains` goes through
    /// Foundation's locale-aware search here, which was most of the reader's time.
    static func matches(_ hay: String, _ words: [String]) -> Bool {
        var hay = hay
        return hay.withUTF8 { h in
            for word in words {
                var word = word
                let found = word.withUTF8 { w -> Bool in
                    guard w.count <= h.count, let first = w.first else { return false }
                    var i = 0
                    let last = h.count - w.count
                    while i <= last {
                        if h[i] == first {
                            var k = 1
                            while k < w.count, h[i + k] == w[k] { k += 1 }
                            if k == w.count { return true }
                        }
                        i += 1
                    }
                    return false
                }
                if found { return true }
            }
            return false
        }
    }

    static func isEmbed(_ node: HTMLTree.Node) -> Bool {
        node.isEmbed
    }
}
