import ICUKit

/// Turns a file's bytes into NFC text: detects (or takes) the encoding, converts with ICU,
/// strictly unless lenient.
public struct TextDecoder: Sendable {
    /// The charset to use instead of detecting one (any ICU name or alias).
    public var encoding: String?
    /// Replace invalid bytes with U+FFFD instead of failing.
    public var lenient: Bool

    /// A decoder that detects the encoding unless `encoding` is given.
    public init(encoding: String? = nil, lenient: Bool = false) {
        self.encoding = encoding
        self.lenient = lenient
    }

    /// The decoded NFC text and the charset it was read in.
    public func decode(_ bytes: [UInt8], source: String) throws(BitextError) -> (text: String, encoding: String) {
        var charset: String
        var skip = 0
        if let name = encoding {
            guard let canonical = Converter.canonicalName(name) else {
                throw .unknownEncoding(path: source, name: name)
            }
            charset = canonical  // a BOM the named converter keeps is dropped below, as U+FEFF
            if let found = Self.contradiction(bytes, named: canonical) {
                throw .encodingMismatch(path: source, named: name, found: found)
            }
        } else {
            do {
                let verdict = try EncodingDetector().detect(bytes)
                charset = verdict.charset
                skip = verdict.bomLength
            } catch {
                switch error {
                case let .binary(offset): throw .binaryFile(path: source, offset: offset)
                case let .utf16WithoutBOM(charset): throw .utf16WithoutBOM(path: source, encoding: charset)
                case .undetectable: throw .undetectableEncoding(path: source)
                }
            }
        }
        var units: [UInt16]
        do {
            units = try Converter.decode(Array(bytes[skip...]), charset: charset, lenient: lenient)
        } catch {
            switch error {
            case .unknownCharset: throw .unknownEncoding(path: source, name: charset)
            case let .invalidSequence(offset, truncated):
                throw .invalidBytes(path: source, encoding: charset, offset: offset + skip, truncated: truncated)
            case let .icu(e): throw .icu(path: source, message: e.description)
            }
        }
        if units.first == 0xFEFF { units.removeFirst() }
        do {
            return (Self.string(fromUTF16: try Normalizer(.nfc).normalize(units)), charset)
        } catch {
            throw .icu(path: source, message: error.description)
        }
    }

    /// What `bytes` evidently are when that is not the `named` charset: a byte-order mark of another
    /// Unicode form, or valid non-ASCII UTF-8 named as a legacy charset (reading it so gives mojibake),
    /// or NUL-free UTF-8 named as UTF-16/32. Nil when nothing contradicts the name.
    static func contradiction(_ bytes: [UInt8], named canonical: String) -> String? {
        let name = canonical.uppercased()
        let unicodeForm = ["UTF-8", "UTF-16", "UTF-32"].first { name.hasPrefix($0) }
        if let bom = EncodingDetector.byteOrderMark(bytes) {
            return unicodeForm.map { bom.charset.hasPrefix($0) } == true ? nil : "\(bom.charset) (it starts with a byte-order mark)"
        }
        switch unicodeForm {
        case "UTF-8": return nil
        case nil: return UTF8Scan(bytes).isStrictUTF8WithNonASCII ? "UTF-8" : nil
        default: return !bytes.contains(0) && UTF8Scan(bytes).invalid == 0 ? "UTF-8" : nil
        }
    }

    /// Transcodes well-formed UTF-16 (as ICU produced it) to a String in one pass.
    static func string(fromUTF16 u: [UInt16]) -> String {
        String(unsafeUninitializedCapacity: u.count * 3) { out in
            var j = 0, i = 0
            let n = u.count
            while i < n {
                let c = UInt32(u[i])
                var scalar = c
                if (c & 0xFC00) == 0xD800, i + 1 < n, (u[i + 1] & 0xFC00) == 0xDC00 {
                    scalar = 0x10000 + ((c - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
                    i += 1
                } else if (c & 0xF800) == 0xD800 {
                    scalar = 0xFFFD  // a lone surrogate
                }
                i += 1
                if scalar < 0x80 {
                    out[j] = UInt8(scalar); j += 1
                } else if scalar < 0x800 {
                    out[j] = UInt8(0xC0 | scalar >> 6); out[j + 1] = UInt8(0x80 | scalar & 0x3F); j += 2
                } else if scalar < 0x10000 {
                    out[j] = UInt8(0xE0 | scalar >> 12); out[j + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                    out[j + 2] = UInt8(0x80 | scalar & 0x3F); j += 3
                } else {
                    out[j] = UInt8(0xF0 | scalar >> 18); out[j + 1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
                    out[j + 2] = UInt8(0x80 | (scalar >> 6) & 0x3F); out[j + 3] = UInt8(0x80 | scalar & 0x3F); j += 4
                }
            }
            return j
        }
    }
}
