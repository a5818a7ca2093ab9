/// A string as ICU sees it: its UTF-16 code units, transcoded in one pass, and a way to turn many
/// ascending UTF-16 offsets back into string indices in one forward walk (never from the start per offset).
struct ICUText {
    /// The original string, contiguous UTF-8.
    let text: String
    /// The UTF-16 code units handed to ICU.
    let utf16: [UInt16]
    /// Whether the text has a 《 (title mark), so segmentation must watch for breaks inside titles.
    private(set) var hasTitleMark = false
    /// Whether the text has an ellipsis character or a period.
    private(set) var hasEllipsisOrPeriod = false

    /// Transcodes `text` to UTF-16.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var title = false, ellipsis = false
        utf16 = text.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            return [UInt16](unsafeUninitializedCapacity: n) { out, count in
                var i = 0, j = 0
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        if c == 0x2E { ellipsis = true }
                        out[j] = UInt16(c); i += 1; j += 1
                    } else if c < 0xE0 {
                        out[j] = UInt16(c & 0x1F) << 6 | UInt16(b[i + 1] & 0x3F); i += 2; j += 1
                    } else if c < 0xF0 {
                        let u = UInt16(c & 0x0F) << 12 | UInt16(b[i + 1] & 0x3F) << 6 | UInt16(b[i + 2] & 0x3F)
                        if u == 0x300A { title = true } else if u == 0x2026 { ellipsis = true }
                        out[j] = u; i += 3; j += 1
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
        } ?? Array(text.utf16)
        hasTitleMark = title
        hasEllipsisOrPeriod = ellipsis
    }

    /// String index ranges for `ranges` of UTF-16 offsets, which must be ascending and not overlap.
    func indexRanges(_ ranges: [Range<Int>]) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        result.reserveCapacity(ranges.count)
        let utf8 = text.utf8
        var unit = 0, byte = 0
        func advance(to target: Int) -> String.Index {
            while unit < target {
                let u = utf16[unit]
                byte += u < 0x80 ? 1 : (u < 0x800 ? 2 : ((u & 0xF800) == 0xD800 ? 2 : 3))
                unit += 1
            }
            return utf8.index(utf8.startIndex, offsetBy: byte)  // O(1): the string is native UTF-8
        }
        for r in ranges {
            let start = advance(to: r.lowerBound)
            result.append(start..<advance(to: r.upperBound))
        }
        return result
    }
}
