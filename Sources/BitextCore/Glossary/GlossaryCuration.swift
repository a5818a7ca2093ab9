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

    /// Entries scoring below this are left out.
    public var minimumScore: Double
    /// The order.
    public var order: Order
    /// Leave out an entry whose Chinese lies inside a longer entry's and that occurs no more often
    /// than that one (it has no support of its own: 恐怖主义势力 inside 国际恐怖主义势力, both once).
    public var hideNested: Bool

    /// The default list: every entry scoring at least `GlossaryCuration.defaultMinimumScore`, best first, nested ones kept.
    public init(minimumScore: Double = GlossaryCuration.defaultMinimumScore, order: Order = .score, hideNested: Bool = false) {
        self.minimumScore = minimumScore
        self.order = order
        self.hideNested = hideNested
    }

    /// The default minimum score: 0, every entry kept, best first. Trimming trades recall for list
    /// precision (on the dev documents with complete gold lists, 0.1 raises nejm list precision from
    /// 0.26 to 0.32 and loses 4 % of the right terms, and loses 3 of the showcase's 11 one-off
    /// terms), so it is the user's choice (`--min-score`).
    public static let defaultMinimumScore = 0.0

    /// `glossary` curated.
    public func apply(_ glossary: Glossary) -> Glossary {
        var entries = glossary.entries.filter { $0.score >= minimumScore }
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
        return Glossary(entries: entries)
    }
}
