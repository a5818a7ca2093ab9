import Foundation

/// How likely an entry is a glossary term a terminologist would keep, not a generic word, phrase
/// or fragment: a logistic model of measured properties of the pair — how often the text uses it,
/// how rare its words are in general Chinese and English (`GeneralFrequency`), whether the English
/// is written as a name, and whether it only lives inside a longer entry. The probability is the
/// entry's score, and the glossary is sorted by it.
public struct Termhood: Sendable {
    /// The model's weights, on the raw feature scales.
    public struct Weights: Sendable {
        /// Per doubling of the term's frequency (log2(1 + f)): a term recurs, a phrase rarely does.
        public var frequency = 1.267
        /// Per Zipf unit of the Chinese term in general Chinese (0 when outside the common words):
        /// everyday words (手绢, 数据收集's 数据) are not domain terms.
        public var chineseGenerality = -0.389
        /// Per Zipf unit of the mean general frequency of the English content words.
        public var englishGenerality = -0.806
        /// Per Zipf unit of the English content word least common in general English; with the mean
        /// above it favours a compound of one rare and several common words (nasopharyngeal carcinoma).
        public var englishRarestWord = 0.389
        /// For the share of English content words written capitalised (names: Chen Qingyang, Jinling).
        public var capitalised = 1.467
        /// When the Chinese term lies inside a longer entry of the glossary.
        public var nested = -0.564
        /// Per Chinese character.
        public var chineseLength = -0.057
        /// Per English content word.
        public var englishWords = 0.697
        /// For the share of occurrences whose edge cuts a dictionary word (see `TermBoundaries`).
        public var cutWord = -0.838
        /// For the share of occurrences right after a digit (a measure word cut from its count).
        public var afterDigit = -2.809
        /// When the term starts or ends with a word the dictionary knows only as a verb (引诱陈清扬,
        /// seduce Chen Qingyang): terms are noun phrases.
        public var verbAtEdge = -0.507
        /// When the English holds a preposition (incidence of late toxic effects, among patients):
        /// terms rarely do (quality of life does), phrases and translations of phrases often.
        public var preposition = -1.774
        /// When the Chinese begins with a digit: a count and what it counts (63例患者) more often
        /// than a numbered term (3期试验, phase 3 trial).
        public var leadingDigit = -1.533
        /// The intercept.
        public var intercept = -1.917

        /// Weights fitted by logistic regression (L2 penalty 0.1 on the weights, not the intercept) on
        /// the rows bitext wrote, untrimmed, for the four documents with complete gold lists (nejm01,
        /// nejm03, mac 001, 009; rows matching an `acceptable` pair left out): a right row is a
        /// `term` pair. Fitted on two documents (one of each kind) and tested on the other two, the
        /// features rank right rows above wrong ones with AUC 0.80 (nejm, both ways) and 0.94–0.95
        /// (mac); without the verb, preposition and digit features, on the same rows, 0.77–0.78 and 0.94–0.96.
        public init() {}
    }

    /// The weights in force.
    public var weights: Weights
    /// The general-language frequencies it measures against.
    public let frequency: GeneralFrequency

    /// A model with `weights` over the general-language `frequency` lists.
    public init(frequency: GeneralFrequency, weights: Weights = Weights()) {
        self.frequency = frequency
        self.weights = weights
    }

    /// How a term's edges sit in the text (see `TermBoundaries`): the shares of its occurrences
    /// whose edge cuts a dictionary word and that follow a digit.
    public struct Boundaries: Sendable, Equatable {
        public var cutWord = 0.0
        public var afterDigit = 0.0
        /// 1 when the term starts or ends with a word the dictionary knows only as a verb.
        public var verbAtEdge = 0.0

        /// Evidence with these shares (0: every edge falls between words).
        public init(cutWord: Double = 0, afterDigit: Double = 0, verbAtEdge: Double = 0) {
            self.cutWord = cutWord
            self.afterDigit = afterDigit
            self.verbAtEdge = verbAtEdge
        }
    }

    /// The probability that `entry` is a term; `nested` tells whether its Chinese lies inside a
    /// longer entry's, `boundaries` how its edges sit in the text.
    public func probability(of entry: TermEntry, nested: Bool, boundaries: Boundaries = Boundaries()) -> Double {
        let content = Self.contentWords(entry.en)
        let zipfs = content.map { frequency.zipf(english: $0) }
        let mean = zipfs.isEmpty ? 0 : zipfs.reduce(0, +) / Double(zipfs.count)
        let capitalised = content.isEmpty ? 0 : Double(content.filter { $0.first!.isUppercase }.count) / Double(content.count)
        let preposition = entry.en.split { !$0.isLetter }.contains { Self.prepositions.contains($0.lowercased()) }
        let leadingDigit = entry.zh.unicodeScalars.first.map(ChineseCharacters.isDigit) ?? false
        let w = weights
        let z = w.intercept + w.frequency * log2(1 + Double(entry.frequency))
            + w.chineseGenerality * frequency.zipf(chinese: entry.zh)
            + w.englishGenerality * mean + w.englishRarestWord * (zipfs.min() ?? 0)
            + w.capitalised * capitalised + w.nested * (nested ? 1 : 0)
            + w.chineseLength * Double(entry.zh.count) + w.englishWords * Double(content.count)
            + w.cutWord * boundaries.cutWord + w.afterDigit * boundaries.afterDigit + w.verbAtEdge * boundaries.verbAtEdge
            + w.preposition * (preposition ? 1 : 0) + w.leadingDigit * (leadingDigit ? 1 : 0)
        return 1 / (1 + exp(-z))
    }

    /// The words of `english` other than the function words terms may hold (of, and, in, to, for,
    /// on, the, a, an, with, by, at, from).
    static func contentWords(_ english: String) -> [Substring] {
        english.split { !($0.isLetter || $0.isNumber || $0 == "'") }.filter { !functionWords.contains($0.lowercased()) }
    }

    /// Prepositions (the `preposition` feature).
    static let prepositions: Set<String> = ["of", "in", "to", "for", "on", "with", "by", "at", "from", "among"]

    static let functionWords: Set<String> = ["of", "and", "in", "to", "for", "on", "the", "a", "an", "with", "by", "at", "from"]

    /// `entries` with termhood as their score, best first (ties: more frequent, then by the Chinese);
    /// `boundaries` gives each Chinese term's boundary evidence (none: edges between words).
    public func ranked(_ entries: [TermEntry], boundaries: [String: Boundaries] = [:]) -> [TermEntry] {
        let nested = Self.nestedTerms(entries)
        return entries.map { e in
            var e = e
            let p = probability(of: e, nested: nested.contains(e.zh), boundaries: boundaries[e.zh] ?? Boundaries())
            e.score = (p * 1000).rounded() / 1000
            return e
        }.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.zh < $1.zh) }
    }

    /// The Chinese terms that lie inside a longer entry's Chinese.
    static func nestedTerms(_ entries: [TermEntry]) -> Set<String> {
        let terms = Set(entries.map(\.zh))
        var nested = Set<String>()
        for e in entries {
            let chars = Array(e.zh)
            for i in chars.indices {
                for j in (i + 1)...chars.count where j - i < chars.count {
                    let part = String(chars[i..<j])
                    if terms.contains(part) { nested.insert(part) }
                }
            }
        }
        return nested
    }
}
