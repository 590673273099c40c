import Foundation

/// The headline clickbait model: a logistic regression over a headline's lower-cased word
/// unigrams and bigrams, scored in [0, 1].
///
/// Fitted by `scripts/clickbait-train.py` on a fixed 80% of the public "Stop Clickbait" headlines
/// (the lines whose FNV-1a hash is not divisible by 5; `dossier evaluate clickbait` scores the
/// rest) and shipped as `Resources/framing/clickbait-model.txt`: an intercept line, then a line a
/// feature (its hash in hex and its weight). Tokens are runs of ASCII letters, digits and
/// apostrophes, lower-cased, and the characters `? ! : # @ "` alone; a unigram's key is
/// `WordHash.combine(word("u"), token)`, a bigram's `combine(combine(word("b"), first), second)`,
/// with `<s>` and `</s>` around the headline, the same arithmetic as the script's. No feature sees
/// letter case, so a headline scores the same in any casing.
public struct ClickbaitModel: Sendable {
    /// The threshold at or above which a headline counts as clickbait by default.
    public static let defaultThreshold = 0.5

    private var weights: [UInt64: Float] = [:]
    private var intercept: Float = 0

    private static let unigram = WordHash.word("u")
    private static let bigram = WordHash.word("b")
    private static let start = WordHash.word("<s>")
    private static let end = WordHash.word("</s>")

    /// The model shipped with Dossier, read on first use; empty when the file is missing.
    public static let shipped = ClickbaitModel(bundle: Bundle.module)

    /// Whether no weights were read (the resource is missing or malformed).
    public var isEmpty: Bool { weights.isEmpty }

    /// Reads the shipped weights from `bundle`.
    init(bundle: Bundle) {
        let url = bundle.url(forResource: "clickbait-model", withExtension: "txt", subdirectory: "Resources/framing")
        self.init(text: url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "")
    }

    /// Reads weights from the text of a model file.
    init(text: String) {
        weights.reserveCapacity(32_768)
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let weight = Float(fields[1]) else { continue }
            if fields[0] == "intercept" {
                intercept = weight
            } else if let key = UInt64(fields[0], radix: 16) {
                weights[key] = weight
            }
        }
    }

    /// The probability, in [0, 1], that `headline` is clickbait.
    public func score(_ headline: some StringProtocol) -> Double {
        var z = intercept
        var previous = Self.start
        var word = WordHash.offset
        var inWord = false
        func add(_ token: UInt64) {
            z += weights[WordHash.combine(Self.unigram, token)] ?? 0
            z += weights[WordHash.combine(WordHash.combine(Self.bigram, previous), token)] ?? 0
            previous = token
        }
        for scalar in headline.unicodeScalars {
            var v = scalar.value
            if v == 0x2019 { v = 0x27 }
            if v &- 0x41 < 26 { v |= 0x20 }
            if v &- 0x61 < 26 || v &- 0x30 < 10 || v == 0x27 {
                word = WordHash.add(word, v)
                inWord = true
                continue
            }
            if inWord {
                add(word)
                word = WordHash.offset
                inWord = false
            }
            // ? ! : # @ "
            if v == 0x3F || v == 0x21 || v == 0x3A || v == 0x23 || v == 0x40 || v == 0x22 { add(WordHash.add(WordHash.offset, v)) }
        }
        if inWord { add(word) }
        z += weights[WordHash.combine(WordHash.combine(Self.bigram, previous), Self.end)] ?? 0
        return 1 / (1 + Double(exp(-max(-30, min(30, z)))))
    }
}
