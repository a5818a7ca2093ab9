/// Choices a terminologist makes about which entries to see and in what order.
public struct GlossaryCuration: Sendable {
    /// The order of the entries.
    public enum Order: String, Sendable, CaseIterable {
        /// Best first (the termhood score).
        case score
        /// Most frequent first.
        case frequency
        /// By the Chinese term, then the English.
        case zh
        /// By the English, case-insensitive.
        case en
    }

    /// Entries scoring below this are left out; nil: `defaultMinimumScore(for:)`.
    public var minimumScore: Double?
    /// The order.
    public var order: Order
    /// Leave out an entry whose Chinese lies inside a longer entry's and that occurs no more often
    /// than that one (it has no support of its own: 恐怖主义势力 inside 国际恐怖主义势力, both once).
    public var hideNested: Bool

    /// The default list: entries scoring at least `defaultMinimumScore(for:)`, best first, nested ones kept.
    public init(minimumScore: Double? = nil, order: Order = .score, hideNested: Bool = false) {
        self.minimumScore = minimumScore
        self.order = order
        self.hideNested = hideNested
    }

    /// The default trimming, in the score's own terms (the probability that the entry is a term).
    public struct Trim: Sendable {
        /// Entries below this score are left out of a text's default list. Trading recall for list
        /// precision: on the dev documents with complete gold lists (nejm01, nejm03, mac 001, 009) 0.2
        /// raises list precision from 0.23 to 0.58 (nejm) and from 0.11 to 0.42 (mac) for 0.12 and
        /// 0.02 of recall; 0.15 keeps 0.03 more nejm recall at 0.50 and 0.32 precision, 0.3 gives
        /// 0.65 and 0.56 for 0.08 less nejm recall. Of these, 0.2 has the best mean F-measure of list
        /// precision and recall over the two kinds.
        public static let minimumScore = 0.2
        /// Texts of fewer sentence pairs keep every entry: there nearly every term occurs once, and the
        /// score, which leans on recurrence, can order the list but not cut it (the showcase page of 8
        /// would lose 5 of its 11 terms).
        public static let shortText = 50
    }

    /// The minimum score of the default list of `glossary`: `Trim.minimumScore`, or 0 for a short text.
    public static func defaultMinimumScore(for glossary: Glossary) -> Double {
        glossary.sentencePairs >= Trim.shortText ? Trim.minimumScore : 0
    }

    /// `glossary` curated.
    public func apply(_ glossary: Glossary) -> Glossary {
        let minimum = minimumScore ?? Self.defaultMinimumScore(for: glossary)
        var entries = glossary.entries.filter { $0.score >= minimum }
        if hideNested {
            entries = entries.filter { e in
                !entries.contains { $0.zh != e.zh && $0.zh.contains(e.zh) && $0.frequency >= e.frequency }
            }
        }
        switch order {
        case .score: break  // the builder's order
        case .frequency: entries.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.score > $1.score }
        case .zh: entries.sort { $0.zh != $1.zh ? $0.zh < $1.zh : $0.en < $1.en }
        case .en: entries.sort { $0.en.lowercased() != $1.en.lowercased() ? $0.en.lowercased() < $1.en.lowercased() : $0.zh < $1.zh }
        }
        return Glossary(entries: entries, sentencePairs: glossary.sentencePairs)
    }
}
