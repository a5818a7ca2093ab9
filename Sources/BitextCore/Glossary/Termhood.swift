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
        public var frequency = 1.195
        /// Per Zipf unit of the Chinese term in general Chinese (0 when outside the common words):
        /// everyday words (手绢, 数据收集's 数据) are not domain terms.
        public var chineseGenerality = -0.430
        /// Per Zipf unit of the mean general frequency of the English content words.
        public var englishGenerality = -0.713
        /// Per Zipf unit of the English content word least common in general English; with the mean
        /// above it favours a compound of one rare and several common words (nasopharyngeal carcinoma).
        public var englishRarestWord = 0.236
        /// For the share of English content words written capitalised (names: Chen Qingyang, Jinling).
        public var capitalised = 1.171
        /// When the Chinese term lies inside a longer entry of the glossary.
        public var nested = -0.353
        /// Per Chinese character.
        public var chineseLength = -0.075
        /// Per English content word.
        public var englishWords = 0.996
        /// For the share of occurrences whose edge cuts a dictionary word (see `TermBoundaries`).
        public var cutWord = -1.078
        /// For the share of occurrences right after a digit (a measure word cut from its count).
        public var afterDigit = -1.660
        /// When the term starts or ends with a word the dictionary knows only as a verb (引诱陈清扬,
        /// seduce Chen Qingyang): terms are noun phrases.
        public var verbAtEdge = -0.612
        /// When the English holds a preposition (incidence of late toxic effects, among patients):
        /// terms rarely do (quality of life does), phrases and translations of phrases often.
        public var preposition = -1.791
        /// When the Chinese begins with a digit: a count and what it counts (63例患者) more often
        /// than a numbered term (3期试验, phase 3 trial).
        public var leadingDigit = -1.735
        /// Per unit of accessor variety (`Boundaries.variety`): a term met by many different
        /// neighbours is a unit, one always met by the same neighbour is a fragment of a longer term.
        public var variety = 2.622
        /// Per halving of the term's frequency against the most frequent entry inside it (log2 of
        /// the ratio, 0 when none is more frequent): an extension seen once beside an entry seen
        /// thirty times (请陈清扬 beside 陈清扬, 顺铂诱导化疗 beside 诱导化疗) is a free combination, one
        /// seen about as often (诱导化疗组 beside 诱导化疗) a term of its own (C-value's idea).
        public var extensionShare = 0.287
        /// When the dictionary lists the Chinese term as a proper name and its English is written
        /// capitalised (北京 ↔ Beijing, 曹雪芹 ↔ Cao Xueqin): places and people are glossary entries
        /// even when general Chinese uses them often. Fitted with the other weights held, on the same
        /// rows: 1.05 and 1.11 in the two folds (mac AUC 0.951 → 0.970 and 0.960 → 0.967, nejm unchanged,
        /// its lower-case English has no capitals), 1.6 on all four documents; the folds' value is kept.
        public var properName = 1.1
        /// The intercept.
        public var intercept = -3.576

        /// Weights fitted by logistic regression (L2 penalty 0.1 on the weights, not the intercept) on
        /// the rows bitext wrote, untrimmed, for the four documents with complete gold lists (nejm01,
        /// nejm03, mac 001, 009; rows matching an `acceptable` pair left out): a right row is a
        /// `term` pair. Fitted on two documents (one of each kind) and tested on the other two, the
        /// features rank right rows above wrong ones with AUC 0.83–0.86 (nejm) and 0.95–0.96 (mac);
        /// without `variety` and `extensionShare`, on the same rows, 0.82–0.83 and 0.94–0.96.
        public init() {}

        /// The weights in the order of `Termhood.features`.
        var vector: [Double] {
            [frequency, chineseGenerality, englishGenerality, englishRarestWord, capitalised, nested, chineseLength,
             englishWords, cutWord, afterDigit, verbAtEdge, preposition, leadingDigit, variety, extensionShare, properName]
        }
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
        /// 1 when the dictionary lists the whole term as a proper name (capitalised pinyin).
        public var properName = 0.0
        /// The distinct neighbours on its less varied side per occurrence (accessor variety, 0…1;
        /// each text edge or punctuation mark counts as a new neighbour): a unit of its own meets
        /// many, a fragment of a longer term always the same one.
        public var variety = unknownVariety

        /// The variety given to a term seen once, which cannot show any.
        public static let unknownVariety = 0.5

        /// Evidence with these shares (0: every edge falls between words).
        public init(cutWord: Double = 0, afterDigit: Double = 0, verbAtEdge: Double = 0, variety: Double = unknownVariety,
                    properName: Double = 0) {
            self.cutWord = cutWord
            self.afterDigit = afterDigit
            self.verbAtEdge = verbAtEdge
            self.variety = variety
            self.properName = properName
        }
    }

    /// The probability that `entry` is a term; `nested` tells whether its Chinese lies inside a
    /// longer entry's, `extensionShare` how often it occurs against the most frequent entry inside it
    /// (1: no entry inside it is more frequent), `boundaries` how its edges sit in the text.
    public func probability(of entry: TermEntry, nested: Bool, extensionShare: Double = 1, boundaries: Boundaries = Boundaries()) -> Double {
        var z = weights.intercept
        for (w, x) in zip(weights.vector, features(of: entry, nested: nested, extensionShare: extensionShare, boundaries: boundaries)) { z += w * x }
        return 1 / (1 + exp(-z))
    }

    /// The measured properties of `entry`, in the order of `Weights.vector`.
    func features(of entry: TermEntry, nested: Bool, extensionShare: Double, boundaries: Boundaries) -> [Double] {
        let content = Self.contentWords(entry.en)
        let zipfs = content.map { frequency.zipf(english: $0) }
        let mean = zipfs.isEmpty ? 0 : zipfs.reduce(0, +) / Double(zipfs.count)
        let capitalised = Self.capitalisedShare(entry.en)
        let preposition = entry.en.split { !$0.isLetter }.contains { Self.prepositions.contains($0.lowercased()) }
        let leadingDigit = entry.zh.unicodeScalars.first.map(ChineseCharacters.isDigit) ?? false
        return [log2(1 + Double(entry.frequency)), frequency.zipf(chinese: entry.zh), mean, zipfs.min() ?? 0, capitalised,
                nested ? 1 : 0, Double(entry.zh.count), Double(content.count), boundaries.cutWord, boundaries.afterDigit,
                boundaries.verbAtEdge, preposition ? 1 : 0, leadingDigit ? 1 : 0, boundaries.variety, log2(max(extensionShare, 1.0 / 1024)),
                capitalised == 1 ? boundaries.properName : 0]
    }

    /// The share of the content words of `english` that are capitalised, a hyphenated word counting
    /// as one (Shi-yin, Bottle-gourd Temple: 1; non-Hispanic: 0).
    static func capitalisedShare(_ english: String) -> Double {
        let words = english.split { $0.isWhitespace }.filter { w in
            w.contains { $0.isLetter || $0.isNumber } && !functionWords.contains(w.lowercased())
        }
        return words.isEmpty ? 0 : Double(words.filter { $0.first { $0.isLetter || $0.isNumber }!.isUppercase }.count) / Double(words.count)
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
        let inside = Self.containments(entries)
        let nested = Set(inside.map(\.inner))
        let extensions = Self.extensionShares(entries, inside)
        return entries.map { e in
            var e = e
            let p = probability(of: e, nested: nested.contains(e.zh), extensionShare: extensions[e.zh] ?? 1, boundaries: boundaries[e.zh] ?? Boundaries())
            e.score = (p * 1000).rounded() / 1000
            return e
        }.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.zh < $1.zh) }
    }

    /// For each entry holding a more frequent entry in its Chinese, its frequency over the most
    /// frequent such entry's (below 1); entries holding none are left out.
    static func extensionShares(_ entries: [TermEntry]) -> [String: Double] {
        extensionShares(entries, containments(entries))
    }

    /// `extensionShares(_:)` given the entries' `containments`.
    private static func extensionShares(_ entries: [TermEntry], _ inside: [(outer: TermEntry, inner: String)]) -> [String: Double] {
        let frequency = Dictionary(entries.map { ($0.zh, $0.frequency) }, uniquingKeysWith: max)
        var shares: [String: Double] = [:]
        for (outer, inner) in inside where frequency[inner]! > outer.frequency {
            shares[outer.zh] = min(shares[outer.zh] ?? 1, Double(outer.frequency) / Double(frequency[inner]!))
        }
        return shares
    }

    /// The Chinese terms that lie inside a longer entry's Chinese.
    static func nestedTerms(_ entries: [TermEntry]) -> Set<String> {
        Set(containments(entries).map(\.inner))
    }

    /// Each entry with every shorter entry's Chinese that its own Chinese holds.
    private static func containments(_ entries: [TermEntry]) -> [(outer: TermEntry, inner: String)] {
        let terms = Set(entries.map(\.zh))
        var found: [(outer: TermEntry, inner: String)] = []
        for e in entries {
            let chars = Array(e.zh)
            for i in chars.indices {
                for j in (i + 1)...chars.count where j - i < chars.count {
                    let part = String(chars[i..<j])
                    if terms.contains(part) { found.append((e, part)) }
                }
            }
        }
        return found
    }
}
