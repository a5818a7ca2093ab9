import Foundation

/// Scores a candidate bead for the search.
protocol BeadScoring {
    /// The value of a bead of `shape` ending at lattice point (i, j): it links Chinese sentences
    /// i−shape.zh ..< i with English sentences j−shape.en ..< j. Higher is better.
    func score(_ shape: BeadShape, i: Int, j: Int) -> Double
}

/// The aligner's bead score: lexical similarity (dictionary, learned lexicon, numbers, names,
/// cues) weighted by the bead's size, plus the length model and the shape's prior.
struct BeadScorer: BeadScoring {
    let evidence: PairEvidence
    let zhTotal: [Float]
    let enTotal: [Float]
    let zhQuotes: [QuoteEdges]
    let enQuotes: [QuoteEdges]
    let zhLengthPrefix: [Int]
    let enLengthPrefix: [Int]
    let length: LengthModel
    /// log prior per shape, indexed by `BeadShape.slot`.
    let logPrior: [Double]
    /// How much lexical similarity weighs against the log-probability terms.
    static let similarityWeight = Double(ProcessInfo.processInfo.environment["BT_SIM"] ?? "3") ?? 3
    static let chanceWeight = Float(ProcessInfo.processInfo.environment["BT_CH"] ?? "1") ?? 1
    /// How much the length model weighs.
    static let lengthWeight = Double(ProcessInfo.processInfo.environment["BT_LEN"] ?? "0.6") ?? 0.6

    init(zh: [ChineseFeatures], en: [EnglishFeatures], evidence: PairEvidence, length: LengthModel,
         priors: [BeadShape: Double]) {
        self.evidence = evidence
        zhTotal = zh.map(\.total)
        enTotal = en.map(\.total)
        zhQuotes = zh.map(\.quotes)
        enQuotes = en.map(\.quotes)
        zhLengthPrefix = zh.reduce(into: [0]) { $0.append($0.last! + $1.length) }
        enLengthPrefix = en.reduce(into: [0]) { $0.append($0.last! + $1.length) }
        self.length = length
        var table = [Double](repeating: log(1e-4), count: 25)
        for (shape, p) in priors { table[shape.slot] = log(p) }
        logPrior = table
    }

    /// Lexical similarity of the Chinese sentences `zh` and English sentences `en`, about 0…1: the
    /// mean of the covered shares of each side (matches shared by several sentences counted once),
    /// less what as many unrelated sentences would cover by chance, so bigger beads gain nothing by size.
    func similarity(zh: Range<Int>, en: Range<Int>) -> Double {
        var zhCovered: Float = 0, zhAll: Float = 0
        for r in zh {
            zhCovered += min(evidence.zhCovered(r, by: en), zhTotal[r]) - Float(en.count) * evidence.zhChance[r] * BeadScorer.chanceWeight
            zhAll += zhTotal[r]
        }
        var enCovered: Float = 0, enAll: Float = 0
        for c in en {
            enCovered += min(evidence.enCovered(c, by: zh), enTotal[c]) - Float(zh.count) * evidence.enChance[c] * BeadScorer.chanceWeight
            enAll += enTotal[c]
        }
        let a = zhAll > 0 ? Double(zhCovered / zhAll) : 0
        let b = enAll > 0 ? Double(enCovered / enAll) : 0
        if zhAll == 0 { return b }
        if enAll == 0 { return a }
        return (a + b) / 2
    }

    /// Lengths (non-space characters) of a bead's two sides.
    func lengths(zh: Range<Int>, en: Range<Int>) -> (zh: Int, en: Int) {
        (zhLengthPrefix[zh.upperBound] - zhLengthPrefix[zh.lowerBound], enLengthPrefix[en.upperBound] - enLengthPrefix[en.lowerBound])
    }

    func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
        guard shape.isLink else { return logPrior[shape.slot] }
        let zh = (i - shape.zh)..<i, en = (j - shape.en)..<j
        let sim = similarity(zh: zh, en: en)
        let l = lengths(zh: zh, en: en)
        return Self.similarityWeight * Double(shape.zh + shape.en) * sim
            + Self.lengthWeight * length.logLikelihood(zh: l.zh, en: l.en)
            + logPrior[shape.slot]
            + Self.quoteWeight * quoteAgreement(zh: zh, en: en)
    }

    static let quoteWeight = Double(ProcessInfo.processInfo.environment["BT_Q"] ?? "0.6") ?? 0.6

    /// +1 for each bead edge where both sides agree on a quotation mark being there or not, −1 where they disagree.
    func quoteAgreement(zh: Range<Int>, en: Range<Int>) -> Double {
        let opens = zhQuotes[zh.lowerBound].opens == enQuotes[en.lowerBound].opens
        let closes = zhQuotes[zh.upperBound - 1].closes == enQuotes[en.upperBound - 1].closes
        return (opens ? 1 : -1) + (closes ? 1 : -1)
    }
}
