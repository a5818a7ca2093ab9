import ICUKit

/// Finds glossary entries in text, in one pass over it (a trie of the terms, leftmost-longest):
/// Chinese terms by their match keys (NFKC, case-folded, Traditional → Simplified, so 伊斯蘭國
/// finds 伊斯兰国), the longest term first, never inside a longer known term; English terms and
/// their variants by stemmed words at word boundaries, any case ("terrorists" finds "terrorist"),
/// except all-capital abbreviations, which match only in capitals (IS is not "is").
/// Built once from a glossary and reused across texts. Not safe for concurrent use.
public final class TermMatcher {
    /// One occurrence of an entry in a text.
    public struct Hit: Sendable, Equatable {
        /// The entry's index in `entries`.
        public let entry: Int
        /// Which side of the entry was found.
        public let language: Language
        /// Where, in the text searched.
        public let range: Range<String.Index>
        /// The text as written there.
        public let matched: String
        /// For English hits, which form: 0 the entry's English, k its variant k − 1. Always 0 for Chinese.
        public let form: Int
    }

    /// The glossary's entries; the first of several with the same Chinese (by match key) is the one found.
    public let entries: [TermEntry]
    private let keys: MatchKey
    private var keyCache: [UInt32: [UInt32]] = [:]
    private var wordKeys: [Substring: [String]] = [:]
    private var zhTrie = Trie<UInt32>()
    private var enTrie = Trie<String>()

    /// A matcher for `entries`.
    public init(entries: [TermEntry]) throws(ICUError) {
        self.entries = entries
        keys = try MatchKey()
        for (k, e) in entries.enumerated() {
            let key = e.zh.unicodeScalars.flatMap { matchKey(of: $0) }
            if !key.isEmpty { zhTrie.insert(key, value: (k, 0)) }
            for (form, english) in ([e.en] + e.variants).enumerated() {
                let words = EnglishWords.ranges(in: english).map { Self.englishKey(of: english[$0], exact: Self.isAbbreviation(english[$0], in: english)) }
                if !words.isEmpty { enTrie.insert(words, value: (k, form)) }
            }
        }
    }

    /// The match key of one character; none for white space and quotation marks, which glossary terms
    /// leave out (后“伊斯兰国”时代 is the term 后伊斯兰国时代).
    private func matchKey(of s: Unicode.Scalar) -> [UInt32] {
        if let cached = keyCache[s.value] { return cached }
        let key = s.properties.isWhitespace || Self.quotes.contains(s) ? [] : keys.key(String(Character(s))).unicodeScalars.map(\.value)
        keyCache[s.value] = key
        return key
    }

    static let quotes = Set("“”‘’「」『』\"'".unicodeScalars)

    /// The Chinese terms in `text`, in order.
    public func chineseHits(in text: String) -> [Hit] {
        var key: [UInt32] = [], starts: [String.Index] = [], ends: [String.Index] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let next = scalars.index(after: i)
            for k in matchKey(of: scalars[i]) { key.append(k); starts.append(i); ends.append(next) }
            i = next
        }
        return zhTrie.longestMatches(in: key).map { m in
            let range = starts[m.start]..<ends[m.end - 1]
            return Hit(entry: m.value.entry, language: .zh, range: range, matched: String(text[range]), form: 0)
        }
    }

    /// The English terms and variants in `text`, in order, none inside a longer one (ISIS in "Post-ISIS
    /// Era" is that term's); with `entry`, only that entry's renderings, wherever they are written,
    /// inside longer terms too (for checking that a translation uses them).
    public func englishHits(in text: String, entry: Int? = nil) -> [Hit] {
        let words = EnglishWords.ranges(in: text)
        let options = words.map { englishKeys(of: text[$0]) }
        return enTrie.longestMatches(in: options, accept: { entry == nil || $0.entry == entry }).map { m in
            let range = words[m.start].lowerBound..<words[m.end - 1].upperBound
            return Hit(entry: m.value.entry, language: .en, range: range, matched: String(text[range]), form: m.value.form)
        }
    }

    /// The exact and the stemmed key of a word of the text, cached (a text has far fewer distinct words than words).
    private func englishKeys(of word: Substring) -> [String] {
        if let cached = wordKeys[word] { return cached }
        let keys = [Self.englishKey(of: word, exact: true), Self.englishKey(of: word, exact: false)]
        wordKeys[word] = keys
        return keys
    }

    /// A word's key: its stem, or "=" and the word itself for an abbreviation matched exactly.
    static func englishKey(of word: Substring, exact: Bool) -> String {
        exact ? "=" + word : EnglishWords.stem(word.replacingOccurrences(of: "’", with: "'"))
    }

    /// An all-capital word of up to six letters (and digits) in a glossary form: ISIS, IS, HER2 — unless
    /// the whole form is written in capitals (a heading), where capitals say nothing.
    static func isAbbreviation(_ word: Substring, in form: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard !letters.isEmpty, letters.count <= 6, letters.allSatisfy(\.isUppercase) else { return false }
        return form.split(separator: " ").count == 1 || !form.filter(\.isLetter).allSatisfy(\.isUppercase)
    }
}

/// A trie over sequences of `Symbol`, each path ending in an (entry, form) value; searched
/// leftmost-longest.
struct Trie<Symbol: Hashable> {
    typealias Value = (entry: Int, form: Int)
    private var children: [[Symbol: Int32]] = [[:]]
    private var values: [Value?] = [nil]

    /// Adds `path` with `value`, unless a value is there already (the first entry wins).
    mutating func insert(_ path: [Symbol], value: Value) {
        var node = 0
        for s in path {
            if let child = children[node][s] { node = Int(child); continue }
            children.append([:])
            values.append(nil)
            children[node][s] = Int32(children.count - 1)
            node = children.count - 1
        }
        if values[node] == nil { values[node] = value }
    }

    /// The longest matches, left to right, not overlapping: at each position the longest path that
    /// `symbols` spells; after a match the search goes on past it.
    func longestMatches(in symbols: [Symbol]) -> [(start: Int, end: Int, value: Value)] {
        scan(symbols.count) { p in
            var node = 0, q = p
            var best: (end: Int, value: Value)?
            while q < symbols.count, let child = children[node][symbols[q]] {
                node = Int(child)
                q += 1
                if let v = values[node] { best = (q, v) }
            }
            return best
        }
    }

    /// The same where each position offers several symbols (tried in turn) and only accepted values count.
    func longestMatches(in options: [[Symbol]], accept: (Value) -> Bool) -> [(start: Int, end: Int, value: Value)] {
        scan(options.count) { p in
            guard options[p].contains(where: { children[0][$0] != nil }) else { return nil }  // most words start no term
            var best: (end: Int, value: Value)?
            var frontier = [0]
            var q = p
            while q < options.count, !frontier.isEmpty {
                var next: [Int] = []
                for node in frontier {
                    for s in options[q] { if let c = children[node][s], !next.contains(Int(c)) { next.append(Int(c)) } }
                }
                q += 1
                for node in next { if let v = values[node], accept(v), best.map({ $0.end < q }) ?? true { best = (q, v) } }
                frontier = next
            }
            return best
        }
    }

    /// Positions 0..<count, left to right: where `longestFrom` finds a match, it is taken and the
    /// scan goes on after it; elsewhere at the next position.
    private func scan(_ count: Int, _ longestFrom: (Int) -> (end: Int, value: Value)?) -> [(start: Int, end: Int, value: Value)] {
        var result: [(Int, Int, Value)] = []
        var p = 0
        while p < count {
            if let best = longestFrom(p) {
                result.append((p, best.end, best.value))
                p = best.end
            } else {
                p += 1
            }
        }
        return result
    }
}
