/// The quotation families: marks of one family pair only with each other, so that a single
/// quote inside a double one, or an apostrophe, does not close it.
enum QuoteFamily {
    static let double = 0
    static let guillemet = 1
    static let single = 2
    static let singleGuillemet = 3

    static func of(_ c: UInt32) -> Int {
        switch c {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F: double
        case 0xAB, 0xBB: guillemet
        case 0x2039, 0x203A: singleGuillemet
        default: single
        }
    }
}
