/// Finds the main content of a page: Readability's candidate scoring on a flat tree.
///
/// 1. Page furniture is set aside: scripts and forms, landmark elements (`nav`, `aside`, `footer`,
///    `header`), hidden elements, furniture roles, and containers whose class or id name a
///    boilerplate role (comments, share bars, cookie banners, related stories).
/// 2. Every paragraph-like element of at least `minParagraphLength` characters scores
///    `1 + commas + min(length / 100, 3)` and passes it up five ancestors with decreasing weight;
///    ancestors start from their tag and class/id hints. Scores are scaled by `1 - link density`.
/// 3. The best candidate is widened to a common ancestor when several near-best candidates share
///    one, then its siblings that score well or read like prose are merged in.
/// 4. Inside the result, lists, tables and divs that look like link farms, image galleries or
///    forms are cleaned out conditionally, as Readability does.
///
/// All passes are loops over the pre-ordered node array; none recurses.
struct HTMLContentExtractor {
    let tree: HTMLTree
    let minParagraphLength: Int
    /// Readability's passes: when the strict one finds too little text, the page is read again
    /// without removing unlikely containers, then without class hints, then without cleaning.
    struct Strictness {
        var stripUnlikely = true
        var weightClasses = true
        var cleanConditionally = true
    }
    var strictness = Strictness()

    /// Which nodes are excluded from the content (a removed node hides its whole subtree).
    private(set) var removed: [Bool]
    private var textLength: [Int]
    private var linkLength: [Int]
    private var commas: [Int]
    private var containsEmbed: [Bool]
    /// Class/id hints, matched once per element rather than once per pass.
    private var unlikely: [Bool]
    private var boilerplate: [Bool]
    private var classWeight: [Int]
    /// The length of long paragraphs in each subtree, before anything is removed.
    private var prose: [Int]

    init(tree: HTMLTree, minParagraphLength: Int) {
        self.tree = tree
        self.minParagraphLength = max(1, minParagraphLength)
        let n = tree.nodes.count
        removed = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        containsEmbed = Array(repeating: false, count: n)
        prose = Array(repeating: 0, count: n)
        unlikely = Array(repeating: false, count: n)
        boilerplate = Array(repeating: false, count: n)
        classWeight = Array(repeating: 0, count: n)
        for (i, node) in tree.nodes.enumerated() where node.flags.contains(.hasHints) {
            boilerplate[i] = node.flags.contains(.boilerplate)
            unlikely[i] = node.flags.contains(.unlikely)
            classWeight[i] = Int(node.classWeight)
        }
    }

    /// Elements that never hold article text.
    static let furniture: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "canvas", "object", "embed", "iframe", "nav", "aside", "footer",
        "header", "button", "input", "select", "textarea", "label", "dialog", "menu", "link", "meta", "head", "title", "option",
    ]
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead",
        "tr", "ul",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The roots of the main content, in document order, and the removal marks inside them.
    mutating func extract() -> [Int] {
        for i in removed.indices { removed[i] = false }
        markFurniture()
        computeAggregates()
        let roots = selectContent()
        if strictness.cleanConditionally { cleanConditionally(under: roots) }
        return roots
    }

    // MARK: - 1. Furniture

    private mutating func markFurniture() {
        let nodes = tree.nodes
        // Bottom-up: does the subtree hold an embedded post? Such subtrees are never set aside.
        for i in stride(from: nodes.count - 1, through: 1, by: -1) where !nodes[i].isText {
            if HTMLHints.isEmbed(nodes[i]) { containsEmbed[i] = true }
            if containsEmbed[i], nodes[i].parent >= 0 { containsEmbed[nodes[i].parent] = true }
        }
        computeAggregates()
        for i in stride(from: nodes.count - 1, through: 1, by: -1) {
            if nodes[i].tag == .p, textLength[i] >= 80 { prose[i] = textLength[i] }
            prose[nodes[i].parent] += prose[i]
        }
        // A container holding most of the page's prose is the story's wrapper, whatever its name.
        let storyShare = max(1, prose[0] / 2)
        var insideKeep = Array(repeating: false, count: nodes.count)
        for i in 1..<nodes.count {
            let node = nodes[i]
            let parent = node.parent
            if parent >= 0, removed[parent] {
                removed[i] = true
                continue
            }
            if parent >= 0 { insideKeep[i] = insideKeep[parent] }
            if node.isText { continue }
            let tag = node.tag
            if tag == .table || tag == .code || tag == .pre { insideKeep[i] = true }
            if containsEmbed[i] { continue }
            if node.isFurniture {
                // An <article>'s own <header> holds title and byline, read elsewhere; a <header>
                // that wraps the story itself (some templates do) is kept.
                if tag != .header || prose[i] < storyShare {
                    removed[i] = true
                    continue
                }
            }
            if node.flags.contains(.hidden) || node.flags.contains(.furnitureRole) {
                removed[i] = true
                continue
            }
            if tag == .body || tag == .html || tag == .a || tag == .main || tag == .article { continue }
            guard strictness.stripUnlikely, prose[i] < storyShare else { continue }
            if boilerplate[i] {
                removed[i] = true
            } else if !insideKeep[i], unlikely[i] {
                removed[i] = true
            }
        }
    }

    /// The collapsed text length of a subtree, ignoring removal marks (used before they exist).
    private func plainLength(_ root: Int) -> Int {
        var total = 0
        for i in root..<tree.nodes[root].end where tree.nodes[i].isText { total += tree.nodes[i].length }
        return total
    }

    static func collapsedLength(_ text: String) -> Int {
        var count = 0
        var space = true
        for s in text.unicodeScalars {
            if s.value < 0x80 ? (s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D)) : s.properties.isWhitespace {
                if !space { count += 1 }
                space = true
            } else {
                count += 1
                space = false
            }
        }
        return count
    }

    // MARK: - 2. Aggregates and scores

    private mutating func computeAggregates() {
        let nodes = tree.nodes
        for i in 0..<nodes.count {
            textLength[i] = 0
            linkLength[i] = 0
            commas[i] = 0
        }
        for i in stride(from: nodes.count - 1, through: 1, by: -1) where !removed[i] {
            let node = nodes[i]
            if node.isText {
                textLength[i] = node.length
                commas[i] = node.commas
            } else if node.tag == .a {
                linkLength[i] = textLength[i]
            }
            let p = node.parent
            textLength[p] += textLength[i]
            linkLength[p] += linkLength[i]
            commas[p] += commas[i]
        }
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// Whether an element is scored as a paragraph: Readability's tags, plus divs whose children
    /// are all inline (templates that write paragraphs as bare divs).
    private func isParagraphLike(_ i: Int) -> Bool {
        let node = tree.nodes[i]
        switch node.tag {
        case .p, .pre, .td: return true
        case .div, .section:
            for c in tree.children(i) where !removed[c] && tree.nodes[c].isBlock { return false }
            return true
        default: return false
        }
    }

    private func weight(_ i: Int) -> Int {
        strictness.weightClasses ? classWeight[i] : 0
    }

    private func initialScore(_ i: Int) -> Double {
        let node = tree.nodes[i]
        var score = Double(weight(i))
        switch node.tag {
        case .div, .article, .main: score += 5
        case .pre, .td, .blockquote: score += 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score -= 3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score -= 5
        default: break
        }
        return score
    }

    private mutating func selectContent() -> [Int] {
        let nodes = tree.nodes
        var score = [Int: Double]()
        // Runs of text written straight into a container, between <br>s and blocks, count as
        // paragraphs of that container, as Readability does by wrapping them in <p>.
        var runs: [(owner: Int, length: Int, commas: Int)] = []
        for i in 1..<nodes.count where !removed[i] && !nodes[i].isText {
            if isParagraphLike(i) {
                runs.append((nodes[i].parent, textLength[i], commas[i]))
                continue
            }
            switch nodes[i].tag {
            case .div, .section, .article, .main, .td, .center, .font, .span, .blockquote: break
            default: continue
            }
            var length = 0
            var count = 0
            for c in tree.children(i) where !removed[c] {
                let child = nodes[c]
                if child.isText || !(child.isBlock || child.tag == .br) {
                    length += textLength[c]
                    count += commas[c]
                } else {
                    if length >= minParagraphLength { runs.append((i, length, count)) }
                    length = 0
                    count = 0
                }
            }
            if length >= minParagraphLength, length < textLength[i] || tree.children(i).contains(where: { nodes[$0].tag == .br }) {
                runs.append((i, length, count))
            }
        }
        for run in runs {
            let length = run.length
            guard length >= minParagraphLength else { continue }
            let points = 1 + Double(run.commas) + Double(min(length / 100, 3))
            var ancestor = run.owner
            var level = 0
            while ancestor > 0, level < 5 {
                let tag = nodes[ancestor].tag
                if tag == .html || tag == .document { break }
                if score[ancestor] == nil { score[ancestor] = initialScore(ancestor) }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                score[ancestor]! += points / divider
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        for (i, s) in score { score[i] = s * (1 - linkDensity(i)) }
        guard var top = score.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            return bodyOrRoot()
        }
        let topScore = score[top] ?? 0

        // Widen to an ancestor that holds several near-best candidates: the story is split in parts.
        let alternatives = score.filter { $0.key != top && $0.value >= topScore * 0.75 }.map(\.key)
        if alternatives.count >= 3 {
            var ancestor = nodes[top].parent
            while ancestor > 0, nodes[ancestor].tag != .body {
                let inside = alternatives.filter { isAncestor(ancestor, of: $0) }.count
                if inside >= 3 {
                    top = ancestor
                    break
                }
                ancestor = nodes[ancestor].parent
            }
        }
        // Climb while the parent scores better, and through wrappers with a single child.
        var last = score[top] ?? 0
        var parent = nodes[top].parent
        while parent > 0, nodes[parent].tag != .body, nodes[parent].tag != .html {
            guard let s = score[parent] else {
                parent = nodes[parent].parent
                continue
            }
            if s < last / 3 { break }
            if s > last {
                top = parent
                break
            }
            last = s
            parent = nodes[parent].parent
        }
        while nodes[top].parent > 0, nodes[nodes[top].parent].tag != .body,
            tree.children(nodes[top].parent).filter({ !removed[$0] && !nodes[$0].isText }).count == 1
        {
            top = nodes[top].parent
        }

        // Siblings that score well, or read like prose.
        let finalTop = score[top] ?? topScore
        let threshold = max(10, finalTop * 0.2)
        let topClass = tree.attribute(top, .class) ?? ""
        var roots: [Int] = []
        let p = nodes[top].parent
        for sibling in (p >= 0 ? Array(tree.children(p)) : [top]) where !removed[sibling] {
            if sibling == top {
                roots.append(sibling)
                continue
            }
            let node = nodes[sibling]
            if node.isText { continue }
            var append = false
            var bonus = 0.0
            if !topClass.isEmpty, tree.attribute(sibling, .class) == topClass { bonus = finalTop * 0.2 }
            if let s = score[sibling], s + bonus >= threshold {
                append = true
            } else if node.tag == .p {
                let density = linkDensity(sibling)
                let length = textLength[sibling]
                if length > 80, density < 0.25 {
                    append = true
                } else if length > 0, length <= 80, density == 0, sentenceEnd(sibling) {
                    append = true
                }
            }
            if append { roots.append(sibling) }
        }
        return roots
    }

    private func bodyOrRoot() -> [Int] {
        if let body = tree.nodes.indices.first(where: { tree.nodes[$0].tag == .body }) { return [body] }
        return [0]
    }

    private func isAncestor(_ a: Int, of node: Int) -> Bool {
        var i = tree.nodes[node].parent
        while i >= 0 {
            if i == a { return true }
            if i < a { return false }
            i = tree.nodes[i].parent
        }
        return false
    }

    private func sentenceEnd(_ i: Int) -> Bool {
        let text = tree.text(under: i)
        return text.contains(". ") || text.hasSuffix(".")
    }

    // MARK: - 4. Conditional cleaning

    private mutating func cleanConditionally(under roots: [Int]) {
        let nodes = tree.nodes
        var inContent = Array(repeating: false, count: nodes.count)
        for r in roots { inContent[r] = true }
        for i in 1..<nodes.count where !removed[i] {
            let parent = nodes[i].parent
            if removed[parent] {
                removed[i] = true
                continue
            }
            if parent >= 0, inContent[parent] { inContent[i] = true }
            guard inContent[i], !nodes[i].isText, !containsEmbed[i], !roots.contains(i) else { continue }
            switch nodes[i].tag {
            case .div, .section, .table, .ul, .ol, .form, .fieldset, .dl: break
            default: continue
            }
            if shouldRemove(i) { removed[i] = true }
        }
    }

    private func shouldRemove(_ i: Int) -> Bool {
        let node = tree.nodes[i]
        let weight = weight(i)
        if weight < 0, textLength[i] < 1000 { return true }
        if commas[i] >= 10 { return false }
        var p = 0
        var img = 0
        var li = 0
        var input = 0
        var embeds = 0
        var headingText = 0
        var figure = false
        // Every kept descendant; a removed one hides its subtree.
        var j = i + 1
        while j < node.end {
            if removed[j] {
                j = tree.nodes[j].end
                continue
            }
            switch tree.nodes[j].tag {
            case .p: p += 1
            // Readability turns inline-only divs into paragraphs before this test; count them so.
            case .div: if textLength[j] > 0, isParagraphLike(j) { p += 1 }
            case .img: img += 1
            case .li: li += 1
            case .input: input += 1
            case .iframe, .embed, .object, .video: embeds += 1
            case .figure, .figcaption, .picture: figure = true
            case .h1, .h2, .h3, .h4, .h5, .h6: headingText += textLength[j]
            default: break
            }
            j += 1
        }
        let isList = node.tag == .ul || node.tag == .ol
        let length = textLength[i]
        let density = linkDensity(i)
        let headingDensity = length == 0 ? 0 : Double(headingText) / Double(length)
        if img > 1, Double(p) / Double(img) < 0.5, !figure { return true }
        if !isList, li - 100 > p { return true }
        if input > p / 3 { return true }
        if !isList, headingDensity < 0.9, length < minParagraphLength, img == 0 || img > 2, !figure { return true }
        if !isList, weight < 25, density > 0.2, length < 2000 || density > 0.5 { return true }
        if weight >= 25, density > 0.5 { return true }
        if (embeds == 1 && length < 75) || embeds > 1 { return true }
        if isList, density > 0.5 { return true }
        return false
    }

    /// Whether node `i` lies in the content and is kept.
    func isKept(_ i: Int) -> Bool { !removed[i] }

    /// The collapsed text length of the kept part of a subtree.
    func textLength(of i: Int) -> Int { textLength[i] }
}
