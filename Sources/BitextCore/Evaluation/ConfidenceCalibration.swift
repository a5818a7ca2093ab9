/// How well bead confidences tell exact beads from wrong ones, measured against gold: the figures a
/// reviewer relies on when the editor's *Check first* list orders beads by confidence.
public struct ConfidenceCalibration: Sendable, Equatable {
    /// One bin of the reliability table: beads whose confidence lies in `lower..<upper` (the last
    /// bin includes 1).
    public struct Bin: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
        public let count: Int
        /// Mean confidence of the bin's beads (0 when empty).
        public let meanConfidence: Double
        /// Share of the bin's beads that are exact (0 when empty).
        public let exactShare: Double
    }

    /// Beads judged.
    public let count: Int
    /// Area under the ROC curve of confidence for "exactly right": the chance that an exact bead has a
    /// higher confidence than a wrong one (ties count half). 0.5 is chance; `nil` without both kinds.
    public let auc: Double?
    /// Mean squared difference between confidence and the outcome (1 exact, 0 wrong): lower is better.
    public let brier: Double
    /// Ten equal-width bins over 0…1.
    public let bins: [Bin]
    /// Beads below 0.5 (the flagged ones).
    public let flagged: Int
    /// Share of the flagged beads that are wrong: how often *Check first* points at a real error.
    public let wrongShareOfFlagged: Double
    /// Share of the wrong beads that are flagged: how many errors *Check first* finds.
    public let flaggedShareOfWrong: Double

    /// The figures for `outcomes`, each a bead's confidence and whether it is exactly a gold bead.
    public init(_ outcomes: [(confidence: Double, exact: Bool)]) {
        count = outcomes.count
        brier = outcomes.isEmpty ? 0
            : outcomes.reduce(0) { $0 + ($1.confidence - ($1.exact ? 1 : 0)) * ($1.confidence - ($1.exact ? 1 : 0)) } / Double(outcomes.count)
        auc = Self.auc(outcomes)
        bins = (0..<10).map { k in
            let lower = Double(k) / 10, upper = Double(k + 1) / 10
            let inside = outcomes.filter { $0.confidence >= lower && ($0.confidence < upper || (k == 9 && $0.confidence <= 1)) }
            let n = Double(max(1, inside.count))
            return Bin(lower: lower, upper: upper, count: inside.count,
                       meanConfidence: inside.reduce(0) { $0 + $1.confidence } / n,
                       exactShare: Double(inside.filter(\.exact).count) / n)
        }
        let low = outcomes.filter { $0.confidence < 0.5 }
        let wrong = outcomes.filter { !$0.exact }
        flagged = low.count
        wrongShareOfFlagged = Double(low.filter { !$0.exact }.count) / Double(max(1, low.count))
        flaggedShareOfWrong = Double(wrong.filter { $0.confidence < 0.5 }.count) / Double(max(1, wrong.count))
    }

    /// The Mann–Whitney statistic over ranks of the sorted confidences, ties given their mean rank.
    static func auc(_ outcomes: [(confidence: Double, exact: Bool)]) -> Double? {
        let positives = outcomes.filter(\.exact).count, negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let sorted = outcomes.sorted { $0.confidence < $1.confidence }
        var rankSum = 0.0, i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1].confidence == sorted[i].confidence { j += 1 }
            let meanRank = Double(i + j + 2) / 2
            rankSum += meanRank * Double(sorted[i...j].filter(\.exact).count)
            i = j + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}
