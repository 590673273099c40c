import DossierCore
import DossierTesting
import Foundation
import Testing

@testable import DossierSQLite

@Suite("The content hash of an article's rows")
struct RowsHashTests {
    /// XXH64 values from the reference implementation (Python's `xxhash.xxh64(data).hexdigest()`):
    /// empty, shorter than a stripe, one stripe and a tail, many stripes.
    static let vectors: [([UInt8], UInt64)] = [
        ([], 0xef46_db37_51d8_e999),
        (Array("abc".utf8), 0x44bc_2cf5_ad77_0999),
        ((0..<100).map { UInt8($0) }, 0x6ac1_e580_3216_6597),
        ((0..<1000).map { UInt8($0 * 7 % 256) }, 0x2527_5608_a9cf_c168),
    ]

    @Test("XXH64 gives the reference implementation's values", arguments: vectors)
    func referenceValues(bytes: [UInt8], expected: UInt64) {
        #expect(bytes.withUnsafeBytes { RowsHash.xxh64($0) } == expected)
        #expect(bytes.withUnsafeBytes { RowsHash.fingerprint(of: $0) } == "xxh64-5:\(String(expected, radix: 16)):\(bytes.count)")
        #expect(
            bytes.withUnsafeBytes { RowsHash.fingerprint(of: $0, prefix: RowsHash.fourthPrefix) }
                == "xxh64:\(String(expected, radix: 16)):\(bytes.count)")
    }

    @Test("the rendering starts with the hash of the rows that follow it, and a changed value changes it")
    func renderingCarriesTheHash() throws {
        let exporter = try SQLiteExporter()
        let document = SQLiteCorpus.document("one")
        let rendered = try exporter.export(document)
        let split = try #require(rendered.firstIndex(of: 0))
        let rows = rendered[(split + 1)...]
        let hash = String(decoding: rendered[..<split], as: UTF8.self)
        #expect(hash == Data(rows).withUnsafeBytes { RowsHash.fingerprint(of: $0) })
        #expect(rows.first == ArticleRows.version)
        var changed = document
        changed.annotations.claims[0].checkWorthiness += 0.01
        let other = try exporter.export(changed)
        let otherSplit = try #require(other.firstIndex(of: 0))
        #expect(String(decoding: other[..<otherSplit], as: UTF8.self) != hash)
        #expect(try exporter.export(document) == rendered)
    }

    @Test(
        "a source's, quote's or finding's text is stored only when the article's is not; the dossier-4 form keeps it, under its own prefix"
    )
    func spanTextIsStoredOnce() throws {
        let document = SQLiteCorpus.document("one")
        #expect(!document.annotations.quotes.isEmpty && !document.annotations.sources.isEmpty && !document.annotations.findings.isEmpty)
        func rows(includeText: Bool, form: ArticleRows.Form, metrics: Bool = true) throws -> (bytes: [UInt8], hash: String) {
            var options = try SQLiteExporter().options
            options.includeText = includeText
            options.metrics = metrics
            let rows = ArticleRows(document, options: options, form: form)
            return (rows.withBytes { Array($0) }, rows.hash)
        }
        let quote = try #require(document.annotations.quotes.first)
        let quoteText = Array(document.text(in: quote.range).utf8)
        func occurrences(of part: [UInt8], in bytes: [UInt8]) -> Int {
            bytes.indices.count { bytes[$0...].starts(with: part) }
        }

        let current = try rows(includeText: true, form: .current)
        let fourth = try rows(includeText: true, form: .fourth)
        #expect(current.bytes.first == ArticleRows.version && fourth.bytes.first == ArticleRows.fourthVersion)
        #expect(current.hash.hasPrefix(RowsHash.prefix) && fourth.hash.hasPrefix(RowsHash.fourthPrefix))
        #expect(fourth.bytes.count > current.bytes.count)
        // The fourth form holds the quote's text once more than the rows stored now (which leave it to the article's).
        #expect(occurrences(of: quoteText, in: fourth.bytes) > occurrences(of: quoteText, in: current.bytes))

        // Without the article's text, both forms store the spans' text and (metrics aside, whose array
        // changed form too) differ only in the version byte.
        let withoutText = try rows(includeText: false, form: .current, metrics: false)
        let fourthWithoutText = try rows(includeText: false, form: .fourth, metrics: false)
        #expect(withoutText.bytes.dropFirst() == fourthWithoutText.bytes.dropFirst())
        let inArticle = occurrences(of: quoteText, in: Array(document.text.utf8))
        #expect(occurrences(of: quoteText, in: withoutText.bytes) == occurrences(of: quoteText, in: fourth.bytes) - inArticle)
    }
}
