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

    /// Readability's class weight: ±25 for the class and again for the id.
    static func weight(_ node: HTMLTree.Node) -> Int {
        var weight = 0
        for key in ["class", "id"] {
            guard let value = node.attribute(key)?.lowercased(), !value.isEmpty else { continue }
            if matches(value, negative) { weight -= 25 }
            if matches(value, positive) { weight += 25 }
        }
        return weight
    }

    static func isEmbed(_ node: HTMLTree.Node) -> Bool {
        node.isEmbed
    }
}
