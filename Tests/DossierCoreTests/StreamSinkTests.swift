import DossierCore
import DossierTesting
import Foundation
import Testing

@Suite("StreamSink: header, separator and footer once per file")
struct StreamSinkTests {
    let documents = ["a", "b", "c"].map { Document(id: $0, text: $0) }

    func sink(_ output: MemoryOutput) -> StreamSink {
        StreamSink(output, header: Data("[".utf8), separator: Data(",".utf8), footer: Data("]".utf8))
    }

    @Test("on one stream: the header before the first, separators between, the footer once after the last")
    func stream() throws {
        let output = MemoryOutput(kind: .sharedFile(path: "/tmp/all.txt"))
        var s = sink(output)
        for d in documents { try s.write(Data(d.id.utf8), for: d) }
        try s.finish()
        #expect(String(decoding: output.stream, as: UTF8.self) == "[a,b,c]")
    }

    @Test("a stream that saw no article gets nothing, not a header and footer")
    func empty() throws {
        let output = MemoryOutput(kind: .standardOutput)
        var s = sink(output)
        try s.finish()
        #expect(output.stream.isEmpty)
    }

    @Test("on a per-article target each file is whole: header, rendering, footer")
    func perArticle() throws {
        let output = MemoryOutput(kind: .perArticle(folder: "/tmp/out"))
        var s = sink(output)
        for d in documents {
            output.beginArticle()
            try s.write(Data(d.id.utf8), for: d)
        }
        try s.finish()
        #expect(output.files.map { String(decoding: $0, as: UTF8.self) } == ["[a]", "[b]", "[c]"])
    }

    @Test("with nothing around the renderings it concatenates them, as the default sink")
    func plain() throws {
        let output = MemoryOutput(kind: .standardOutput)
        var s = StreamSink(output)
        for d in documents { try s.write(Data(d.id.utf8), for: d) }
        try s.finish()
        s.discard()
        #expect(String(decoding: output.stream, as: UTF8.self) == "abc")
    }
}
