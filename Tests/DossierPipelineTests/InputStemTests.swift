import Foundation
import Testing

@testable import DossierPipeline

@Suite("Article ids from input names")
struct InputStemTests {
    /// The rules `stem` kept before its byte fast path, through Foundation's path functions.
    static func pathFunctionsStem(_ name: String) -> String {
        var base = (name as NSString).lastPathComponent
        for _ in 0..<2 {
            let ext = (base as NSString).pathExtension
            guard !ext.isEmpty, ext.count <= 5, base.count > ext.count + 1 else { break }
            base = (base as NSString).deletingPathExtension
        }
        return base.isEmpty ? "article" : base
    }

    @Test("the byte fast path gives the path functions' answer for every short name of dots, slashes, spaces and letters")
    func fastPathAgrees() {
        let alphabet = ["a", "b", "x", ".", " ", "/"]
        var frontier = [""]
        var checked = 0
        var differing: [String] = []
        for _ in 0..<6 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            for name in frontier {
                guard let fast = InputSource.printableASCIIStem(name) else { continue }
                checked += 1
                if fast != Self.pathFunctionsStem(name) { differing.append(name) }
            }
        }
        #expect(checked > 30_000)
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }

    @Test(
        "ids drop folders, a compression suffix and a format extension",
        arguments: [
            ("story.txt", "story"), ("news/a.html.gz", "a"), ("a.tar.gz", "a"), (".profile", ".profile"), ("a.toolong", "a.toolong"),
            ("x/y/", "y"), ("", "article"), ("b.", "b."), ("c..txt", "c."), ("été.txt", "été"), ("/", "/"),
        ])
    func stems(name: String, stem: String) {
        #expect(InputSource.data(name: name, Data()).stem == stem)
        #expect(Self.pathFunctionsStem(name) == stem)
    }
}
