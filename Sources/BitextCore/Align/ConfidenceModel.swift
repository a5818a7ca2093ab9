import Foundation

/// Turns a bead's evidence into a confidence in 0…1. Similarity is compared with what unrelated
/// sentence pairs of the same texts reach (pairs a few sentences off the path), so the scale adapts
/// to each text's dictionary coverage; a length mismatch lowers it. An unlinked sentence is as
/// confident as its best match nearby is weak. `calibrated(_:margin:posterior:)` turns that evidence,
/// the bead's margin (`BeadMargin`) and its posterior (`AlignmentSearch.posteriors`) into the
/// probability that the bead is exactly right.
struct ConfidenceModel {
    /// Logistic weights: on the similarity's z-score, on the squared length deviation, and the bias
    /// (see `AlignerParameters`).
    private let zWeight: Double, lengthWeight: Double, bias: Double
    /// The calibration's weights (see `AlignerParameters.calibratedMargin`).
    private let marginWeight: Double, evidenceWeight: Double, posteriorWeight: Double, calibratedBias: Double, marginCap: Double
    /// How far (in sentences) an unlinked sentence's possible partners are looked for.
    static let reach = 2

    private let scorer: BeadScorer<PairEvidence>
    private let baseline: Double
    private let spread: Double
    private let zh: [ChineseFeatures]
    private let en: [EnglishFeatures]
    /// Loaded rows for the similarities of unlinked sentences, kept from one bead to the next.
    private var scratch: RowScratch
    private let partner: [Int]

    init(zh: [ChineseFeatures], en: [EnglishFeatures], path: [AlignmentSearch.Step], scorer: BeadScorer<PairEvidence>,
         vocabularySize: Int, parameters: AlignerParameters = AlignerParameters()) {
        zWeight = parameters.confidenceSimilarity
        lengthWeight = parameters.confidenceLength
        bias = parameters.confidenceBias
        marginWeight = parameters.calibratedMargin
        evidenceWeight = parameters.calibratedEvidence
        posteriorWeight = parameters.calibratedPosterior
        calibratedBias = parameters.calibratedBias
        marginCap = parameters.confidenceMarginCap
        self.scorer = scorer
        self.zh = zh
        self.en = en
        partner = AlignmentRun.partners(of: path, n: zh.count)
        // Unrelated pairs: each linked Chinese sentence against English sentences 6 and 11 away from its own.
        var scratch = RowScratch(vocabularySize: vocabularySize)
        var sims: [Double] = []
        for step in path where step.shape.isLink {
            let r = step.i - 1
            scratch.load(zh[r], row: r)
            for offset in [-11, -6, 6, 11] {
                let c = step.j - 1 + offset
                guard c >= 0 && c < en.count else { continue }
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                sims.append(Self.pairSimilarity(z, e, zh[r], en[c]))
            }
        }
        let mean = sims.isEmpty ? 0.05 : sims.reduce(0, +) / Double(sims.count)
        let variance = sims.isEmpty ? 0.01 : sims.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sims.count)
        baseline = mean
        spread = max(0.03, variance.squareRoot())
        self.scratch = scratch
    }

    /// The mean covered share of a sentence pair's two sides.
    static func pairSimilarity(_ zhCovered: Float, _ enCovered: Float, _ z: ChineseFeatures, _ e: EnglishFeatures) -> Double {
        let a = z.total > 0 ? Double(min(zhCovered, z.total) / z.total) : 0
        let b = e.total > 0 ? Double(min(enCovered, e.total) / e.total) : 0
        if z.total == 0 { return b }
        if e.total == 0 { return a }
        return (a + b) / 2
    }

    private static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// The probability that a bead is exactly right, from its evidence-based confidence, its margin
    /// over the best alternative bead for the same stretch of text, and the share of all paths
    /// (weighted by their scores) that contain it.
    func calibrated(_ evidence: Double, margin: Double, posterior: Double) -> Double {
        Self.logistic(calibratedBias + evidenceWeight * Self.logOdds(evidence) + marginWeight * min(margin, marginCap)
            + posteriorWeight * Self.logOdds(posterior))
    }

    private static func logOdds(_ p: Double) -> Double {
        let p = min(max(p, 1e-6), 1 - 1e-6)
        return log(p / (1 - p))
    }

    /// The evidence-based confidence of a bead linking `zh` to `en` (one of them empty for an unlinked sentence).
    mutating func confidence(zh zhRange: Range<Int>, en enRange: Range<Int>) -> Double {
        confidence(zh: zhRange, en: enRange, scoredBy: scorer, from: 0, 0)
    }

    /// `confidence(zh:en:)` with a linked bead's evidence read from `local`, a scorer over the
    /// sentences from Chinese `i0` and English `j0` on (one that knows beads wider than the model's own).
    mutating func confidence(zh zhRange: Range<Int>, en enRange: Range<Int>, scoredBy local: BeadScorer<PairEvidence>, from i0: Int, _ j0: Int) -> Double {
        if zhRange.isEmpty || enRange.isEmpty {
            return 1 - Self.logistic(zWeight * (bestNearby(zh: zhRange, en: enRange) - baseline) / spread + bias)
        }
        let (zh, en) = ((zhRange.lowerBound - i0)..<(zhRange.upperBound - i0), (enRange.lowerBound - j0)..<(enRange.upperBound - j0))
        let z = (local.similarity(zh: zh, en: en) - baseline) / spread
        let l = local.lengths(zh: zh, en: en)
        let d = local.length.deviation(zh: l.zh, en: l.en)
        return Self.logistic(zWeight * z - lengthWeight * d * d + bias)
    }

    /// The best pair similarity of an unlinked sentence with the sentences of the other side near its place.
    private mutating func bestNearby(zh zhRange: Range<Int>, en enRange: Range<Int>) -> Double {
        var best = 0.0
        if let r = zhRange.first {
            scratch.load(zh[r], row: r)
            for c in max(0, partner[r] - Self.reach)..<min(en.count, partner[r] + Self.reach + 1) {
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                best = max(best, Self.pairSimilarity(z, e, zh[r], en[c]))
            }
        } else if let c = enRange.first {
            // The Chinese sentences whose place is within reach (the places never decrease along the path).
            for r in partner.positions(ofValuesIn: (c - Self.reach)...(c + Self.reach)) {
                scratch.load(zh[r], row: r)
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                best = max(best, Self.pairSimilarity(z, e, zh[r], en[c]))
            }
        }
        return best
    }
}
