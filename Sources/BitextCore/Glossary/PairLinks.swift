/// The word links of one aligned sentence pair as the glossary reads them: for each character of
/// the pair's Chinese (its sentences joined), the lower-case English words the word aligner
/// (`WordAligner`) linked to it. A term's characters and the English words linked to them explain
/// each other in that pair, as dictionary glosses do, so a term the dictionary lacks can be paired
/// (卡铂 ↔ carboplatin; the glossary uses them for recurring terms only).
struct PairLinks: Sendable {
    /// The pair's Chinese text.
    private let scalars: [Unicode.Scalar]
    /// English words linked to each of `scalars`.
    private let linked: [[String]]

    /// The links of `beadLinks`, whose Chinese sentences `sentences` are joined without separator,
    /// to the English words `keeps` accepts.
    init(_ beadLinks: BeadWordLinks, sentences: [Sentence], keeping keeps: (String) -> Bool) {
        var base: [Int: Int] = [:]
        var offset = 0
        for i in beadLinks.bead.zh {
            base[i] = offset
            offset += sentences[i].text.unicodeScalars.count
        }
        // Each Chinese token's scalars in the joined text, measured once (links share tokens).
        let spans = beadLinks.zh.map { token in
            let text = sentences[token.sentence].text
            let start = base[token.sentence]! + text.unicodeScalars.distance(from: text.startIndex, to: token.range.lowerBound)
            return start..<(start + text[token.range].unicodeScalars.count)
        }
        var linked = [[String]](repeating: [], count: offset)
        for link in beadLinks.links {
            let word = beadLinks.en[link.en].text.lowercased()
            guard keeps(word) else { continue }
            for k in spans[link.zh] where !linked[k].contains(word) { linked[k].append(word) }
        }
        self.linked = linked
        scalars = beadLinks.bead.zh.flatMap { sentences[$0].text.unicodeScalars }
    }

    /// For each token of `en`, the pair's English, the bit mask of `term`'s characters (the first
    /// 32) linked to it wherever `term` occurs in the pair's Chinese; empty when none is.
    func masks(of term: String, en: EnglishTermTokens) -> [UInt32] {
        let termScalars = Array(term.unicodeScalars)
        var words: [String: UInt32] = [:]
        guard !termScalars.isEmpty, scalars.count >= termScalars.count else { return [] }
        var inside = [Bool](repeating: false, count: scalars.count)
        for start in 0...(scalars.count - termScalars.count) where scalars[start] == termScalars[0] {
            guard scalars[start..<(start + termScalars.count)].elementsEqual(termScalars) else { continue }
            for c in 0..<min(32, termScalars.count) {
                inside[start + c] = true
                for word in linked[start + c] { words[word, default: 0] |= 1 << UInt32(c) }
            }
        }
        // A word linked to characters outside the term as well translates more than the term.
        for k in scalars.indices where !inside[k] { for word in linked[k] { words[word] = nil } }
        return words.isEmpty ? [] : en.tokens.map { words[$0.lower] ?? 0 }
    }
}
