import Foundation

/// Scores a candidate bead for the search.
protocol BeadScoring {
    /// The value of a bead of `shape` ending at lattice point (i, j): it links Chinese sentences
    /// i−shape.zh ..< i with English sentences j−shape.en ..< j. Higher is better.
    func score(_ shape: BeadShape, i: Int, j: Int) -> Double
}

/// A scorer read from lattice point (i0, j0) of another's: a stretch of the text searched on its own.
struct ShiftedScorer<Base: BeadScoring>: BeadScoring {
    let base: Base
    let i0: Int
    let j0: Int

    func score(_ shape: BeadShape, i: Int, j: Int) -> Double { base.score(shape, i: i + i0, j: j + j0) }
}

/// The aligner's bead score: lexical evidence summed over the bead's sentences, the length model,
/// the shape's prior, agreement of dialogue quotes at the bead's edges, and paragraph structure.
/// With evidence kept whole (`PairEvidence`) threads may share it; with streaming evidence
/// (`StreamingPairEvidence`) one search reads it, in order.
struct BeadScorer<Evidence: PairCoverage>: BeadScoring {
    /// The weights of the terms (see `AlignerParameters`).
    private let evidenceWeight: Double
    private let lengthWeight: Double
    private let quoteWeight: Double
    private let paragraphPenalty: Double

    let evidence: Evidence
    let length: LengthModel
    private let zhInverseTotal: [Float]
    private let enInverseTotal: [Float]
    private let zhQuotes: [QuoteEdges]
    private let enQuotes: [QuoteEdges]
    /// Paragraph breaks before each sentence, cumulative (all zero when paragraphs are unknown).
    private let zhBreaksBefore: [Int]
    private let enBreaksBefore: [Int]
    private let zhLengthPrefix: [Int]
    private let enLengthPrefix: [Int]
    /// log prior per shape, indexed by `BeadShape.slot`.
    private let logPrior: [Double]

    init(zh: [ChineseFeatures], en: [EnglishFeatures], paragraphStarts: (zh: [Bool], en: [Bool]),
         evidence: Evidence, length: LengthModel, priors: [BeadShape: Double], parameters: AlignerParameters = AlignerParameters()) {
        evidenceWeight = parameters.evidenceWeight
        lengthWeight = parameters.lengthWeight
        quoteWeight = parameters.quoteWeight
        paragraphPenalty = parameters.paragraphPenalty
        self.evidence = evidence
        self.length = length
        zhInverseTotal = zh.map { $0.total > 0 ? 1 / $0.total : 0 }
        enInverseTotal = en.map { $0.total > 0 ? 1 / $0.total : 0 }
        zhQuotes = zh.map(\.quotes)
        enQuotes = en.map(\.quotes)
        zhBreaksBefore = paragraphStarts.zh.enumerated().reduce(into: [0]) { $0.append($0.last! + ($1.element && $1.offset > 0 ? 1 : 0)) }
        enBreaksBefore = paragraphStarts.en.enumerated().reduce(into: [0]) { $0.append($0.last! + ($1.element && $1.offset > 0 ? 1 : 0)) }
        zhLengthPrefix = zh.reduce(into: [0]) { $0.append($0.last! + $1.length) }
        enLengthPrefix = en.reduce(into: [0]) { $0.append($0.last! + $1.length) }
        var table = [Double](repeating: log(1e-4), count: BeadShape.slotCount)
        for (shape, p) in priors { table[shape.slot] = log(p) }
        logPrior = table
    }

    /// Lexical evidence that the Chinese sentences `zh` and English sentences `en` translate each
    /// other: for every sentence, the share of its content the other side covers (matches shared by
    /// several sentences counted once), less what as many neighbouring unrelated sentences would
    /// cover by chance. Summed over sentences, so a bead gains nothing by absorbing an unrelated one.
    func evidence(zh: Range<Int>, en: Range<Int>) -> Double {
        if let last = zh.last { evidence.prepare(through: last) }
        var total: Float = 0
        for r in zh {
            total += (evidence.zhCovered(r, by: en) - Float(en.count) * evidence.zhChance[r]) * zhInverseTotal[r]
        }
        for c in en {
            total += (evidence.enCovered(c, by: zh) - Float(zh.count) * evidence.enChance[c]) * enInverseTotal[c]
        }
        return Double(total)
    }

    /// The mean per-sentence evidence of a bead (about 0…1), for confidence and learning.
    func similarity(zh: Range<Int>, en: Range<Int>) -> Double {
        evidence(zh: zh, en: en) / Double(zh.count + en.count)
    }

    /// Lengths (non-space characters) of a bead's two sides.
    func lengths(zh: Range<Int>, en: Range<Int>) -> (zh: Int, en: Int) {
        (zhLengthPrefix[zh.upperBound] - zhLengthPrefix[zh.lowerBound], enLengthPrefix[en.upperBound] - enLengthPrefix[en.lowerBound])
    }

    /// +1 for each bead edge where both sides agree on a quotation mark being there or not, −1 where they disagree.
    func quoteAgreement(zh: Range<Int>, en: Range<Int>) -> Double {
        let opens = zhQuotes[zh.lowerBound].opens == enQuotes[en.lowerBound].opens
        let closes = zhQuotes[zh.upperBound - 1].closes == enQuotes[en.upperBound - 1].closes
        return (opens ? 1 : -1) + (closes ? 1 : -1)
    }

    /// How many more paragraph breaks one side of the bead has inside it than the other.
    func paragraphMismatch(zh: Range<Int>, en: Range<Int>) -> Int {
        abs((zhBreaksBefore[zh.upperBound] - zhBreaksBefore[zh.lowerBound + 1])
            - (enBreaksBefore[en.upperBound] - enBreaksBefore[en.lowerBound + 1]))
    }

    func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
        guard shape.isLink else { return logPrior[shape.slot] }
        let zh = (i - shape.zh)..<i, en = (j - shape.en)..<j
        let l = lengths(zh: zh, en: en)
        return evidenceWeight * evidence(zh: zh, en: en)
            + lengthWeight * length.logLikelihood(zh: l.zh, en: l.en)
            + logPrior[shape.slot]
            + quoteWeight * quoteAgreement(zh: zh, en: en)
            - paragraphPenalty * Double(paragraphMismatch(zh: zh, en: en))
    }
}

extension BeadScorer: Sendable where Evidence: Sendable {}

extension BeadScorer {
    /// A scorer over a window of a text, its Chinese sentences `rows` and English sentences
    /// `columns` (of `zh`, `en` and their `paragraphStarts`), for beads of up to `maxSide` sentences
    /// a side in `band` (relative to the window); with the chance levels `chance` (the whole
    /// text's, of which the window's part is taken), or measured in the window against the
    /// `expected` partners.
    init(window rows: Range<Int>, _ columns: Range<Int>, of zh: [ChineseFeatures], _ en: [EnglishFeatures],
         paragraphStarts: (zh: [Bool], en: [Bool]), band: SearchBand, vocabularySize: Int, expected: [Int] = [],
         chance: (zh: [Float], en: [Float])? = nil, maxSide: Int = BeadShape.maxWideSide, length: LengthModel,
         priors: [BeadShape: Double], parameters: AlignerParameters) {
        let zhPart = Array(zh[rows]), enPart = Array(en[columns])
        let evidence = Evidence(zh: zhPart, en: enPart, band: band, vocabularySize: vocabularySize, expected: expected,
                                maxSide: maxSide, chance: chance.map { (Array($0.zh[rows]), Array($0.en[columns])) })
        self.init(zh: zhPart, en: enPart, paragraphStarts: (Array(paragraphStarts.zh[rows]), Array(paragraphStarts.en[columns])),
                  evidence: evidence, length: length, priors: priors, parameters: parameters)
    }
}
