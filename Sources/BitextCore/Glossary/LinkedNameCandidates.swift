import ICUKit

/// Chinese names found through word links: the Chinese words linked to a run of capitalised
/// English words — a name or title the translator rendered by meaning (大荒山 ↔ Great Fable
/// Mountains, 青埂峰 ↔ Greensickness Peak), which neither pinyin nor ICU's word break finds —
/// when those Chinese words link to nothing outside the run (phrase extraction consistent with
/// the word alignment, as in phrase-based translation, for the spans the English marks as names).
enum LinkedNameCandidates {
    /// Function words a name holds between capitalised words (Twelve Beauties of Jinling).
    static let inside: Set<String> = ["of", "the"]

    /// The Chinese spans of `links` linked to runs of capitalised English words, with those runs
    /// as written; `zh` and `en` are the alignment's sentences its tokens index.
    /// Names are at most `maxLinkedNameWords` words and `maxLinkedNameCharacters` Han characters long.
    static func pairs(_ links: BeadWordLinks, zh: [Sentence], en: [Sentence], parameters: GlossaryParameters = GlossaryParameters(),
                      isCommon: (String) -> Bool) -> [(zh: String, en: String)] {
        var linkedEnglish = [[Int]](repeating: [], count: links.zh.count)
        var linkedChinese = [[Int]](repeating: [], count: links.en.count)
        for link in links.links {
            linkedEnglish[link.zh].append(link.en)
            linkedChinese[link.en].append(link.zh)
        }
        var found: [(zh: String, en: String)] = []
        for run in runs(links.en, sentences: en, maxWords: parameters.maxLinkedNameWords, isCommon: isCommon) {
            let chinese = run.flatMap { linkedChinese[$0] }
            guard let a = chinese.min(), let b = chinese.max(), links.zh[a].sentence == links.zh[b].sentence,
                  (a...b).allSatisfy({ linkedEnglish[$0].allSatisfy(run.contains) }) else { continue }
            let text = zh[links.zh[a].sentence].text
            let span = text[links.zh[a].range.lowerBound..<links.zh[b].range.upperBound]
            // Han characters only (a middle dot inside), no particle inside, no function word at an edge.
            let han = span.unicodeScalars.filter { Script($0) == .han }.count
            let words = (a...b).map { links.zh[$0].text }
            guard (2...parameters.maxLinkedNameCharacters).contains(han), span.unicodeScalars.allSatisfy({ Script($0) == .han || $0 == "·" }),
                  !words.contains(where: ChineseTermCandidates.isParticle),
                  ChineseTermCandidates.isEdge(words.first!), ChineseTermCandidates.isEdge(words.last!) else { continue }
            let english = en[links.en[run.lowerBound].sentence].text
            var name = english[links.en[run.lowerBound].range.lowerBound..<links.en[run.upperBound].range.upperBound]
            for possessive in ["'s", "’s"] where name.hasSuffix(possessive) { name = name.dropLast(2) }
            found.append((String(span), String(name)))
        }
        return found
    }

    /// The runs of `tokens` (indices) that are names: capitalised words, with the words a hyphen
    /// joins to them (Bottle-gourd) and the function words between them; I is no name, nor is a
    /// sentence's first word when `isCommon` says it is a common word in lower case (If, But, In).
    static func runs(_ tokens: [WordToken], sentences: [Sentence], maxWords: Int = GlossaryParameters().maxLinkedNameWords,
                     isCommon: (String) -> Bool) -> [ClosedRange<Int>] {
        func text(_ k: Int) -> Substring { sentences[tokens[k].sentence].text[tokens[k].range] }
        func capitalised(_ k: Int) -> Bool { text(k).first!.isUppercase && text(k) != "I" }
        func sameSentence(_ k: Int) -> Bool { k > 0 && tokens[k - 1].sentence == tokens[k].sentence }
        // Next to the word before it, with only a space or a hyphen between (not across a comma).
        func adjacent(_ k: Int) -> Bool {
            sameSentence(k) && sentences[tokens[k].sentence].text[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound]
                .allSatisfy { $0 == " " || $0 == "-" }
        }
        // Headings and titles capitalise most words: their capitals mark no names.
        var titleCase = Set<Int>()
        for (sentence, members) in Dictionary(grouping: tokens.indices, by: { tokens[$0].sentence })
        where members.filter(capitalised).count * 2 > members.count && members.count > 1 {
            titleCase.insert(sentence)
        }
        func joined(_ k: Int) -> Bool {
            guard sameSentence(k) else { return false }
            let s = sentences[tokens[k].sentence].text
            return tokens[k].range.lowerBound > s.startIndex && s[s.index(before: tokens[k].range.lowerBound)] == "-"
        }
        var runs: [ClosedRange<Int>] = []
        var k = 0
        while k < tokens.count {
            guard capitalised(k), !titleCase.contains(tokens[k].sentence), sameSentence(k) || !isCommon(text(k).lowercased())
            else { k += 1; continue }
            var end = k
            var next = k + 1
            while next < tokens.count && adjacent(next) && next - k < maxWords {
                if capitalised(next) || joined(next) { end = next } else if !inside.contains(text(next).lowercased()) { break }
                next += 1
            }
            runs.append(k...end)
            // …and its parts between function words (Incredible Crags | Great Fable Mountains).
            let parts = (k...end).split { inside.contains(text($0).lowercased()) }.map { $0.first!...$0.last! }
            if parts.count > 1 { runs += parts }
            k = end + 1
        }
        return runs
    }
}
