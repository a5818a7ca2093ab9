import ICUKit

/// Decides which charset a file's bytes are in: byte-order mark, then UTF-8 validity, then
/// ICU's statistical detector.
public struct EncodingDetector: Sendable {
    /// The detector's verdict: the ICU charset name and how many leading BOM bytes to skip.
    public struct Verdict: Sendable, Equatable {
        public let charset: String
        public let bomLength: Int
    }

    /// Why the bytes cannot be read as text at all.
    public enum Failure: Error, Equatable {
        case binary(offset: Int)
        case utf16WithoutBOM(charset: String)
        case undetectable
    }

    /// A detector.
    public init() {}

    /// The charset of `bytes`.
    public func detect(_ bytes: [UInt8]) throws(Failure) -> Verdict {
        if let bom = Self.byteOrderMark(bytes) { return bom }
        if let nul = bytes.firstIndex(of: 0) {
            if let charset = Self.utf16WithoutBOM(bytes) { throw .utf16WithoutBOM(charset: charset) }
            throw .binary(offset: nul)
        }
        let scan = UTF8Scan(bytes)
        if scan.looksLikeUTF8 { return Verdict(charset: "UTF-8", bomLength: 0) }
        guard let detector = try? CharsetDetector(), let matches = try? detector.detectAll(bytes),
              let best = matches.first(where: { !$0.name.hasPrefix("UTF") })
        else { throw .undetectable }
        return Verdict(charset: Self.preferredSuperset(best.name), bomLength: 0)
    }

    /// Maps ICU detector names to the superset a translator's file is really in.
    static func preferredSuperset(_ name: String) -> String {
        switch name.uppercased() {
        case "ISO-8859-1": "windows-1252"
        case "GB2312", "GBK": "GB18030"
        default: name
        }
    }

    /// "UTF-16LE" or "UTF-16BE" when the NUL bytes of `b` are those of Latin-script text in UTF-16
    /// (at least a fifth of the bytes, nearly all at odd offsets for little-endian, at even ones for
    /// big-endian) and no code unit is U+0000; nil otherwise.
    static func utf16WithoutBOM(_ b: [UInt8]) -> String? {
        let sample = b.prefix(65_536)
        var nulAt = [0, 0]
        for (i, byte) in sample.enumerated() where byte == 0 { nulAt[i & 1] += 1 }
        let nuls = nulAt[0] + nulAt[1]
        guard nuls * 5 >= sample.count, sample.count >= 4 else { return nil }
        let littleEndian = nulAt[1] * 20 >= nuls * 19
        guard littleEndian || nulAt[0] * 20 >= nuls * 19 else { return nil }
        var i = sample.startIndex
        while i + 1 < sample.endIndex {
            if sample[i] == 0 && sample[i + 1] == 0 { return nil }
            i += 2
        }
        return littleEndian ? "UTF-16LE" : "UTF-16BE"
    }

    /// The Unicode form a byte-order mark at the start of `b` names, or nil when there is none.
    public static func byteOrderMark(_ b: [UInt8]) -> Verdict? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return Verdict(charset: "UTF-8", bomLength: 3) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return Verdict(charset: "UTF-32LE", bomLength: 4) }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return Verdict(charset: "UTF-32BE", bomLength: 4) }
        if b.starts(with: [0xFF, 0xFE]) { return Verdict(charset: "UTF-16LE", bomLength: 2) }
        if b.starts(with: [0xFE, 0xFF]) { return Verdict(charset: "UTF-16BE", bomLength: 2) }
        return nil
    }
}

/// Counts well-formed multi-byte UTF-8 sequences and malformed bytes.
struct UTF8Scan {
    private(set) var multibyte = 0
    private(set) var invalid = 0
    private(set) var truncatedAtEnd = false

    init(_ b: [UInt8]) {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: invalid += 1; i += 1; continue
            }
            var ok = true
            var j = 1
            while j < length {
                if i + j >= n { truncatedAtEnd = true; ok = false; break }
                if b[i + j] & 0xC0 != 0x80 { ok = false; break }
                j += 1
            }
            if ok { multibyte += 1; i += length } else { invalid += 1; i += max(1, j) }
        }
    }

    /// Valid UTF-8 with at least one multi-byte sequence (so not plain ASCII, which every charset reads alike).
    var isStrictUTF8WithNonASCII: Bool { invalid == 0 && multibyte > 0 }

    /// Valid UTF-8, or UTF-8 with a few damaged sequences (which strict decoding then reports).
    var looksLikeUTF8: Bool {
        if invalid == 0 { return true }
        return multibyte > 0 && (multibyte >= 4 * invalid || (invalid == 1 && truncatedAtEnd))
    }
}
