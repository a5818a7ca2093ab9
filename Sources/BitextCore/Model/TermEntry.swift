/// One glossary entry: a Chinese term, its English equivalent and the evidence for the pair.
public struct TermEntry: Sendable, Equatable, Codable {
    /// The Chinese term (as written, NFC; quotation marks and spaces inside removed).
    public var zh: String
    /// The English equivalent (its most frequent written form).
    public var en: String
    /// Pinyin with tone marks (CC-CEDICT's word readings; ICU `Han-Latin` for what it lacks).
    public var pinyin: String
    /// How sure the pairing is, 0…1.
    public var score: Double
    /// In how many aligned sentence pairs the term occurs.
    public var frequency: Int
    /// One aligned sentence pair that shows the term in use.
    public var exampleZh: String
    public var exampleEn: String
    /// Where the term occurs: `file:line` of the Chinese sentences (at most a few).
    public var references: [String]
    /// Other English renderings found for the term (Islamic State → IS, ISIS), best first.
    public var variants: [String]

    /// An entry pairing `zh` with `en`.
    public init(zh: String, en: String, pinyin: String = "", score: Double = 1, frequency: Int = 1,
                exampleZh: String = "", exampleEn: String = "", references: [String] = [], variants: [String] = []) {
        self.zh = zh
        self.en = en
        self.pinyin = pinyin
        self.score = score
        self.frequency = frequency
        self.exampleZh = exampleZh
        self.exampleEn = exampleEn
        self.references = references
        self.variants = variants
    }
}

/// A bilingual glossary: term entries, best first.
public struct Glossary: Sendable, Equatable {
    /// The entries, best first.
    public var entries: [TermEntry]
    /// How many aligned sentence pairs it was built from (0 when not built from a text).
    public var sentencePairs: Int

    /// A glossary of `entries`, built from `sentencePairs` sentence pairs.
    public init(entries: [TermEntry], sentencePairs: Int = 0) {
        self.entries = entries
        self.sentencePairs = sentencePairs
    }
}

extension TermEntry {
    /// `variants` with `first` before them and no other spelling of it among them (any case).
    static func leading(_ first: String, _ variants: [String]) -> [String] {
        [first] + variants.filter { $0.lowercased() != first.lowercased() }
    }
}
