/// The words of an English sentence for term spans: letters, digits, and hyphens or apostrophes
/// inside words; hyphenated words are split into their parts (each matched on its own) but a span
/// keeps the hyphens of the original text.
struct EnglishTermTokens {
    struct Token {
        let range: Range<String.Index>
        let lower: String
        let stem: String
        let isStop: Bool
        /// Punctuation (other than a hyphen), or a word that does not occur inside terms (the, is,
        /// from…), separates this word from the one before.
        let afterBreak: Bool
        /// A hyphen joins this word to the one before (intensity-modulated, follow-up).
        let hyphenated: Bool
        /// How the word counts for co-occurrence: its match form, or "^" and its lower case for a word
        /// capitalised mid-sentence, so the name Long is not counted with the adjective long.
        let companyKey: String
        /// The words the stem may derive from by a suffix (`TermProfile.bases(of:)`: deafness → deaf).
        let bases: [String]
    }

    /// Function words that do occur inside terms (quality of life, head and neck, intention-to-treat).
    static let insideTerms: Set<String> = ["of", "and", "in", "to", "for", "on"]

    let text: String
    private(set) var tokens: [Token] = []

    /// Whether `range` of `text` starts and ends between words (no letter or digit just outside it).
    static func isWordBounded(_ range: Range<String.Index>, in text: String) -> Bool {
        func isWordCharacter(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
        return !isWordCharacter(range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil)
            && !isWordCharacter(range.upperBound < text.endIndex ? text[range.upperBound] : nil)
    }

    init(_ text: String) {
        self.text = text
        var start: String.Index? = nil
        var sawBreak = true
        var sawHyphen = false
        var articleInside = false
        var i = text.startIndex
        func close(at wordEnd: String.Index) {
            guard let s = start else { return }
            // A possessive is not part of the word (Grandpa Liu's → Liu).
            var end = wordEnd
            if text.unicodeScalars[text.unicodeScalars.index(before: end)] == "s" {
                for possessive in ["'s", "’s"] where text[s..<end].count > 2 && text[s..<end].hasSuffix(possessive) {
                    end = text.index(end, offsetBy: -2)
                }
            }
            let lower = text[s..<end].lowercased()
            let isStop = EnglishWords.stopWords.contains(lower)
            // "the" between a preposition or conjunction and a capitalised word stays inside a name
            // or title (Story of the Stone, Mirror for the Romantic); before a word in lower case it
            // breaks (table s3 in the supplementary appendix).
            if articleInside && !text[s].isUppercase { sawBreak = true }
            articleInside = lower == "the" && !sawBreak && tokens.last.map { Self.insideTerms.contains($0.lower) } == true
            if isStop && !Self.insideTerms.contains(lower) && !sawHyphen && !articleInside {
                sawBreak = true  // not a term word: it separates spans and is not one itself
            } else {
                let capitalised = !tokens.isEmpty && text[s].isUppercase && !sawBreak
                let stem = EnglishWords.stem(lower)
                tokens.append(Token(range: s..<end, lower: lower, stem: stem, isStop: isStop,
                                    afterBreak: sawBreak, hyphenated: sawHyphen, companyKey: capitalised ? "^" + lower : stem,
                                    bases: TermProfile.bases(of: stem)))
                sawBreak = false
            }
            sawHyphen = false
            start = nil
        }
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if Self.isWordCharacter(c) || ((c == "'" || c == "’") && start != nil && next < text.endIndex && text[next].isLetter) {
                if start == nil { start = i }
            } else {
                let wasInWord = start != nil
                close(at: i)
                if (c == "-" || c == "‐") && wasInWord { sawHyphen = true } else if !c.isWhitespace { sawBreak = true; sawHyphen = false } else { sawHyphen = false }
            }
            i = next
        }
        close(at: text.endIndex)
    }

    /// Whether `c` is a letter or a digit (ASCII answered without a Unicode property lookup).
    @inline(__always)
    static func isWordCharacter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (0x61...0x7A).contains(a | 0x20) || (0x30...0x39).contains(a) }
        return c.isLetter || c.isNumber
    }

    /// The text of tokens `range` as written (hyphens, spaces and inner punctuation kept).
    func surface(_ range: ClosedRange<Int>) -> String {
        String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound])
    }

    /// `range` widened to whole hyphenated words (modulated → intensity-modulated, follow → follow-up).
    func wholeWords(_ range: ClosedRange<Int>) -> ClosedRange<Int> {
        var (a, b) = (range.lowerBound, range.upperBound)
        while a > 0 && tokens[a].hyphenated { a -= 1 }
        while b + 1 < tokens.count && tokens[b + 1].hyphenated { b += 1 }
        return a...b
    }
}
