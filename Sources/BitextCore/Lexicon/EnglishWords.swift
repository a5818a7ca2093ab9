/// English word normalisation for matching: lower case, a light stemmer (plural, past, -ing,
/// final e) so that "terrorists" meets "terrorist" and "believed" meets "believe", stop words,
/// and number words.
public enum EnglishWords {
    /// The match form of `word`: lower-cased and stemmed ("Terrorists" → "terrorist", "tightening" → "tighten").
    public static func stem(_ word: some StringProtocol) -> String {
        let lower = word.lowercased()
        if let singular = irregularPlurals[lower] { return singular }
        var b = Array(lower.utf8)
        if b.count > 2 && b[b.count - 2] == 0x27 && b[b.count - 1] == 0x73 { b.removeLast(2) }  // 's
        if b.last == 0x27 { b.removeLast() }  // '
        guard b.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return String(decoding: b, as: UTF8.self) }
        func ends(_ s: String) -> Bool { b.count > s.utf8.count && b.suffix(s.utf8.count).elementsEqual(s.utf8) }
        if ends("ies") && b.count > 4 {
            b.removeLast(3); b.append(0x79)  // y
        } else if ends("sses") {
            b.removeLast(2)
        } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") && b.count > 3 {
            b.removeLast()
        }
        if ends("ied") && b.count > 4 {
            b.removeLast(3); b.append(0x79)
        } else if ends("eed") {
            b.removeLast()
        } else if (ends("ed") && b.count > 4) || (ends("ing") && b.count > 5) {
            b.removeLast(ends("ed") ? 2 : 3)
            if b.count > 3, b[b.count - 1] == b[b.count - 2], !"lsz".utf8.contains(b[b.count - 1]),
               !isVowel(b[b.count - 1]) {
                b.removeLast()  // running → run, stopped → stop
            }
        }
        if b.count > 3 && b.last == 0x65 { b.removeLast() }  // final e: believe, believ(ed)
        return String(decoding: b, as: UTF8.self)
    }

    /// Plurals no suffix rule undoes.
    static let irregularPlurals: [String: String] = [
        "women": "woman", "men": "man", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
        "geese": "goose", "lice": "louse", "oxen": "ox",
    ]

    private static func isVowel(_ c: UInt8) -> Bool { "aeiou".utf8.contains(c) }

    /// Function words that carry no translation evidence (lower case).
    public static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "into", "onto", "upon", "about", "as", "than", "that", "this", "these", "those",
        "it", "its", "itself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them",
        "their", "theirs", "themselves", "we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine",
        "myself", "you", "your", "yours", "yourself", "yourselves", "is", "are", "was", "were", "be", "been",
        "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "not", "no", "if", "then", "there",
        "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "all", "any",
        "each", "every", "some", "such", "very", "too", "also", "just", "only", "own", "same", "other",
        "up", "down", "out", "off", "over", "under", "again", "once", "s", "t", "one's", "sb", "sth",
        "someone", "something", "etc", "eg", "ie", "lit", "fig", "esp", "abbr", "surname", "variant",
        "used", "see", "cl", "pr", "tw", "classifier", "particle", "kind", "certain",
    ]

    /// Where the words of `text` are: runs of letters and digits, an apostrophe inside a word kept
    /// (didn't), hyphens splitting (intensity | modulated), punctuation and spaces left out.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i], next = text.index(after: i)
            let inWord = c.isLetter || c.isNumber || ((c == "'" || c == "’") && start != nil && next < text.endIndex && text[next].isLetter)
            if inWord, start == nil { start = i }
            if !inWord, let s = start { result.append(s..<i); start = nil }
            i = next
        }
        if let s = start { result.append(s..<text.endIndex) }
        return result
    }

    /// English number words and their values.
    public static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "thousand": 1000, "million": 1_000_000, "first": 1, "second": 2, "third": 3,
    ]
}
