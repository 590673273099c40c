import DossierCore

/// A web address written out in the text (`https://t.co/x6Yz`, `www.example.org/…`,
/// `pic.twitter.com/…`), as the words that close an embedded post often are. A link whose text is
/// other words (an HTML anchor over `@Mediaite` or `the report`) is not one.
enum WrittenAddress {
    private static let prefixes: [[UInt32]] = ["http://", "https://", "www.", "pic.twitter.com/"].map { $0.unicodeScalars.map(\.value) }

    /// Whether the scalars of `range` start with a written address's prefix, either case.
    static func starts<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>, _ range: Range<Int>) -> Bool {
        prefixes.contains { prefix in
            guard range.count >= prefix.count else { return false }
            for (k, p) in prefix.enumerated() where WordTable.fold(UInt32(truncatingIfNeeded: units[range.lowerBound + k])) != p {
                return false
            }
            return true
        }
    }
}
