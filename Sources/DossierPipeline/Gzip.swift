internal import CZlib
public import Foundation

/// Transparent decompression of gzip input, with a cap on the output against decompression bombs.
public enum Gzip {
    /// A gzip stream that could not be decompressed, or that expands past the cap.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var message: String
        public var description: String { message }
    }

    /// The most a single input may decompress to: 512 MB.
    public static let defaultLimit = 512 << 20

    /// Whether `data` starts with the gzip magic bytes.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes of a gzip stream (concatenated members included).
    public static func decompress(_ data: Data, limit: Int = defaultLimit) throws(Error) -> Data {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Error(message: "cannot start the gzip decoder")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        let result: Result<Data, Error> = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return .success(Data()) }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit {
                    return .failure(
                        Error(
                            message: "the input decompresses to more than \(limit >> 20) MB; refusing it as a possible decompression bomb"))
                }
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (as `cat a.gz b.gz` makes).
                    if stream.avail_in > 0 {
                        inflateReset(&stream)
                        continue
                    }
                    return .success(output)
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 {
                        return .failure(Error(message: "the gzip stream is truncated"))
                    }
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { return .failure(Error(message: "the gzip stream is truncated")) }
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                    return .failure(Error(message: "the gzip stream is corrupt (\(reason))"))
                }
            }
        }
        return try result.get()
    }
}
