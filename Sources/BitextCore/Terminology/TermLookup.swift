/// Glossary entries found in a text, with their line and column: what `bitext lookup` reports.
public struct TermLookup {
    /// One hit with where it is.
    public struct Hit: Sendable, Equatable {
        /// The 1-based line.
        public let line: Int
        /// The 1-based column, in characters.
        public let column: Int
        /// What was found.
        public let match: TermMatcher.Hit
    }

    /// The hits of `matcher`'s entries in `text`, line by line, in the `languages` asked for
    /// (Chinese terms, English terms and variants, or both).
    public static func hits(in text: String, matcher: TermMatcher, languages: Set<Language>) -> [Hit] {
        var result: [Hit] = []
        var number = 0
        for line in TextLines.split(text) {
            number += 1
            var found: [TermMatcher.Hit] = []
            if languages.contains(.zh) { found += matcher.chineseHits(in: String(line)) }
            if languages.contains(.en) { found += matcher.englishHits(in: String(line)) }
            let text = String(line)
            for hit in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                result.append(Hit(line: number, column: text[..<hit.range.lowerBound].count + 1, match: hit))
            }
        }
        return result
    }

    /// How often each entry was found, most found first: (entry index, count).
    public static func counts(_ hits: [Hit]) -> [(entry: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for h in hits { counts[h.match.entry, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.entry < $1.entry }
    }
}
