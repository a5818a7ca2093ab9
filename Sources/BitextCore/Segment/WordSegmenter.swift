import ICUKit

/// Word-level tokens via ICU word break (dictionary-based for Chinese), as ranges into the text.
/// Not safe for concurrent use: give each thread its own.
public final class WordSegmenter {
    private let iterator: BreakIterator

    /// A word segmenter with `language`'s ICU rules.
    public init(language: Language) throws(ICUError) {
        iterator = try BreakIterator(.word, locale: language.icuLocale)
    }

    /// The tokens of `text` (white space dropped, punctuation kept as `.punctuation`).
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        let icuText = ICUText(text)
        let units = icuText.utf16
        let bounds = try iterator.boundariesWithStatus(in: units)
        var spans: [(range: Range<Int>, kind: Token.Kind)] = []
        spans.reserveCapacity(bounds.count)
        for k in 1..<max(1, bounds.count) {
            let a = bounds[k - 1].offset, b = bounds[k].offset
            let kind: Token.Kind
            switch bounds[k].status {
            case .letter: kind = .word
            case .ideograph, .kana: kind = .ideograph
            case .number: kind = .number
            case .none:
                if units[a..<b].allSatisfy(Segmenter.isSpace) { continue }
                kind = .punctuation
            }
            spans.append((a..<b, kind))
        }
        let indices = icuText.indexRanges(spans.map(\.range))
        let tokens = zip(spans, indices).map { Token(text: String(text[$1]), range: $0.range, kind: $0.kind) }
        return tokens
    }
}
