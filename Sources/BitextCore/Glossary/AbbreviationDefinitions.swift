/// Abbreviations an English text defines — "confidence interval [CI]", "New York Heart
/// Association (NYHA)" — found the way Schwartz and Hearst describe (PSB 2003): the long form is
/// the shortest stretch of the words before the bracket whose letters, read from the end, hold the
/// abbreviation's letters and digits in order, its first one opening a word or a hyphenated part.
enum AbbreviationDefinitions {
    /// The long form `texts` define for `short` (two to ten letters and digits, a letter among
    /// them) most often, the shorter on a tie; nil when none does.
    static func longForm(of short: String, in texts: [String]) -> String? {
        let letters = Array(short.lowercased())
        guard (2...10).contains(letters.count), letters.allSatisfy({ $0.isLetter || $0.isNumber }),
              letters.contains(where: \.isLetter) else { return nil }
        var found: [String: Int] = [:]
        for text in texts {
            for long in definitions(of: letters, in: text) { found[long, default: 0] += 1 }
        }
        return found.max { a, b in a.value != b.value ? a.value < b.value : a.key.count > b.key.count }?.key
    }

    /// The long forms `text` gives `short` (lower case) before a bracket holding it: "(short)",
    /// "[ short ]", "(short;" or "(short,".
    static func definitions(of short: [Character], in text: String) -> [String] {
        let characters = Array(text)
        return bracketed(in: characters, opening: Set("(["), closing: Set(")];,")) { $0.isLetter || $0.isNumber }.compactMap { found in
            Array(found.word.lowercased()) == short ? longForm(of: short, before: characters[..<found.bracket]) : nil
        }
    }

    /// Each word that `characters` write alone in brackets, spaces allowed around it: the opening
    /// bracket's index and the word (a run of characters `isPart` accepts), which one of `closing`
    /// follows.
    static func bracketed(in characters: [Character], opening: Set<Character>, closing: Set<Character>,
                          isPart: (Character) -> Bool) -> [(bracket: Int, word: String)] {
        var found: [(bracket: Int, word: String)] = []
        for (k, c) in characters.enumerated() where opening.contains(c) {
            var i = k + 1
            while i < characters.count && characters[i] == " " { i += 1 }
            let start = i
            while i < characters.count && isPart(characters[i]) { i += 1 }
            let word = String(characters[start..<i])
            while i < characters.count && characters[i] == " " { i += 1 }
            if i < characters.count, closing.contains(characters[i]) { found.append((k, word)) }
        }
        return found
    }

    /// Function words an abbreviation's initials skip (American College of Obstetricians and
    /// Gynecologists: ACOG).
    static let skipped: Set<String> = ["of", "and", "for", "the", "in", "on", "to", "with", "a", "an", "&"]

    /// The long form of `short` ending `before` (the text up to the bracket): at most
    /// min(letters + 5, 2 × letters) words back, none of them the abbreviation itself. Words whose
    /// initials spell the abbreviation are taken first (a letter matched inside a word can start
    /// the long form too early or too late: "and gynecologists" for ACOG); the letters in order otherwise.
    static func longForm(of short: [Character], before: ArraySlice<Character>) -> String? {
        let words = String(before).split(separator: " ").suffix(min(short.count + 5, 2 * short.count))
        if let initials = byInitials(short, words: Array(words)) { return initials }
        let window = Array(words.joined(separator: " "))
        guard !window.isEmpty else { return nil }
        var l = window.count - 1
        for (k, c) in short.enumerated().reversed() {
            // The abbreviation's first character opens a word or a hyphenated part; the others may
            // sit anywhere, in order.
            while l >= 0 && (window[l].lowercased() != String(c) || (k == 0 && l > 0 && (window[l - 1].isLetter || window[l - 1].isNumber))) { l -= 1 }
            guard l >= 0 else { return nil }
            if k > 0 { l -= 1 }
        }
        let long = String(window[l...])
        let longWords = long.split { $0 == " " || $0 == "-" }
        guard longWords.count >= 2, long.count > short.count, !skipped.contains(longWords[0].lowercased()),
              !longWords.contains(where: { Array($0.lowercased()) == short }) else { return nil }
        return long
    }

    /// The shortest run of `words` ending the text whose parts (words, and the parts of hyphenated
    /// words), function words left out, begin with the abbreviation's characters one each.
    static func byInitials(_ short: [Character], words: [Substring]) -> String? {
        for start in stride(from: words.count - 1, through: 0, by: -1) {
            let parts = words[start...].flatMap { $0.split(separator: "-") }.filter { !skipped.contains($0.lowercased()) }
            guard parts.count <= short.count else { return nil }
            guard parts.count == short.count, !skipped.contains(words[start].lowercased()) else { continue }
            if zip(parts, short).allSatisfy({ part, c in part.first.map { $0.lowercased() == String(c) } ?? false }) {
                return words[start...].joined(separator: " ")
            }
        }
        return nil
    }
}
