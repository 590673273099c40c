/// One entry of an RSS or Atom feed, as the feed describes it.
struct FeedItem {
    var title: String?
    var link: String?
    var id: String?
    /// The richest content the item has: `content:encoded`, Atom `content`, then description/summary.
    var content: String?
    /// Whether `content` is HTML (as in RSS descriptions and Atom `type="html"`), or plain text.
    var contentIsHTML = true
    var published: String?
    var modified: String?
    var authors: [String] = []
}
