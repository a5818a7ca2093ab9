/// What a Chinese term can translate to, character by character: the English stems of the
/// dictionary entries inside it, the toneless pinyin of its character spans (for names), and its
/// Latin or digit parts verbatim (HER2, 3). Matching it against English words says which of the
/// term's characters and which English words explain each other.
struct TermProfile {
    /// Characters of the term (Han and others).
    let characters: [Unicode.Scalar]
    /// English match form → bit mask of the characters whose dictionary entries give it.
    private var stems: [String: UInt32] = [:]
    /// Lower-case spelling (pinyin of a span, or a Latin/digit part) → characters it spells.
    private var spellings: [String: UInt32] = [:]
    /// The English match forms of the dictionary entry for the whole term, if it has one.
    private(set) var wholeTermStems: Set<String> = []

    /// The English match forms of dictionary entries' whole glosses (parenthesised words included), by headword key.
    final class GlossCache {
        private var stems: [UInt64: [String]] = [:]
        let table: TranslationTable

        init(table: TranslationTable) { self.table = table }

        func stems(_ key: HanKey) -> [String] {
            if let cached = stems[key.value] { return cached }
            var ids: [Int32] = []
            for field in table.dictionary.glossFields(key) {
                GlossWords.appendIDs(of: field, to: &ids, vocabulary: table.vocabulary, parenthesised: true)
            }
            let words = ids.map { table.vocabulary.word($0) }
            stems[key.value] = words
            return words
        }

        private var spelled: [UInt64: [String]] = [:]

        /// The pinyin spellings of a run of Han characters whose key is `key` (the first
        /// `spellingsPerSpan` in reading order), made from `shorter`, those of the run without its
        /// last character, and `readings()`, that character's readings; empty when it has none.
        /// Terms share their runs, so each is spelled once.
        func spellings(_ key: HanKey, extending shorter: [String], readings: () -> [String]) -> [String] {
            if let cached = spelled[key.value] { return cached }
            let last = readings()
            let result = Array(shorter.lazy.flatMap { prefix in last.lazy.map { prefix + $0 } }.prefix(TermProfile.spellingsPerSpan))
            spelled[key.value] = result
            return result
        }
    }

    /// Co-occurrence keys (see `EnglishTermTokens.Token.companyKey`) → characters they keep company with.
    private var company: [String: UInt32] = [:]
    /// Stems of five letters or more by their first five letters, for matching derived forms.
    private var roots: [UInt64: [(stem: String, mask: UInt32)]] = [:]

    init(_ term: String, glosses: GlossCache, pinyin: Pinyin, associations: [UInt64: Set<String>] = [:],
         characterGlosses: CharacterGlosses? = nil) {
        let table = glosses.table
        // Glosses are read whole here, parenthesised words included: "Islamic State (IS)" gives IS.
        characters = Array(term.unicodeScalars.prefix(32))
        let n = characters.count
        // Room for the usual sizes, so that the tables are not rehashed as they grow.
        stems.reserveCapacity(32)
        spellings.reserveCapacity(8 * n)
        // Dictionary entries inside the term; one inside a longer one (伊 inside 伊斯兰国) adds only noise.
        var spans: [ClosedRange<Int>] = []
        for start in 0..<n {
            var key = HanKey()
            for end in start..<min(n, start + BilingualDictionary.maxHeadwordLength) {
                key.append(characters[end])
                if table.dictionary.contains(key) { spans.append(start...end) }
                if !table.dictionary.isPrefix(key) { break }
            }
        }
        for span in spans where !spans.contains(where: { $0 != span && $0.lowerBound <= span.lowerBound && $0.upperBound >= span.upperBound }) {
            var key = HanKey()
            for k in span { key.append(characters[k]) }
            let words = glosses.stems(key)
            for w in words { stems[w, default: 0] |= Self.mask(span) }
            if span == 0...(n - 1) { wholeTermStems = Set(words) }
        }
        // English words that keep company with a part of the term in these texts: a word the
        // dictionaries lack (顺铂 ↔ cisplatin) or gloss in another sense (缓解 ↔ response,
        // 浸润性 ↔ invasive).
        if !associations.isEmpty {
            for start in 0..<n {
                var key = HanKey()
                for end in start..<n {
                    key.append(characters[end])
                    if let words = associations[key.value] {
                        for w in words { company[w, default: 0] |= Self.mask(start...end) }
                    }
                }
            }
        }
        // What a character means inside words (心 → cardiac), learned from the dictionary, for
        // characters that no known word of two or more characters in the term covers.
        if let characterGlosses {
            let inKnownWords = spans.filter { $0.count >= 2 }.reduce(UInt32(0)) { $0 | Self.mask($1) }
            for (k, c) in characters.enumerated() where inKnownWords & (1 << UInt32(k)) == 0 {
                for word in characterGlosses.words[c] ?? [] { stems[word, default: 0] |= 1 << UInt32(k) }
            }
        }
        // Word-forming characters whose English counterpart is an affix the dictionary glosses
        // leave out: 无复发 ↔ recurrence-free, 非西班牙语裔 ↔ non-Hispanic, 抗体 ↔ anti-, 双盲 ↔ double-blind.
        for (k, c) in characters.enumerated() {
            for affix in Self.affixes[c] ?? [] { stems[affix, default: 0] |= 1 << UInt32(k) }
        }
        // Pinyin of spans of up to four Han characters, and runs of Latin letters or digits.
        // Each character is read as ICU reads it and in its other CC-CEDICT readings (勒 le as well
        // as lei, for 勒都 ↔ Le Du).
        for start in 0..<n where Script(characters[start]) == .han {
            var spelled = [""]
            var key = HanKey()
            for end in start..<min(n, start + 4) where Script(characters[end]) == .han {
                key.append(characters[end])
                spelled = glosses.spellings(key, extending: spelled) { pinyin.readings(characters[end], dictionary: table.dictionary) }
                if spelled.isEmpty { break }
                for s in spelled { spellings[s, default: 0] |= Self.mask(start...end) }
            }
        }
        defer {
            for (stem, mask) in stems where stem.utf8.count >= 5 { roots[Self.prefixCode(stem), default: []].append((stem, mask)) }
        }
        var k = 0
        while k < n {
            guard characters[k].properties.isASCIIHexDigit || Script(characters[k]) == .latin else { k += 1; continue }
            var end = k
            while end + 1 < n && (characters[end + 1].isASCII && (characters[end + 1].properties.isAlphabetic
                                                                   || characters[end + 1].properties.numericType != nil)) { end += 1 }
            spellings[String(String.UnicodeScalarView(characters[k...end])).lowercased(), default: 0] |= Self.mask(k...end)
            k = end + 1
        }
    }

    /// Spellings tried per span of characters.
    static let spellingsPerSpan = 16

    private static func mask(_ range: ClosedRange<Int>) -> UInt32 {
        range.reduce(UInt32(0)) { $0 | (1 << UInt32($1)) }
    }

    /// The characters that explain English word `token`, or 0.
    func explains(_ token: EnglishTermTokens.Token) -> UInt32 {
        explanation(of: token).mask
    }

    /// The characters that explain `token` (`explains`), and those that explain it by sound alone
    /// (nothing they mean explains it; 0 otherwise), measured together.
    func explanation(of token: EnglishTermTokens.Token) -> (mask: UInt32, bySoundOnly: UInt32) {
        let meaning = meaning(of: token)
        let sound = sound(of: token, meaningless: meaning == 0)
        let mask = meaning | sound | derivation(of: token)
        return (mask, mask == sound ? sound : 0)
    }

    /// The characters whose glosses give `token`, or that keep company with it in these texts.
    private func meaning(of token: EnglishTermTokens.Token) -> UInt32 {
        (stems[token.stem] ?? 0) | (company[token.companyKey] ?? 0)
    }

    /// The characters whose glosses `token` derives from, whatever else explains it.
    private func derivation(of token: EnglishTermTokens.Token) -> UInt32 {
        var mask: UInt32 = 0
        if token.stem.count >= 5 {
            // Derived forms: islam ~ islamic, terrorism ~ terrorist, computer ~ computed (sharing a
            // root of six letters at least).
            for (stem, m) in roots[Self.prefixCode(token.stem)] ?? [] where Self.sameRoot(stem, token.stem) { mask |= m }
        }
        // A derivational suffix on a short stem: deafness ← deaf, nodal ← node, hematologic ← hematology.
        for base in token.bases { mask |= stems[base] ?? 0 }
        return mask
    }

    /// The characters whose pinyin spells `token` (or a Latin part of the term); for a name that
    /// nothing else explains, also a spelling one letter off the pinyin (勒农 lenong ↔ Le Long,
    /// 户撒 husa ↔ Husha).
    private func sound(of token: EnglishTermTokens.Token, meaningless: Bool) -> UInt32 {
        var mask = spellings[token.lower]
            ?? (token.lower.unicodeScalars.contains { !$0.isASCII } ? spellings[Self.withoutToneMarks(token.lower)] ?? 0 : 0)
        if mask == 0 && meaningless && token.companyKey.hasPrefix("^") {
            for (spelling, m) in spellings where Self.oneEditApart(spelling, token.lower) { mask |= m }
        }
        return mask
    }

    /// `word` with pinyin tone marks and ü taken off (Nǚ-wa → nu, wa), as the toneless syllables are spelled.
    static func withoutToneMarks(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.map { toneless[$0] ?? $0 }))
    }

    private static let toneless: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (plain, marked) in [("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"), ("u", "ūúǔùǖǘǚǜü")] {
            for c in marked.unicodeScalars { table[c] = plain.unicodeScalars.first! }
        }
        return table
    }()

    /// Whether the words a span explains by sound alone, given their character masks in English
    /// order, spell characters in the Chinese order: a transliteration keeps the order of its
    /// syllables (士隐 ↔ Shi-yin; 因思 yin si does not spell it, though each syllable matches a word).
    static func spellsInOrder(_ masks: [UInt32]) -> Bool {
        var next = 0
        for m in masks where m != 0 {
            let ahead = next >= 32 ? 0 : m & ~((UInt32(1) << UInt32(next)) &- 1)
            guard ahead != 0 else { return false }
            // Past the run of characters this word spells.
            let first = ahead.trailingZeroBitCount
            next = first + (~(ahead >> UInt32(first))).trailingZeroBitCount
        }
        return true
    }

    /// Whether some content word of `words` is explained only by keeping company with the term in
    /// these texts, not by the dictionary, pinyin or the term's Latin parts.
    func reliesOnCompany(_ words: [EnglishTermTokens.Token]) -> Bool {
        words.contains { w in !w.isStop && (stems[w.stem] ?? 0) | (spellings[w.lower] ?? 0) == 0 && company[w.companyKey] != nil }
    }

    /// Whether every content word of `words` is a gloss of the whole term's own dictionary entry.
    func isDirectGloss(_ words: [EnglishTermTokens.Token]) -> Bool {
        !wholeTermStems.isEmpty && words.allSatisfy { $0.isStop || wholeTermStems.contains($0.stem) }
    }

    /// English affixes and particles that word-forming characters stand for in terms (match forms).
    static let affixes: [Unicode.Scalar: [String]] = [
        "无": [EnglishWords.stem("free"), "non"], "非": ["non", "un"], "抗": ["anti"], "双": ["dual", "double"],
        "新": ["neo", "new"], "多": ["multi", "poly"], "单": ["mono", "single"], "前": ["pre"], "后": ["post"],
    ]

    /// Suffixes that English terms leave implicit: 性 (浸润性 invasive), 期 and 率 (生存期, 生存率: survival).
    static let implicitSuffixes: Set<Unicode.Scalar> = ["性", "期", "率"]

    /// Whether two spellings differ by one inserted, deleted or replaced letter (short ones of two
    /// or three letters must start alike: lei ~ le, but nong ~ long).
    static func oneEditApart(_ a: String, _ b: String) -> Bool {
        // Lengths first: most pairs differ by more than a letter, and the counts need no copy.
        guard abs(a.utf8.count - b.utf8.count) <= 1 else { return false }
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count >= 2, y.count >= 2, x.first == y.first || min(x.count, y.count) >= 4,
              abs(x.count - y.count) <= 1, x != y else { return false }
        var i = 0
        while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
        if x.count == y.count { return x[(i + 1)...] == y[(i + 1)...] }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }

    /// The first five bytes of a match form, packed: words sharing a root share them.
    static func prefixCode(_ stem: String) -> UInt64 {
        stem.utf8.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// Whether two match forms share a root: one starts with the other, or each goes on for at most
    /// three letters after a common part of at least six (metastasis ~ metastatic).
    static func sameRoot(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.utf8, b.utf8)
        let common = zip(x, y).prefix { $0 == $1 }.count
        return common == min(x.count, y.count) || (common >= 6 && max(x.count, y.count) - common <= 3)
    }

    /// English derivational suffixes that make a noun or adjective of a word (deaf → deafness).
    static let derivationalSuffixes = ["ness", "ity", "ical", "ic", "al", "ism", "ist", "ive", "ous", "ment", "ation", "ion", "ia"]

    /// The match forms a derived word `stem` may be made from by one of `derivationalSuffixes`:
    /// the rest before the suffix, and the rest with y (hematologic → hematology); a rest of three
    /// letters at least.
    static func bases(of stem: String) -> [String] {
        var found: [String] = []
        guard stem.utf8.count >= 5 else { return found }  // the shortest suffix and a rest of three
        for suffix in derivationalSuffixes where stem.utf8.count >= suffix.utf8.count + 3 && stem.hasSuffix(suffix) {
            let rest = String(stem.dropLast(suffix.count))
            found += [rest, rest + "y"]
        }
        return found
    }

    /// Characters that need explaining: not function characters, nor an implicit suffix after the first character.
    var contentMask: UInt32 {
        var mask: UInt32 = 0
        for (k, c) in characters.enumerated() where !ChineseCharacters.isFunction(c) && !(k > 0 && Self.implicitSuffixes.contains(c)) {
            mask |= 1 << UInt32(k)
        }
        return mask
    }
}

import ICUKit
