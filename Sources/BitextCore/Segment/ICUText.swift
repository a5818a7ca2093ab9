/// A string as ICU sees it: its UTF-16 code units, transcoded in one pass, and a way to turn
/// UTF-16 offsets back into string indices without walking the text: the transcoder notes the
/// UTF-8 offset of every 16th code unit, so an offset costs at most 16 steps.
struct ICUText {
    /// The original string, contiguous UTF-8.
    let text: String
    /// The UTF-16 code units handed to ICU.
    let utf16: [UInt16]
    /// Whether the text has a 《 (title mark), so segmentation must watch for breaks inside titles.
    private(set) var hasTitleMark = false
    /// Whether the text has an ellipsis character or a period.
    private(set) var hasEllipsisOrPeriod = false
    /// checkpoints[k]: the first scalar starting at UTF-16 offset ≥ 16k, as (UTF-16, UTF-8) offsets.
    private var checkpoints: [(unit: Int, byte: Int)] = []

    /// Code units between checkpoints.
    private static let stride = 16

    /// Transcodes `text` to UTF-16.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var title = false, ellipsis = false
        var marks: [(unit: Int, byte: Int)] = []
        utf16 = text.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            marks.reserveCapacity(n / Self.stride + 2)
            return [UInt16](unsafeUninitializedCapacity: n) { out, count in
                var i = 0, j = 0, next = 0
                while i < n {
                    if j >= next {
                        marks.append((j, i))
                        next += Self.stride
                    }
                    let c = b[i]
                    if c < 0x80 {
                        // Eight ASCII bytes at a time (English text is mostly ASCII).
                        if i + 8 <= n {
                            var word: UInt64 = 0
                            for k in 0..<8 { word |= UInt64(b[i + k]) << (8 * k) }
                            if word & 0x8080_8080_8080_8080 == 0 {
                                let dots = word ^ 0x2E2E_2E2E_2E2E_2E2E  // a zero byte where there is a "."
                                if (dots &- 0x0101_0101_0101_0101) & ~dots & 0x8080_8080_8080_8080 != 0 { ellipsis = true }
                                for k in 0..<8 { out[j + k] = UInt16(b[i + k]) }
                                i += 8; j += 8
                                continue
                            }
                        }
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
                marks.append((j, i))
                count = j
            }
        } ?? Array(text.utf16)
        checkpoints = marks.isEmpty ? [(0, 0), (utf16.count, text.utf8.count)] : marks
        hasTitleMark = title
        hasEllipsisOrPeriod = ellipsis
    }

    /// String index ranges for `ranges` of UTF-16 offsets, which must be ascending, not overlap and
    /// fall on scalar boundaries.
    func indexRanges(_ ranges: [Range<Int>]) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        result.reserveCapacity(ranges.count)
        let utf8 = text.utf8
        var unit = 0, byte = 0
        utf16.withUnsafeBufferPointer { units in
            func advance(to target: Int) -> String.Index {
                if target > unit {  // start from the checkpoint before the target when that is nearer
                    var k = min(target / Self.stride, checkpoints.count - 1)
                    while checkpoints[k].unit > target { k -= 1 }
                    if checkpoints[k].unit > unit { (unit, byte) = checkpoints[k] }
                }
                while unit < target {
                    let u = units[unit]
                    // 1 byte, 2 from U+0080, 3 from U+0800; each surrogate of a pair 2.
                    byte += 1 + (u >= 0x80 ? 1 : 0) + (u >= 0x800 && u & 0xF800 != 0xD800 ? 1 : 0)
                    unit += 1
                }
                return utf8.index(utf8.startIndex, offsetBy: byte)  // O(1): the string is native UTF-8
            }
            for r in ranges {
                let start = advance(to: r.lowerBound)
                result.append(start..<advance(to: r.upperBound))
            }
        }
        return result
    }
}
