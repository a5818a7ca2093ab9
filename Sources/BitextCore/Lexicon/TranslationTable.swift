/// What a Chinese n-gram can translate to, as English match-form ids: glosses from the
/// dictionaries (parsed on first use) plus pairs learned from the texts being aligned.
final class TranslationTable {
    let dictionary: BilingualDictionary
    let vocabulary: Vocabulary
    private var glossCache: [HanKey: [Int32]] = [:]
    private var learned: [HanKey: [Int32]] = [:]
    private var learnedPrefixes: Set<HanKey> = []

    init(dictionary: BilingualDictionary, vocabulary: Vocabulary) {
        self.dictionary = dictionary
        self.vocabulary = vocabulary
    }

    /// Whether some known n-gram is longer than and starts with the n-gram `key`.
    func isPrefix(_ key: HanKey) -> Bool {
        dictionary.prefixes.contains(key) || learnedPrefixes.contains(key)
    }

    /// The English ids the n-gram `key` translates to, or nil when it is no known n-gram.
    func targets(_ key: HanKey) -> [Int32]? {
        let fromLearning = learned[key]
        guard dictionary.contains(key) else { return fromLearning }
        var ids: [Int32]
        if let cached = glossCache[key] {
            ids = cached
        } else {
            ids = []
            for field in dictionary.glossFields(key) { GlossWords.appendIDs(of: field, to: &ids, vocabulary: vocabulary) }
            glossCache[key] = ids
        }
        if let fromLearning { ids += fromLearning.filter { !ids.contains($0) } }
        return ids
    }

    /// Adds a learned translation of the Chinese word `word` (with key `key`).
    func learn(_ word: [Unicode.Scalar], english id: Int32) {
        var key = HanKey()
        for (n, s) in word.enumerated() {
            key.append(s)
            if n < word.count - 1 { learnedPrefixes.insert(key) }
        }
        if !(learned[key]?.contains(id) ?? false) { learned[key, default: []].append(id) }
    }

    /// Forgets all learned pairs.
    func forgetLearned() {
        learned = [:]
        learnedPrefixes = []
    }
}

/// Turns a dictionary gloss field ("/tradition/convention (esp. old)/CL:個|个[ge4]/") into match-form ids.
enum GlossWords {
    static func appendIDs(of field: Substring, to ids: inout [Int32], vocabulary: Vocabulary) {
        for gloss in field.split(separator: "/") {
            let g = gloss.drop { $0 == " " }
            if g.hasPrefix("CL:") || g.hasPrefix("variant of") || g.hasPrefix("old variant of")
                || g.hasPrefix("see ") || g.hasPrefix("also written") || g.hasPrefix("abbr. for") { continue }
            var depth = 0
            var word = ""
            func flush() {
                if word.count > 1, !EnglishWords.stopWords.contains(word) {
                    let id = vocabulary.id(EnglishWords.stem(word))
                    if !ids.contains(id) { ids.append(id) }
                }
                word = ""
            }
            for c in g {
                if c == "(" || c == "[" { depth += 1; flush(); continue }
                if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
                if depth > 0 { continue }
                if c.isLetter || c == "'" { word.append(contentsOf: c.lowercased()) } else { flush() }
            }
            flush()
        }
    }
}
