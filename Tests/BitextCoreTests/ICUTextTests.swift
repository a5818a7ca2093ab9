@testable import BitextCore
import XCTest

/// The UTF-16 view ICU reads and the way back to string indices, on text mixing every UTF-8 length.
final class ICUTextTests: XCTestCase {
    /// Pieces of one to four UTF-8 bytes, ASCII runs long enough for the eight-byte path, and the marks the flags watch.
    private let pieces = ["a", "The cat sat.", "abcdefghijklmnop", "é", "中", "伊斯兰国", "《", "…", "𠀋", "😀", " ", "。", "."]

    private func randomText(_ rng: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    func testCodeUnitsAndFlagsMatchTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = randomText(&rng)
            let icu = ICUText(text)
            XCTAssertEqual(icu.utf16, Array(text.utf16), text)
            XCTAssertEqual(icu.hasTitleMark, text.contains("《"), text)
            XCTAssertEqual(icu.hasEllipsisOrPeriod, text.contains(".") || text.contains("…"), text)
        }
    }

    func testRangesOfUTF16OffsetsBecomeTheSameStringIndices() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = randomText(&rng)
            let icu = ICUText(text)
            // Scalar boundaries as UTF-16 offsets, then random ascending, non-overlapping ranges over them.
            var boundaries = [0]
            for s in text.unicodeScalars { boundaries.append(boundaries.last! + UTF16.width(s)) }
            var cuts = boundaries.filter { _ in Bool.random(using: &rng) }.sorted()
            if cuts.count % 2 == 1 { cuts.removeLast() }
            let ranges = stride(from: 0, to: cuts.count, by: 2).map { cuts[$0]..<cuts[$0 + 1] }
            let expected = ranges.map { r in
                text.utf16.index(text.startIndex, offsetBy: r.lowerBound)..<text.utf16.index(text.startIndex, offsetBy: r.upperBound)
            }
            let got = icu.indexRanges(ranges)
            XCTAssertEqual(got.map { String(text[$0]) }, expected.map { String(text[$0]) }, text)
            XCTAssertEqual(got.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) },
                           expected.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }, text)
        }
    }
}
