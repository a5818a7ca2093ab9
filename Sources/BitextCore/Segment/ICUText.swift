/// A string as ICU sees it: its UTF-16 code units, transcoded in one pass, and a way to turn
/// ascending UTF-16 offsets back into string indices in one more pass.
struct ICUText {
    /// The original string, contiguous UTF-8.
    let text: String
    /// The UTF-16 code units handed to ICU.
    let utf16: [UInt16]
    /// Whether the text has a 《 (title mark), so segmentation must watch for breaks inside titles.
    let hasTitleMark: Bool
    /// Whether the text has an ellipsis character or a period.
    let hasEllipsisOrPeriod: Bool

    /// Transcodes `text` to UTF-16.
    init(_ text: String) {
        var text = text
        var title = false, ellipsis = false
        utf16 = text.withUTF8 { Self.transcode($0, title: &title, ellipsis: &ellipsis) }
        self.text = text
        hasTitleMark = title
        hasEllipsisOrPeriod = ellipsis
    }

    /// UTF-16 for valid UTF-8 `b`, noting on the way whether it holds a 《 and an ellipsis or period.
    private static func transcode(_ b: UnsafeBufferPointer<UInt8>, title: inout Bool, ellipsis: inout Bool) -> [UInt16] {
        let n = b.count
        var hasTitle = false, hasEllipsis = false  // locals, so the loops keep them in registers
        let units = [UInt16](unsafeUninitializedCapacity: n) { out, count in
            var i = 0, j = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    // Eight ASCII bytes at a time (English text is mostly ASCII).
                    if i + 8 <= n {
                        var word: UInt64 = 0
                        for k in 0..<8 { word |= UInt64(b[i + k]) << (8 * k) }
                        if word & 0x8080_8080_8080_8080 == 0 {
                            let dots = word ^ 0x2E2E_2E2E_2E2E_2E2E  // a zero byte where there is a "."
                            if (dots &- 0x0101_0101_0101_0101) & ~dots & 0x8080_8080_8080_8080 != 0 { hasEllipsis = true }
                            for k in 0..<8 { out[j + k] = UInt16(b[i + k]) }
                            i += 8; j += 8
                            continue
                        }
                    }
                    if c == 0x2E { hasEllipsis = true }
                    out[j] = UInt16(c); i += 1; j += 1
                } else if c < 0xE0 {
                    out[j] = UInt16(c & 0x1F) << 6 | UInt16(b[i + 1] & 0x3F); i += 2; j += 1
                } else if c < 0xF0 {
                    // A run of three-byte characters (Han text and CJK punctuation).
                    var marks: UInt16 = 0  // bit 0: a 《 was seen; bit 1: an ellipsis
                    repeat {
                        let u = UInt16(b[i] & 0x0F) << 12 | UInt16(b[i + 1] & 0x3F) << 6 | UInt16(b[i + 2] & 0x3F)
                        marks |= (u == 0x300A ? 1 : 0) | (u == 0x2026 ? 2 : 0)
                        out[j] = u; i += 3; j += 1
                    } while i < n && b[i] & 0xF0 == 0xE0
                    if marks & 1 != 0 { hasTitle = true }
                    if marks & 2 != 0 { hasEllipsis = true }
                } else {
                    let v = (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12
                        | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)) - 0x10000
                    out[j] = UInt16(0xD800 + (v >> 10))
                    out[j + 1] = UInt16(0xDC00 + (v & 0x3FF))
                    i += 4; j += 2
                }
            }
            count = j
        }
        title = hasTitle
        ellipsis = hasEllipsis
        return units
    }

    /// String index ranges for `ranges` of UTF-16 offsets, which must be ascending, not overlap and
    /// fall on scalar boundaries. One walk over the code units up to the last range.
    func indexRanges(_ ranges: [Range<Int>]) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        result.reserveCapacity(ranges.count)
        let utf8 = text.utf8
        var unit = 0, byte = 0
        utf16.withUnsafeBufferPointer { units in
            for r in ranges {
                byte &+= Self.utf8Count(units, from: unit, to: r.lowerBound)
                let start = utf8.index(utf8.startIndex, offsetBy: byte)  // O(1): the string is native UTF-8
                byte &+= Self.utf8Count(units, from: r.lowerBound, to: r.upperBound)
                unit = r.upperBound
                result.append(start..<utf8.index(utf8.startIndex, offsetBy: byte))
            }
        }
        return result
    }

    /// How many UTF-8 bytes encode `units[a..<b]` (none when b ≤ a).
    private static func utf8Count(_ units: UnsafeBufferPointer<UInt16>, from a: Int, to b: Int) -> Int {
        var sum: UInt32 = 0  // arithmetic only, so the compiler vectorizes it
        for k in a..<max(a, b) {
            let u = UInt32(units[k])
            // 1 byte, 2 from U+0080, 3 from U+0800, 2 for each surrogate of a pair: for u < 0x10000,
            // (u + 0xFF80) >> 16 is 1 from U+0080, (u + 0xF800) >> 16 from U+0800, and the last
            // term is 1 unless u is a surrogate.
            sum &+= (u &+ 0xFF80) >> 16 &+ (u &+ 0xF800) >> 16 &+ ((u & 0xF800 ^ 0xD800) &+ 0xFFFF) >> 16
        }
        return Int(sum)
    }
}
