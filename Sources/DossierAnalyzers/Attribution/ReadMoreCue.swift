/// What opens a paragraph that points the reader at other coverage ("Read more: …", "See also: …"):
/// such a paragraph is a listed source, not reporting.
enum ReadMoreCue {
    /// Each cue in lower case as scalar values, and whether it may stand without a colon, dash or
    /// bar after it: only "read more", which never opens a sentence of reporting.
    static let all: [(cue: [UInt32], bare: Bool)] = [
        ("read more", true), ("read also", false), ("also read", false), ("see also", false), ("related", false),
        ("further reading", false), ("more on this", false),
    ].map { (Array($0.0.unicodeScalars.map(\.value)), $0.1) }
}
