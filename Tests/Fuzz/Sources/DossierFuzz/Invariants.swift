import Dossier

/// What every document a reader returns must satisfy, and how two documents differ.
enum Invariants {
    /// Stops the process, naming the broken rule, when `document` is not sound.
    static func check(_ document: Document, from reader: String) {
        let length = document.length
        func inside(_ range: TextRange) -> Bool { range.start >= 0 && range.start <= range.end && range.end <= length }
        for (i, block) in document.blocks.enumerated() where !inside(block.range) {
            fatalError("reader '\(reader)': block \(i) (\(block.kind)) has range \(block.range) outside the text (\(length) scalars)")
        }
        for (i, link) in document.links.enumerated() {
            if let range = link.range, !inside(range) {
                fatalError("reader '\(reader)': link \(i) has range \(range) outside the text (\(length) scalars)")
            }
        }
        if let range = document.annotations.firstInvalidRange(length: length) {
            fatalError("reader '\(reader)': an annotation has the range \(range), not within the text (\(length) scalars)")
        }
    }

    /// The first part in which `a` and `b` differ, with both values, short enough for a crash log.
    static func difference(_ a: Document, _ b: Document) -> String {
        func show(_ value: some Any) -> String {
            let text = String(describing: value)
            return text.count > 600 ? String(text.prefix(600)) + "…" : text
        }
        func first<T: Equatable>(_ name: String, _ x: [T], _ y: [T]) -> String {
            if x.count != y.count { return "\(name): \(x.count) written, \(y.count) read back" }
            let i = x.indices.first { x[$0] != y[$0] } ?? 0
            return "\(name)[\(i)]: written \(show(x[i])), read back \(show(y[i]))"
        }
        if a.id != b.id { return "id: written \(show(a.id)), read back \(show(b.id))" }
        if a.text != b.text {
            let x = Array(a.text.unicodeScalars)
            let y = Array(b.text.unicodeScalars)
            let i = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
            func around(_ s: [Unicode.Scalar]) -> String {
                show(
                    s[max(0, i - 10)..<min(s.count, i + 10)].map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(
                        separator: " "))
            }
            return
                "text: \(x.count) scalars written, \(y.count) read back, first difference at scalar \(i): written \(around(x)), read back \(around(y))"
        }
        if a.blocks != b.blocks { return first("blocks", a.blocks, b.blocks) }
        if a.metadata != b.metadata { return "metadata: written \(show(a.metadata)), read back \(show(b.metadata))" }
        if a.links != b.links { return first("links", a.links, b.links) }
        if a.annotations.sentences != b.annotations.sentences {
            return first("sentences", a.annotations.sentences, b.annotations.sentences)
        }
        if a.annotations != b.annotations { return "annotations: written \(show(a.annotations)), read back \(show(b.annotations))" }
        if a.origin != b.origin { return "origin: written \(show(a.origin)), read back \(show(b.origin))" }
        if a.reader != b.reader { return "reader: written \(show(a.reader)), read back \(show(b.reader))" }
        return "no field differs, but == says they do"
    }
}
