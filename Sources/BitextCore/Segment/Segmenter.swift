import ICUKit

/// Splits paragraphs into sentences with ICU's sentence rules plus the fixes translators expect:
/// English abbreviations and initials do not end a sentence, nothing breaks inside 《》, closing
/// quotes stay with their sentence, and a Chinese ellipsis followed by more text ends one.
/// Not safe for concurrent use: give each thread its own.
public final class Segmenter {
    /// The language whose rules apply, or nil to decide per paragraph from its script.
    public let language: Language?
    private var iterators: [Language: BreakIterator] = [:]

    /// A segmenter for `language`, or for whatever each paragraph is written in when nil.
    public init(language: Language? = nil) {
        self.language = language
    }

    private func iterator(for language: Language) throws(ICUError) -> BreakIterator {
        if let it = iterators[language] { return it }
        let it = try BreakIterator(.sentence, locale: language.icuLocale)
        iterators[language] = it
        return it
    }

    /// The sentences of every paragraph of `document`, in order.
    public func sentences(in document: Document) throws(ICUError) -> [Sentence] {
        var result: [Sentence] = []
        for (index, p) in document.paragraphs.enumerated() {
            let lang = language ?? ScriptProfile(p.text).language ?? .en
            for r in try sentenceRanges(in: p.text, language: lang) {
                let line = p.line(atOffset: p.text.utf8.distance(from: p.text.startIndex, to: r.lowerBound))
                result.append(Sentence(text: String(p.text[r]), language: lang, line: line, paragraph: index))
            }
        }
        return result
    }

    /// The sentences of one paragraph of `text` in `language`.
    public func sentences(in text: String, language: Language) throws(ICUError) -> [String] {
        try sentenceRanges(in: text, language: language).map { String(text[$0]) }
    }

    /// Where the sentences of one paragraph of `text` are (white space around them excluded).
    public func sentenceRanges(in text: String, language: Language) throws(ICUError) -> [Range<String.Index>] {
        let icuText = ICUText(text)
        let units = icuText.utf16
        var cuts = try iterator(for: language).boundaries(in: units)
        cuts = Self.mergeFalseBreaks(cuts, in: units, titles: icuText.hasTitleMark, language: language)
        if language == .zh && icuText.hasEllipsisOrPeriod { cuts = Self.addEllipsisBreaks(cuts, in: units) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(cuts.count)
        for k in 1..<max(1, cuts.count) {
            var a = cuts[k - 1], b = cuts[k]
            while a < b && Self.isSpace(units[a]) { a += 1 }
            while b > a && Self.isSpace(units[b - 1]) { b -= 1 }
            if a < b { ranges.append(a..<b) }
        }
        return icuText.indexRanges(ranges)
    }

    static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x3000 || u == 0xA0 || u == 0x2028 || u == 0x2029
    }

    /// Drops ICU breaks after abbreviations and initials, inside 《…》 titles and after a quoted
    /// exclamation or question the sentence goes on from, and moves opening quotes (and 《) that ICU
    /// left at a sentence's end to the start of the next.
    static func mergeFalseBreaks(_ cuts: [Int], in u: [UInt16], titles: Bool, language: Language) -> [Int] {
        guard cuts.count > 2 else { return cuts }
        let titleDepth = titles ? titleDepths(u) : nil
        var kept: [Int] = [cuts[0]]
        kept.reserveCapacity(cuts.count)
        for k in 1..<(cuts.count - 1) {
            let cut = cuts[k]
            var moved = cut  // ICU counts an opening quote after 。 as closing the sentence: give it to the next one
            while moved > kept[kept.count - 1] + 1 && isOpening(u[moved - 1]) { moved -= 1 }
            var terminal = moved  // where the sentence-ending mark is, before closing marks and spaces
            while terminal > 0 && (isSpace(u[terminal - 1]) || isClosing(u[terminal - 1])) { terminal -= 1 }
            if let depth = titleDepth, depth[terminal] > 0 { continue }
            if followsAbbreviation(cut, in: u) { continue }
            if continuesAfterQuote(terminal: terminal, cut: moved, sentenceStart: kept[kept.count - 1], in: u, language: language) { continue }
            kept.append(moved)
        }
        kept.append(cuts[cuts.count - 1])
        return kept
    }

    /// Whether the break at `cut` follows a quoted exclamation or question (`！”`, `?"`) inside a sentence
    /// that goes on: 他说“好！”就走了。 and He said "Go!" and left. are one sentence each. English goes
    /// on when a lowercase word follows; Chinese when Han text follows and the quote was not opened
    /// after a colon (他喊道：“快走！”她问… is two sentences, as is any quote ending in 。).
    static func continuesAfterQuote(terminal: Int, cut: Int, sentenceStart: Int, in u: [UInt16], language: Language) -> Bool {
        guard terminal > sentenceStart, [0x21, 0x3F, 0xFF01, 0xFF1F].contains(u[terminal - 1]),
              (terminal..<cut).contains(where: { isQuote(u[$0]) }) else { return false }
        var next = cut
        while next < u.count && isSpace(u[next]) { next += 1 }
        guard next < u.count else { return false }
        switch language {
        case .en:
            return (0x61...0x7A).contains(u[next])
        case .zh:
            guard isHan(u[next]) else { return false }
            guard let open = (sentenceStart..<(terminal - 1)).last(where: { isQuote(u[$0]) && !isClosingOnly(u[$0]) }) else { return false }
            return open == 0 || (u[open - 1] != 0xFF1A && u[open - 1] != 0x3A)  // ： :
        }
    }

    static func isQuote(_ u: UInt16) -> Bool {
        switch u {
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0x22, 0x27: true  // “ ” ‘ ’ 「 」 『 』 " '
        default: false
        }
    }

    static func isClosingOnly(_ u: UInt16) -> Bool {
        u == 0x201D || u == 0x2019 || u == 0x300D || u == 0x300F
    }

    static func isHan(_ u: UInt16) -> Bool {
        (0x3400...0x9FFF).contains(u) || (0xF900...0xFAFF).contains(u) || (0xD840...0xD87F).contains(u)  // CJK, ext. A, compatibility, ext. B+ (high surrogates)
    }

    /// How many 《 are open before each offset.
    static func titleDepths(_ u: [UInt16]) -> [Int] {
        var depth = [Int](repeating: 0, count: u.count + 1)
        for i in 0..<u.count {
            depth[i + 1] = max(0, depth[i] + (u[i] == 0x300A ? 1 : (u[i] == 0x300B ? -1 : 0)))
        }
        return depth
    }

    /// Whether the break at `cut` comes right after an abbreviation or initial that binds to the next word.
    static func followsAbbreviation(_ cut: Int, in u: [UInt16]) -> Bool {
        var end = cut
        while end > 0 && isSpace(u[end - 1]) { end -= 1 }
        guard end > 0, u[end - 1] == 0x2E else { return false }  // "."
        var start = end
        while start > 0 && !isSpace(u[start - 1]) && end - start <= 9 { start -= 1 }
        while start < end && (isOpening(u[start]) || u[start] == 0x28 || u[start] == 0x22) { start += 1 }  // ( "
        guard end - start <= 9, start < end else { return false }  // abbreviations and initials are short
        var next = cut
        while next < u.count && (isSpace(u[next]) || isOpening(u[next]) || u[next] == 0x28 || u[next] == 0x22) { next += 1 }
        var nextEnd = next
        while nextEnd < u.count && nextEnd - next < 10 && isWordUnit(u[nextEnd]) { nextEnd += 1 }
        return Abbreviations.bindsToNext(word: u[start..<end], next: u[next..<nextEnd])
    }

    /// Letters and digits of any script (for the word after a possible abbreviation).
    static func isWordUnit(_ u: UInt16) -> Bool {
        switch u {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: !isSpace(u) && !isPunctuation(u) && !isOpening(u)
        }
    }

    /// Adds a break after a Chinese ellipsis (…… or ...) and any closing marks when more text follows.
    static func addEllipsisBreaks(_ cuts: [Int], in u: [UInt16]) -> [Int] {
        var extra: [Int] = []
        var i = 0
        let n = u.count
        while i < n {
            let isEllipsisStart = u[i] == 0x2026 || (u[i] == 0x2E && i + 2 < n && u[i + 1] == 0x2E && u[i + 2] == 0x2E)
            guard isEllipsisStart else { i += 1; continue }
            while i < n && (u[i] == 0x2026 || u[i] == 0x2E) { i += 1 }
            while i < n && isClosing(u[i]) { i += 1 }
            if i < n && !isSpace(u[i]) && !isPunctuation(u[i]) { extra.append(i) }
        }
        guard !extra.isEmpty else { return cuts }
        return Array(Set(cuts).union(extra)).sorted()
    }

    static func isOpening(_ u: UInt16) -> Bool {
        switch u {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x300A, 0x3010, 0x3008: true  // “ ‘ 「 『 （ 《 【 〈
        default: false
        }
    }

    static func isClosing(_ u: UInt16) -> Bool {
        switch u {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x3011, 0x300B, 0x3009, 0x22, 0x27, 0x29: true  // ” ’ 」 』 ） 】 》 〉 " ' )
        default: false
        }
    }

    static func isPunctuation(_ u: UInt16) -> Bool {
        switch u {
        case 0xFF0C, 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x3001, 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A: true  // ，。！？；：、,.!?;:
        default: isClosing(u)
        }
    }
}
