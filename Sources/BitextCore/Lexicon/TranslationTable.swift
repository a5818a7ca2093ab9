/// What a Chinese n-gram can translate to, as English match-form ids: glosses from the
/// dictionaries (parsed on first use) plus pairs learned from the texts being aligned.
final class TranslationTable {
    let dictionary: BilingualDictionary
    let vocabulary: Vocabulary
    /// Known n-grams (looked up so far) and their entry in `targetLists`; -1 when not an n-gram.
    private var entries = KeyTable(capacity: 1 << 14)
    private var targetLists: [[Int32]] = []
    private var learnedPrefixes = KeyTable()

    init(dictionary: BilingualDictionary, vocabulary: Vocabulary) {
        self.dictionary = dictionary
        self.vocabulary = vocabulary
    }

    /// The entry of the n-gram `key`, or nil when it is no known n-gram (glosses are parsed on first use).
    func entry(_ key: HanKey) -> Int32? {
        if let e = entries[key.value] { return e >= 0 ? e : nil }
        guard dictionary.contains(key) else {
            entries[key.value] = -1
            return nil
        }
        var ids: [Int32] = []
        for field in dictionary.glossFields(key) { GlossWords.appendIDs(of: field, to: &ids, vocabulary: vocabulary) }
        let e = Int32(targetLists.count)
        targetLists.append(ids)
        entries[key.value] = e
        return e
    }

    /// The known n-grams as they are now, a value threads may share.
    var known: KnownNGrams { KnownNGrams(dictionary: dictionary, entries: entries, learnedPrefixes: learnedPrefixes) }

    /// Which n-grams a table knows, as it knew them when made: what threads finding n-grams read.
    struct KnownNGrams: Sendable {
        let dictionary: BilingualDictionary
        fileprivate let entries: KeyTable
        fileprivate let learnedPrefixes: KeyTable

        /// Whether `key` is a known n-gram.
        func knows(_ key: HanKey) -> Bool {
            if let e = entries[key.value] { return e >= 0 }
            return dictionary.contains(key)
        }

        /// Whether some known n-gram is longer than and starts with the n-gram `key`.
        func isPrefix(_ key: HanKey) -> Bool {
            dictionary.isPrefix(key) || learnedPrefixes[key.value] != nil
        }
    }

    /// The English ids entry `entry` translates to.
    func targets(entry: Int32) -> [Int32] { targetLists[Int(entry)] }

    /// Adds a learned translation of the Chinese word `word`.
    func learn(_ word: [Unicode.Scalar], english id: Int32) {
        var key = HanKey()
        for (n, s) in word.enumerated() {
            key.append(s)
            if n < word.count - 1 { learnedPrefixes[key.value] = 1 }
        }
        let e: Int32
        if let existing = entry(key) {
            e = existing
        } else {
            e = Int32(targetLists.count)
            targetLists.append([])
            entries[key.value] = e
        }
        if !targetLists[Int(e)].contains(id) { targetLists[Int(e)].append(id) }
    }
}

/// Turns a dictionary gloss field ("/tradition/convention (esp. old)/CL:個|个[ge4]/") into match-form ids.
enum GlossWords {
    /// Glosses that are notes about the headword, not translations of it.
    static let notePrefixes = ["CL:", "variant of", "old variant of", "see ", "also written", "abbr. for"]

    /// Whether one gloss (leading spaces removed) is a note, not a translation.
    static func isNote(_ gloss: some Collection<UInt8>) -> Bool {
        notePrefixes.contains { gloss.starts(with: $0.utf8) }
    }

    /// Appends the ids of the content words of `field`; words in parentheses ("(literary)", "(IS)")
    /// are skipped unless `parenthesised`.
    static func appendIDs(of field: Substring, to ids: inout [Int32], vocabulary: Vocabulary, parenthesised: Bool = false) {
        for gloss in field.split(separator: "/") {
            let g = gloss.drop { $0 == " " }
            if isNote(g.utf8) { continue }
            var depth = 0
            var word: [UInt8] = []
            func flush() {
                if word.count > 1 {
                    let w = String(decoding: word, as: UTF8.self)
                    if !EnglishWords.stopWords.contains(w) {
                        let id = vocabulary.id(EnglishWords.stem(w))
                        if !ids.contains(id) { ids.append(id) }
                    }
                }
                word.removeAll(keepingCapacity: true)
            }
            for b in g.utf8 {
                switch b {
                case 0x28, 0x5B: depth += parenthesised ? 0 : 1; flush()  // ( [
                case 0x29, 0x5D: depth = max(0, depth - 1); flush()  // ) ]
                case _ where depth > 0: continue
                case 0x41...0x5A: word.append(b + 0x20)
                case 0x61...0x7A, 0x27, 0x80...0xFF: word.append(b)
                default: flush()
                }
            }
            flush()
        }
    }
}
