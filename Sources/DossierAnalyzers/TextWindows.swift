import DossierCore

/// Cuts a long document into windows of at most `limit` scalars for an analyzer that holds
/// per-token state: windows end at a sentence's end where one fits, so that memory stays
/// bounded (a constant times `limit`) however long the article is.
///
/// A document no longer than `limit` is one window, so for every ordinary article the analyzer
/// sees the whole text at once and its output does not depend on the windows.
enum TextWindows {
    /// 256 Ki scalars: a few times the longest news article (a long read is 50,000 scalars), and
    /// about a megabyte of entity tokens.
    static let defaultLimit = 1 << 18

    /// The windows of `document`, in order, covering `0..<document.length` without overlap.
    static func windows(of document: Document, limit: Int = defaultLimit) -> [Range<Int>] {
        let length = document.length
        guard length > limit, limit > 0 else { return [0..<length] }
        let sentences = document.annotations.sentences
        var out: [Range<Int>] = []
        var start = 0
        var s = 0
        while start < length {
            let cap = min(length, start + limit)
            // The last sentence ending by `cap` sets the cut; a sentence longer than the window
            // is cut at `cap`.
            var end = start
            while s < sentences.count, sentences[s].range.end <= cap {
                if sentences[s].range.end > start { end = sentences[s].range.end }
                s += 1
            }
            if end <= start || cap == length { end = cap }
            out.append(start..<end)
            start = end
        }
        return out
    }
}
