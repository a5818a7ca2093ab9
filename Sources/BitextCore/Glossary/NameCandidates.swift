/// Chinese names found through the English side: a run of two to four Han characters whose pinyin,
/// in any of the characters' readings, spells a run of capitalised words of the same sentence pair
/// (勒都 ↔ Le Du), whatever ICU's word break made of it (勒 + 都, where 都 alone is a particle).
struct NameCandidates {
    let pinyin: Pinyin
    let dictionary: BilingualDictionary
    /// `maxNameWords` capitalised English words spelled together as one name (Chen Qingyang, Wang
    /// Er), by at most `maxNameCharacters` Han characters.
    let parameters: GlossaryParameters

    /// The runs of `zh` spelling a capitalised run of `en`.
    func candidates(zh: String, en: EnglishTermTokens) -> [String] {
        var names = Set<String>(), prefixes = Set<String>()
        for (i, token) in en.tokens.enumerated() where en.text[token.range].first!.isUppercase {
            var spelled = ""
            for j in i..<min(en.tokens.count, i + parameters.maxNameWords) {
                let t = en.tokens[j]
                guard j == i || (!t.afterBreak && en.text[t.range].first!.isUppercase) else { break }
                spelled += t.lower.filter { $0.isLetter }
                names.insert(spelled)
            }
        }
        guard !names.isEmpty else { return [] }
        for name in names { for k in 1..<name.count { prefixes.insert(String(name.prefix(k))) } }
        let characters = Array(zh.unicodeScalars)
        var found: [String] = []
        for start in characters.indices {
            var spellings = [""]
            for end in start..<min(characters.count, start + parameters.maxNameCharacters) {
                let readings = pinyin.readings(characters[end], dictionary: dictionary)
                spellings = spellings.flatMap { s in readings.map { s + $0 } }
                if end > start && spellings.contains(where: names.contains) {
                    found.append(String(String.UnicodeScalarView(characters[start...end])))
                }
                spellings = spellings.filter(prefixes.contains)
                if spellings.isEmpty { break }
            }
        }
        return found
    }
}
