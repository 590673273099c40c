/// The wording of a speaker who is not named (`a senior aide`, `the aide`, `One of the diplomats`),
/// read for what it says about who speaks. The `sources` analyzer makes no new anonymous source of
/// a wording that refers back, and the `claims` analyzer links such a speaker's quotes to the
/// source it refers back to; both read the wording here, so they agree.
enum UnnamedSpeakerWording {
    /// Whether the wording points back at someone the article introduced before: it opens with
    /// `the`, `this`, `that`, `these` or `those`, or with a part of a group (`one of the`, `two of
    /// them`), or is `one`, `another` or `others` alone. A senior aide who asked not to be named,
    /// quoted again as `the aide`, is one source, not two; `the researchers`, after the article
    /// named them, are no anonymous source at all.
    static func refersBack(_ wording: String) -> Bool {
        let words = self.words(wording)
        guard let first = words.first else { return false }
        if words.count == 1 { return loneReferences.contains(first) }
        if definite.contains(first) { return true }
        return words.count >= 3 && words[1] == "of" && partitiveOwners.contains(words[2])
    }

    /// The head noun, lowercase and singular (`diplomats` → `diplomat`, `people` → `person`): the
    /// last word of a part of a group (`one of the diplomats`), else the last word before what
    /// follows a head (`of`, `for`, `at`, `from`, `with`, `who`, `familiar`, `speaking`, …: `a
    /// senior aide who asked not to be named` → `aide`), else the last word.
    static func head(_ wording: String) -> String? {
        let words = self.words(wording)
        guard !words.isEmpty else { return nil }
        var last = words.count - 1
        let partitive = words.count >= 3 && words[1] == "of"
        if !partitive, let ender = words.dropFirst().firstIndex(where: { headEnders.contains($0) }) { last = ender - 1 }
        return singular(words[last])
    }

    /// `word` without a plural's ending: `people` → `person`, `-ies` → `-y`, `-s` (not `-ss`) dropped.
    static func singular(_ word: String) -> String {
        if let irregular = irregularPlurals[word] { return irregular }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 { return String(word.dropLast()) }
        return word
    }

    private static func words(_ wording: String) -> [String] {
        wording.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private static let definite: Set<String> = ["the", "this", "that", "these", "those"]
    private static let loneReferences: Set<String> = ["one", "another", "others"]
    private static let partitiveOwners: Set<String> = ["the", "these", "those", "them", "whom"]
    private static let headEnders: Set<String> = [
        "of", "for", "at", "from", "with", "who", "whom", "that", "which", "familiar", "speaking", "on", "in", "because",
        "requesting", "close", "involved", "briefed",
    ]
    private static let irregularPlurals = ["people": "person", "men": "man", "women": "woman", "staff": "staff"]
}
