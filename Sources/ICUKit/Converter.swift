internal import CICU

/// Charset conversion through ICU converters.
public enum Converter {
    /// Why bytes could not be decoded.
    public enum DecodingError: Error, Equatable {
        /// The charset name is unknown to ICU.
        case unknownCharset(String)
        /// An invalid (or, at the end, truncated) byte sequence starts at `offset`.
        case invalidSequence(offset: Int, truncated: Bool)
        /// Any other ICU failure.
        case icu(ICUError)
    }

    /// ICU's canonical name for a charset name or alias, or nil when ICU has no such converter.
    public static func canonicalName(_ name: String) -> String? {
        var status: Int32 = 0
        var buffer = [CChar](repeating: 0, count: 128)
        let length = bitext_ucnv_canonicalName(name, &buffer, Int32(buffer.count), &status)
        guard status <= 0, length > 0 else { return nil }
        return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Decodes `bytes` in `charset` to UTF-16 code units. Strict mode stops at the first invalid
    /// sequence; lenient mode substitutes U+FFFD.
    public static func decode(_ bytes: [UInt8], charset: String, lenient: Bool = false) throws(DecodingError) -> [UInt16] {
        if bytes.isEmpty { return [] }
        let capacity = bytes.count * 2 + 16
        var out = [UInt16](repeating: 0, count: capacity)
        var status: Int32 = 0
        var outcome: Int32 = 0
        var errorOffset: Int32 = -1
        let n = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                src.withMemoryRebound(to: CChar.self) { s in
                    bitext_ucnv_toUChars(charset, s.baseAddress, Int32(s.count), dst.baseAddress, Int32(capacity),
                                         lenient ? 0 : 1, &outcome, &errorOffset, &status)
                }
            }
        }
        switch Int(outcome) {
        case Int(BITEXT_CONVERT_OK): break
        case Int(BITEXT_CONVERT_UNKNOWN_CHARSET): throw .unknownCharset(charset)
        case Int(BITEXT_CONVERT_TRUNCATED): throw .invalidSequence(offset: Int(max(0, errorOffset)), truncated: true)
        case Int(BITEXT_CONVERT_INVALID): throw .invalidSequence(offset: Int(max(0, errorOffset)), truncated: false)
        default: throw .icu(ICUError(operation: "ucnv_toUnicode", status: status))
        }
        out.removeSubrange(Int(n)...)
        return out
    }

    /// Encodes UTF-16 text into `charset` (characters it cannot represent become its substitution byte).
    public static func encode(_ text: [UInt16], charset: String) throws(ICUError) -> [UInt8] {
        if text.isEmpty { return [] }
        let bytes: [UInt8] = try withGrowingBuffer("ucnv_fromUChars", initialCapacity: text.count * 4) { dst, status in
            text.withUnsafeBufferPointer { src in
                dst.withMemoryRebound(to: CChar.self) { d in
                    bitext_ucnv_fromUChars(charset, d.baseAddress, Int32(d.count), src.baseAddress, Int32(src.count), status)
                }
            }
        }
        return bytes
    }
}
