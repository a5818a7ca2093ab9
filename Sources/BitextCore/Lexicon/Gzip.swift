internal import CGzip

/// Reads gzip-compressed files through zlib.
enum Gzip {
    /// The decompressed bytes of the gzip file at `path`.
    static func decompress(path: String) throws(BitextError) -> [UInt8] {
        guard let file = bitext_gzopen(path) else { throw .fileNotFound(path: path) }
        defer { _ = bitext_gzclose(file) }
        var result: [UInt8] = []
        result.reserveCapacity(16 << 20)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { bitext_gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw .unreadable(path: path, reason: "damaged gzip data") }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<Int(n)])
        }
        return result
    }
}
