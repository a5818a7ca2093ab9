/// Alignment quality against gold beads, with the definitions of `score_align.py` (Vecalign and
/// Bertalign's strict and lax precision/recall; the MAC paper's exact-bead F1).
public struct AlignmentScore: Sendable, Equatable {
    public private(set) var strictPrecision = 0.0
    public private(set) var strictRecall = 0.0
    public private(set) var laxPrecision = 0.0
    public private(set) var laxRecall = 0.0
    public private(set) var exactF1 = 0.0

    /// Strict F1.
    public var strictF1: Double { Self.f1(strictPrecision, strictRecall) }
    /// Lax F1.
    public var laxF1: Double { Self.f1(laxPrecision, laxRecall) }

    static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    /// Micro-averaged scores over documents, each a (gold, test) pair of bead lists.
    public init(documents: [(gold: [Bead], test: [Bead])]) {
        self.init(documents: documents.map { ($0.gold.map(IndexedBead.init), $0.test.map(IndexedBead.init)) })
    }

    /// Micro-averaged scores over documents whose beads are index lists (gold beads may skip sentences).
    public init(documents: [(gold: [IndexedBead], test: [IndexedBead])]) {
        var p = [0, 0, 0, 0], r = [0, 0, 0, 0]
        var hits = 0, goldCount = 0, testCount = 0
        for (gold, test) in documents {
            for (k, v) in Self.counts(reference: gold, hypothesis: test).enumerated() { p[k] += v }
            let gold2 = gold.filter { !$0.zh.isEmpty && !$0.en.isEmpty }
            let test2 = test.filter { !$0.zh.isEmpty && !$0.en.isEmpty }
            for (k, v) in Self.counts(reference: test2, hypothesis: gold2).enumerated() { r[k] += v }
            let goldSet = Set(gold)
            hits += test.filter { goldSet.contains($0) }.count
            goldCount += gold.count
            testCount += test.count
        }
        strictPrecision = Double(p[0]) / Double(max(1, p[0] + p[1]))
        laxPrecision = Double(p[2]) / Double(max(1, p[2] + p[3]))
        strictRecall = Double(r[0]) / Double(max(1, r[0] + r[1]))
        laxRecall = Double(r[2]) / Double(max(1, r[2] + r[3]))
        exactF1 = Self.f1(Double(hits) / Double(max(1, testCount)), Double(hits) / Double(max(1, goldCount)))
    }

    /// (strict tp, strict fp, lax tp, lax fp) of the hypothesis beads judged against the reference.
    private static func counts(reference: [IndexedBead], hypothesis: [IndexedBead]) -> [Int] {
        let ref = Set(reference.filter { !$0.zh.isEmpty || !$0.en.isEmpty })
        let hyp = Set(hypothesis.filter { !$0.zh.isEmpty || !$0.en.isEmpty })
        var linked: [Int: Set<Int>] = [:]
        for b in ref { for i in b.zh { linked[i, default: []].formUnion(b.en) } }
        var tps = 0, fps = 0, tpl = 0, fpl = 0
        for b in hyp {
            if ref.contains(b) {
                tps += 1; tpl += 1
            } else {
                fps += 1
                let reach = b.zh.reduce(into: Set<Int>()) { $0.formUnion(linked[$1] ?? []) }
                if reach.isDisjoint(with: b.en) { fpl += 1 } else { tpl += 1 }
            }
        }
        return [tps, fps, tpl, fpl]
    }
}
