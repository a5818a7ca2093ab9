/// Splits a sentence into clauses: after a comma, semicolon, colon or dash, and where a quotation
/// opens or closes inside it (小桂子，你去哪里？ inside 海老公问道：“…”). Clauses shorter than a
/// minimum join the next one, so that a vocative or an interjection does not stand alone.
enum ClauseSplitter {
    /// Marks after which a Chinese clause ends (not 、, which lists words inside a clause).
    static let chineseBreaks: Set<Unicode.Scalar> = ["，", "；", "：", "—", "…", ",", ";", ":"]
    /// Marks after which an English clause ends.
    static let englishBreaks: Set<Unicode.Scalar> = [",", ";", ":", "—", "–"]
    /// Quotation marks that open speech (a clause starts at them)…
    static let openingQuotes: Set<Unicode.Scalar> = ["“", "「", "『", "‘"]
    /// …and that close it (a clause ends after them).
    static let closingQuotes: Set<Unicode.Scalar> = ["”", "」", "』", "’"]

    /// The clauses of `text` in `language`, each at least `minimumLength` visible characters (the
    /// last may be shorter); joined in order they give `text` back without the spaces between them.
    static func clauses(_ text: String, language: Language, minimumLength: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let breaks = language == .zh ? chineseBreaks : englishBreaks
        var cuts: [Int] = [0]  // where pieces start
        for (k, c) in scalars.enumerated() {
            let previous = k > 0 ? scalars[k - 1] : nil, next = k + 1 < scalars.count ? scalars[k + 1] : nil
            if k > cuts.last!, isOpeningQuote(c, after: previous, before: next, language: language) { cuts.append(k) }
            let endsHere = breaks.contains(c) || isClosingQuote(c, after: previous, before: next, language: language)
            // A break inside a number (3,000; 2:1), doubled (——) or before the closing quotation mark
            // it sits in (anyone,' said) is no clause end there.
            if endsHere, let next, !(isDigit(next) && previous.map(isDigit) == true), !breaks.contains(next),
               !(breaks.contains(c) && isClosingQuote(next, after: c, before: k + 2 < scalars.count ? scalars[k + 2] : nil, language: language)) {
                cuts.append(k + 1)
            }
        }
        cuts.append(scalars.count)
        // Pieces join the next until they are long enough; a short rest joins the last clause.
        var visible = [0]  // characters other than spaces before each position
        visible.reserveCapacity(scalars.count + 1)
        for c in scalars { visible.append(visible.last! + (isSpace(c) ? 0 : 1)) }
        var ranges: [Range<Int>] = []
        var start = 0
        for end in cuts.dropFirst() where end > start && visible[end] - visible[start] >= minimumLength {
            ranges.append(start..<end)
            start = end
        }
        if start < scalars.count {
            if let last = ranges.popLast() { ranges.append(last.lowerBound..<scalars.count) } else { ranges.append(start..<scalars.count) }
        }
        // Each clause without the spaces around it, cut out of the text by index.
        let view = text.unicodeScalars
        var positions = Array(view.indices)
        positions.append(view.endIndex)
        return ranges.compactMap { r in
            var (a, b) = (r.lowerBound, r.upperBound)
            while a < b && isSpace(scalars[a]) { a += 1 }
            while b > a && isSpace(scalars[b - 1]) { b -= 1 }
            return a < b ? String(view[positions[a]..<positions[b]]) : nil
        }
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{3000}" || c == "\t" }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// Whether `c` opens a quotation: a Chinese opening mark, or an English quotation mark at a
    /// word's start (after a space or the text's start, before a letter): not an apostrophe (I'm).
    private static func isOpeningQuote(_ c: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?, language: Language) -> Bool {
        if openingQuotes.contains(c) { return language == .zh || previous == nil || previous == " " }
        guard language == .en, c == "\"" || c == "'" else { return false }
        return (previous == nil || previous == " ") && (next?.properties.isAlphabetic ?? false)
    }

    /// Whether `c` closes a quotation: a Chinese closing mark, or an English quotation mark after
    /// a word or a punctuation mark and before a space.
    private static func isClosingQuote(_ c: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?, language: Language) -> Bool {
        if closingQuotes.contains(c) { return language == .zh || next == nil || next == " " }
        guard language == .en, c == "\"" || c == "'", let previous else { return false }
        let punctuation: Bool
        switch previous.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation: punctuation = true
        default: punctuation = false
        }
        return !previous.properties.isWhitespace && (next == nil || next == " ") && (punctuation || c == "\"")
    }
}
