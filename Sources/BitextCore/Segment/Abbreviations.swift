/// English abbreviations and initials that ICU's sentence rules take for a sentence end.
/// Words are compared as packed lowercase ASCII keys, so the check allocates nothing.
enum Abbreviations {
    /// Abbreviations that never end a sentence: titles before a name, Latin "e.g." and kin.
    static let neverFinal = keys([
        "dr", "mr", "mrs", "ms", "messrs", "mme", "mlle", "st", "mt", "ft", "prof", "rev", "fr", "hon",
        "gen", "sen", "rep", "gov", "pres", "capt", "lt", "col", "sgt", "cmdr", "adm", "maj",
        "e.g", "i.e", "vs", "v", "cf", "viz", "approx", "ca", "al",
    ])

    /// Abbreviations that can end a sentence: they do so only before a word that starts sentences.
    static let sometimesFinal = keys([
        "u.s", "u.n", "u.k", "u.s.a", "e.u", "etc", "no", "nos", "fig", "figs", "vol", "vols", "p", "pp",
        "a.m", "p.m", "inc", "ltd", "co", "corp", "jr", "sr", "dept", "univ", "ed", "eds", "eq", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d",
    ])

    /// Capitalised function words that begin sentences: after "U.S." or an initial, such a word
    /// means the sentence really ended there.
    static let sentenceStarters = keys([
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
        "you", "his", "her", "their", "our", "my", "your", "there", "here", "but", "and", "or", "so",
        "yet", "in", "on", "at", "for", "if", "when", "while", "after", "before", "as", "however",
        "then", "now", "what", "who", "why", "how", "where", "some", "many", "most", "all", "one",
        "both", "each", "such", "since", "although", "though", "because", "also", "to", "by", "with",
        "from", "of", "not", "only", "still", "even", "meanwhile", "moreover", "thus", "therefore",
    ])

    private static func keys(_ words: [String]) -> Set<UInt64> {
        Set(words.compactMap { key(Array($0.utf16)[...]) })
    }

    /// Packs up to 8 ASCII letters and dots, lowercased, into one integer; nil for anything else.
    static func key(_ word: ArraySlice<UInt16>) -> UInt64? {
        guard !word.isEmpty, word.count <= 8 else { return nil }
        var k: UInt64 = 0
        for u in word {
            let lower: UInt16
            switch u {
            case 0x41...0x5A: lower = u + 0x20
            case 0x61...0x7A, 0x2E: lower = u
            default: return nil
            }
            k = k << 8 | UInt64(lower)
        }
        return k
    }

    /// Whether a sentence break after `word` (letters and dots, ending in a period) and before
    /// the word `next` is wrong.
    static func bindsToNext(word: ArraySlice<UInt16>, next: ArraySlice<UInt16>) -> Bool {
        let core = word.dropLast()
        guard let coreKey = key(core) else { return false }
        if neverFinal.contains(coreKey) { return true }
        let isInitial = core.count == 1 && (0x41...0x5A).contains(core.first!)
        let isDottedCaps = core.count >= 3 && core.enumerated().allSatisfy { i, u in
            i % 2 == 0 ? (0x41...0x5A).contains(u) : u == 0x2E
        }
        guard sometimesFinal.contains(coreKey) || isInitial || isDottedCaps else { return false }
        guard let first = next.first else { return false }
        if (0x61...0x7A).contains(first) || (0x30...0x39).contains(first) { return true }
        guard let nextKey = key(next) else { return true }  // a long or non-ASCII word is not a function word
        return !sentenceStarters.contains(nextKey)
    }
}
