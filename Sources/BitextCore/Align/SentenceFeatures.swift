import Foundation
import ICUKit

/// The translation evidence of one English sentence: its content words as match-form ids.
struct EnglishFeatures: Equatable {
    /// Unique content ids (stems, numbers "#21", cues "?" "!" "\""), at most 128.
    var ids: [Int32] = []
    /// Each id's weight (inverse sentence frequency in the document).
    var weights: [Float] = []
    /// Non-space characters, for the length model.
    var length = 0
    /// Sum of `weights`.
    var total: Float = 0
    /// Whether the sentence opens and closes with a quotation mark (dialogue).
    var quotes = QuoteEdges()

    /// Replaces every id by `final(id)`.
    mutating func finalizeIDs(_ final: (Int32) -> Int32) {
        for k in ids.indices { ids[k] = final(ids[k]) }
    }
}

/// Whether a sentence starts with an opening and ends with a closing quotation mark (dialogue).
/// A short speech tag before the quote counts as part of the opening: 海老公道：“… opens as “…”
/// does, which English writes '…,' said the old eunuch.
struct QuoteEdges: Equatable {
    var opens = false
    var closes = false

    /// The longest speech tag (characters before the opening quote, ending in a colon or comma)
    /// that still counts as opening dialogue. mac-dev strict F1 is 0.913–0.917 for any bound from
    /// 6 to 40 (0.905 without the tag); a short bound keeps narrative that merely quotes out.
    static let longestSpeechTag = 10

    init() {}

    init(_ text: String) {
        let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』"]
        opens = text.first.map(quotes.contains) ?? false
        closes = text.last.map(quotes.contains) ?? false
        if !opens, let quote = text.firstIndex(where: { "“「『".contains($0) }) {
            let tag = text[..<quote]
            opens = tag.count <= Self.longestSpeechTag && tag.last.map { "：:，,".contains($0) } == true
                && !tag.contains(where: quotes.contains)
        }
    }
}

/// The translation evidence of one Chinese sentence: content units (Han characters that are not
/// function characters, Latin words, numbers, cues) and candidate n-grams that cover units and
/// translate to English ids.
struct ChineseFeatures: Equatable {
    /// One candidate: the units it covers, `first` through `last` (a candidate's units are always
    /// consecutive: it is a run of characters, and function characters take no unit), and what it
    /// translates to.
    struct Candidate: Equatable {
        var targets: [Int32]
        var first: UInt8
        var last: UInt8

        /// The units covered as a 128-bit mask (low word: units 0–63).
        @inline(__always)
        var mask: (low: UInt64, high: UInt64) {
            let lo = Int(first), end = Int(last) + 1
            return (Self.bits(lo, min(end, 64)), Self.bits(max(lo, 64) - 64, max(end, 64) - 64))
        }

        /// Bits a ..< b of a word (none when b ≤ a).
        @inline(__always)
        private static func bits(_ a: Int, _ b: Int) -> UInt64 {
            guard a < b else { return 0 }
            return (b - a == 64 ? ~0 : (1 << UInt64(b - a)) - 1) << UInt64(a)
        }
    }

    var candidates: [Candidate] = []

    /// Adds a candidate covering `units`, consecutive but for −1 entries (function characters,
    /// which cover nothing); none when all are −1.
    mutating func addCandidate<Units: Sequence>(units: Units, targets: [Int32]) where Units.Element: BinaryInteger {
        var first = Int.max, last = -1, count = 0
        for unit in units where unit >= 0 {
            first = min(first, Int(unit))
            last = max(last, Int(unit))
            count += 1
        }
        guard count > 0 else { return }
        assert(last - first + 1 == count, "a candidate's units are consecutive")
        candidates.append(Candidate(targets: targets, first: UInt8(first), last: UInt8(last)))
    }

    /// Each unit's weight (inverse sentence frequency in the document), at most 128 units.
    var weights: [Float] = []
    /// Non-space characters, for the length model.
    var length = 0
    /// Sum of `weights`.
    var total: Float = 0
    /// Replaces every id of the candidates' targets by `final(id)`.
    mutating func finalizeIDs(_ final: (Int32) -> Int32) {
        for c in candidates.indices { for t in candidates[c].targets.indices { candidates[c].targets[t] = final(candidates[c].targets[t]) } }
    }
    /// Whether the sentence opens and closes with a quotation mark (dialogue).
    var quotes = QuoteEdges()
}
