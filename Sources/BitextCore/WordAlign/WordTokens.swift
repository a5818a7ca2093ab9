import ICUKit

/// One token of a bead for word alignment: its text, the sentence it is in (an index into the
/// alignment's sentences of its language) and where in that sentence's text.
public struct WordToken: Sendable, Equatable {
    /// The token as written.
    public let text: String
    /// The index of its sentence in `Alignment.zh` or `Alignment.en`.
    public let sentence: Int
    /// Where it is in that sentence's text.
    public let range: Range<String.Index>
}

/// A link between the Chinese token `zh` and the English token `en` of a bead (indices into its token lists).
public struct WordLink: Sendable, Hashable, Comparable {
    /// The Chinese token's index.
    public let zh: Int
    /// The English token's index.
    public let en: Int

    /// A link of Chinese token `zh` with English token `en`.
    public init(zh: Int, en: Int) {
        self.zh = zh
        self.en = en
    }

    public static func < (a: WordLink, b: WordLink) -> Bool { a.zh != b.zh ? a.zh < b.zh : a.en < b.en }
}

/// The tokens of one bead and the links between them.
public struct BeadWordLinks: Sendable {
    /// The bead.
    public let bead: Bead
    /// Its Chinese tokens, in order.
    public let zh: [WordToken]
    /// Its English tokens, in order.
    public let en: [WordToken]
    /// The links, sorted by Chinese then English index.
    public let links: [WordLink]
}

/// Cuts sentences into the units word alignment links. Chinese: ICU words, and the characters of
/// a word the dictionaries lack (ICU's dictionary makes guesses of names and terms it does not know,
/// 伊斯兰 + 国; their characters are what translates); Latin and digit runs as they are. English:
/// runs of letters and digits, an apostrophe inside a word kept (don't), hyphenated words split
/// (intensity | modulated) so each part meets its gloss. Punctuation is not a unit.
/// Not safe for concurrent use: give each thread its own.
final class WordTokenizer {
    private let segmenter: WordSegmenter
    private let dictionary: BilingualDictionary

    init(dictionary: BilingualDictionary) throws(ICUError) {
        segmenter = try WordSegmenter(language: .zh)
        self.dictionary = dictionary
    }

    /// The units of Chinese sentence `index`.
    func chinese(_ sentence: Sentence, index: Int) throws(ICUError) -> [WordToken] {
        let text = sentence.text
        var result: [WordToken] = []
        let tokens = try segmenter.tokens(in: text).filter { $0.kind != .punctuation }
        for (token, range) in zip(tokens, ICUText(text).indexRanges(tokens.map(\.range))) {  // one pass over the text
            let scalars = text[range].unicodeScalars
            if token.kind == .ideograph && scalars.count > 1 && !dictionary.contains(HanKey(text[range])) {
                var i = range.lowerBound
                while i < range.upperBound {
                    let next = text.unicodeScalars.index(after: i)
                    result.append(WordToken(text: String(text.unicodeScalars[i..<next]), sentence: index, range: i..<next))
                    i = next
                }
            } else {
                result.append(WordToken(text: String(text[range]), sentence: index, range: range))
            }
        }
        return result
    }

    /// The words of English sentence `index`.
    static func english(_ sentence: Sentence, index: Int) -> [WordToken] {
        EnglishWords.ranges(in: sentence.text).map { WordToken(text: String(sentence.text[$0]), sentence: index, range: $0) }
    }
}
