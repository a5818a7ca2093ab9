/// Checks, before aligning, that the Chinese input is Chinese and the English input English, so
/// that swapped or wrong files stop with a message instead of giving an alignment of nothing.
/// A text's *Han share* is its Han characters over its Han characters plus Latin letters.
public struct LanguageCheck: Sendable {
    /// The bounds a text's Han share must keep.
    public struct Parameters: Sendable {
        /// A Chinese text must have at least this Han share. Real Chinese prose is above 0.9, a
        /// Chinese medical paper full of Latin drug names and abbreviations above 0.6, an English text
        /// quoting a few Chinese names below 0.01: 0.1 refuses only texts with almost no Chinese.
        public var minimumChineseHanShare = 0.1
        /// An English text must have at most this Han share (above it, Han characters outnumber
        /// Latin letters: the text is mostly Chinese). English quoting Chinese names stays far below.
        public var maximumEnglishHanShare = 0.5

        /// The defaults above.
        public init() {}
    }

    /// The bounds in force.
    public var parameters: Parameters

    /// A check with `parameters`.
    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    /// Throws when `zh` (read from `zhSource`) is not Chinese or `en` (from `enSource`) is not English,
    /// saying so when the two look swapped.
    public func verify(zh: [Sentence], zhSource: String, en: [Sentence], enSource: String) throws(BitextError) {
        let z = Self.profile(zh), e = Self.profile(en)
        let zhIsChinese = Self.hanShare(z) >= parameters.minimumChineseHanShare
        let enIsEnglish = Self.hanShare(e) <= parameters.maximumEnglishHanShare
        switch (zhIsChinese, enIsEnglish) {
        case (true, true): return
        case (false, false): throw .swappedFiles(zh: zhSource, en: enSource)
        case (false, true): throw .wrongLanguage(path: zhSource, expected: .zh, han: z.han, latin: z.latin)
        case (true, false): throw .wrongLanguage(path: enSource, expected: .en, han: e.han, latin: e.latin)
        }
    }

    static func profile(_ sentences: [Sentence]) -> ScriptProfile {
        sentences.reduce(into: ScriptProfile("")) { $0.add(ScriptProfile($1.text)) }
    }

    static func hanShare(_ p: ScriptProfile) -> Double {
        p.han + p.latin == 0 ? 0 : Double(p.han) / Double(p.han + p.latin)
    }
}
