import Foundation

/// Turns a bead's evidence into a confidence in 0…1. Similarity is compared with what unrelated
/// sentence pairs of the same texts reach (pairs a few sentences off the path), so the scale
/// adapts to each text's dictionary coverage; the length model's deviation lowers it.
struct ConfidenceModel {
    private let scorer: BeadScorer
    private let baseline: Double
    private let spread: Double
    private let zh: [ChineseFeatures]
    private let en: [EnglishFeatures]
    private let vocabularySize: Int

    init(zh: [ChineseFeatures], en: [EnglishFeatures], path: [AlignmentSearch.Step], scorer: BeadScorer,
         vocabularySize: Int) {
        self.scorer = scorer
        self.zh = zh
        self.en = en
        self.vocabularySize = vocabularySize
        // Unrelated pairs: each Chinese sentence against English sentences 6 and 11 beyond its aligned one.
        var scratch = RowScratch(vocabularySize: vocabularySize)
        var sims: [Double] = []
        for step in path where step.shape.isLink {
            let r = step.i - 1
            for offset in [-11, -6, 6, 11] {
                let c = step.j - 1 + offset
                guard c >= 0 && c < en.count else { continue }
                scratch.load(zh[r], row: r)
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                sims.append(Self.pairSimilarity(z, e, zh[r], en[c]))
            }
        }
        let mean = sims.isEmpty ? 0.05 : sims.reduce(0, +) / Double(sims.count)
        let variance = sims.isEmpty ? 0.01 : sims.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sims.count)
        baseline = mean
        spread = max(0.03, variance.squareRoot())
    }

    static func pairSimilarity(_ zhCovered: Float, _ enCovered: Float, _ z: ChineseFeatures, _ e: EnglishFeatures) -> Double {
        let a = z.total > 0 ? Double(min(zhCovered, z.total) / z.total) : 0
        let b = e.total > 0 ? Double(min(enCovered, e.total) / e.total) : 0
        if z.total == 0 { return b }
        if e.total == 0 { return a }
        return (a + b) / 2
    }

    /// The confidence of a bead linking `zh` to `en` (either may be empty).
    func confidence(zh zhRange: Range<Int>, en enRange: Range<Int>) -> Double {
        if zhRange.isEmpty || enRange.isEmpty {
            return 0.5  // TODO calibrate unlinked sentences
        }
        let z = (scorer.similarity(zh: zhRange, en: enRange) - baseline) / spread
        let l = scorer.lengths(zh: zhRange, en: enRange)
        let d = scorer.length.deviation(zh: l.zh, en: l.en)
        return 1 / (1 + exp(-(0.8 * z - 0.3 * d * d - 1.0)))
    }
}
