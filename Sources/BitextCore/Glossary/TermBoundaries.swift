/// Whether a Chinese term's edges fall between words where it is written: a term is made of whole
/// words, so an edge inside a dictionary word (同步顺铂化 ends inside 化疗, 危局部区域晚期鼻咽癌
/// starts inside 高危) or right after a digit (级急性不良事件 in 3级急性不良事件: the
/// measure word belongs to its count) marks a fragment, and so does a term whose neighbours on
/// one side are nearly always the same (accessor variety: 性鼻咽癌 is always 转移性鼻咽癌's tail,
/// wilcoxon always followed by 秩和检验). Termhood weighs the shares of occurrences showing each.
struct TermBoundaries {
    let dictionary: BilingualDictionary

    /// The evidence for `term` over the sentences `texts` it occurs in (every occurrence in each).
    func evidence(of term: String, in texts: [String]) -> Termhood.Boundaries {
        let needle = Array(term.unicodeScalars)
        guard !needle.isEmpty else { return Termhood.Boundaries() }
        var occurrences = 0, cut = 0, afterDigit = 0
        var left = Neighbours(), right = Neighbours()
        for text in texts {
            let chars = Array(text.unicodeScalars)
            var start = 0
            while start + needle.count <= chars.count {
                guard chars[start..<(start + needle.count)].elementsEqual(needle) else { start += 1; continue }
                let end = start + needle.count
                occurrences += 1
                if cutsAWord(chars, at: start) || cutsAWord(chars, at: end) { cut += 1 }
                if start > 0 && ChineseCharacters.isDigit(chars[start - 1]) { afterDigit += 1 }
                left.add(start > 0 ? chars[start - 1] : nil)
                right.add(end < chars.count ? chars[end] : nil)
                start = end
            }
        }
        let verb = endsInAVerb(needle) ? 1.0 : 0
        let name = dictionary.isProperName(HanKey(term)) ? 1.0 : 0
        guard occurrences > 0 else { return Termhood.Boundaries(verbAtEdge: verb, properName: name) }
        let variety = occurrences < 2 ? Termhood.Boundaries.unknownVariety : Double(min(left.count, right.count)) / Double(occurrences)
        return Termhood.Boundaries(cutWord: Double(cut) / Double(occurrences), afterDigit: Double(afterDigit) / Double(occurrences),
                                   verbAtEdge: verb, variety: variety, properName: name)
    }

    /// The distinct characters seen on one side of a term's occurrences (its accessor variety);
    /// a text's edge or punctuation is a boundary, new each time it is seen.
    struct Neighbours {
        private var seen = Set<Unicode.Scalar>()
        private var boundaries = 0
        var count: Int { seen.count + boundaries }

        mutating func add(_ c: Unicode.Scalar?) {
            if let c, c.properties.isAlphabetic || c.properties.numericType != nil { seen.insert(c) } else { boundaries += 1 }
        }
    }

    /// Whether the longest dictionary word starting or ending `term` (shorter than it) is one the
    /// dictionary knows only as a verb: terms are noun phrases, so 引诱陈清扬 (seduce Chen Qingyang)
    /// and 英莲放在 (put Ying-lian) are phrases.
    func endsInAVerb(_ term: [Unicode.Scalar]) -> Bool {
        guard term.count >= 2 else { return false }
        var key = HanKey(), first: HanKey? = nil
        for c in term.dropLast() {
            key.append(c)
            if dictionary.contains(key) { first = key }
            if !dictionary.isPrefix(key) { break }
        }
        if let first, dictionary.isVerbOnly(first) { return true }
        var last: HanKey? = nil
        for start in (1..<term.count).reversed().prefix(BilingualDictionary.maxHeadwordLength) {
            let suffix = HanKey(String(String.UnicodeScalarView(term[start...])))
            if dictionary.contains(suffix) { last = suffix }
        }
        if let last, dictionary.isVerbOnly(last) { return true }
        return false
    }

    /// Whether a dictionary word of two or more characters holds both `chars[boundary - 1]` and `chars[boundary]`.
    func cutsAWord(_ chars: [Unicode.Scalar], at boundary: Int) -> Bool {
        guard boundary > 0 && boundary < chars.count else { return false }
        return wordHolds(chars, from: boundary - 1, through: boundary, longerThan: 1)
    }

    /// Whether a dictionary word of `chars` longer than `shortest` characters holds `chars[a...b]`.
    func wordHolds(_ chars: [Unicode.Scalar], from a: Int, through b: Int, longerThan shortest: Int) -> Bool {
        let longest = BilingualDictionary.maxHeadwordLength
        guard a >= 0, a <= b, b < chars.count, max(0, b - longest + 1) <= a else { return false }
        for start in max(0, b - longest + 1)...a {
            var key = HanKey()
            for end in start..<min(chars.count, start + longest) {
                key.append(chars[end])
                if end >= b && end - start + 1 > shortest && dictionary.contains(key) { return true }
                if !dictionary.isPrefix(key) { break }
            }
        }
        return false
    }

    /// Whether `longer` is `shorter` followed by a noun of two or more characters that `english`
    /// does not render, standing between words: 早期乳腺癌患者 is 早期乳腺癌 + 患者 (patients) for
    /// "early breast cancer"; not 委员 + 会 (委员会 is a word), 血小板 + 减少 (a verb), nor
    /// 健康相关生活 + 质量 for "health-related quality of life" (quality renders 质量), nor 同步放 +
    /// 化疗 for "concurrent chemoradiotherapy" (chemo- renders 化疗 "chemotherapy").
    func addsAnUnrenderedNoun(_ longer: String, to shorter: String, english: String) -> Bool {
        let chars = Array(longer.unicodeScalars), inner = Array(shorter.unicodeScalars)
        guard chars.count >= inner.count + 2, chars.starts(with: inner) else { return false }
        let extra = HanKey(String(String.UnicodeScalarView(chars[inner.count...])))
        guard dictionary.contains(extra), !dictionary.isVerbOnly(extra), !cutsAWord(chars, at: inner.count) else { return false }
        // A gloss word renders when the English has it or a word sharing its first five letters (chemo-).
        let stems = Set(english.lowercased().split { !$0.isLetter }.map { $0.prefix(5) })
        return !dictionary.glossFields(extra).contains { $0.lowercased().split { !$0.isLetter }.contains { stems.contains($0.prefix(5)) } }
    }
}
