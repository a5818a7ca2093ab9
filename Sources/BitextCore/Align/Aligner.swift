import Foundation
import ICUKit

/// Aligns Chinese and English sentences: lexical evidence from the dictionaries, numbers, names
/// and cues; a length model and bead priors estimated from the texts themselves; a banded search
/// (anchors first for long texts); then a lexicon learned from the first pass and a second pass.
/// Not safe for concurrent use.
public final class Aligner {
    /// The dictionary evidence comes from.
    public let dictionary: BilingualDictionary
    /// Texts up to this many lattice cells are searched whole; longer ones through anchors.
    static let fullSearchCells = 4_000_000
    /// Half-width of the band around the first pass's path in the second pass.
    static let refineWidth = 12
    /// Rounds of refitting, learning and searching again after the first pass.
    static let refinements = Int(ProcessInfo.processInfo.environment["BT_R"] ?? "1") ?? 1

    /// An aligner using `dictionary`.
    public init(dictionary: BilingualDictionary) {
        self.dictionary = dictionary
    }

    /// What the aligner is doing, for progress display.
    public enum Stage: String, Sendable {
        case features = "reading sentences", firstPass = "first pass", learning = "learning a lexicon",
             secondPass = "second pass"
    }

    /// Aligns `zh` with `en`. `progress` is told the stage and the fraction done.
    public func align(zh: [Sentence], en: [Sentence],
                      progress: ((Stage, Double) -> Void)? = nil) throws(ICUError) -> Alignment {
        let t0 = Date()
        let progress: ((Stage, Double) -> Void)? = { s, f in
            if ProcessInfo.processInfo.environment["BT_V"] != nil && f == 0 { print(String(format: "%.2f", Date().timeIntervalSince(t0)), s) }
            progress?(s, f)
        }
        let n = zh.count, m = en.count
        if n == 0 || m == 0 {
            let beads = (0..<n).map { Bead(zh: $0..<($0 + 1), en: 0..<0) } + (0..<m).map { Bead(zh: n..<n, en: $0..<($0 + 1)) }
            return Alignment(zh: zh, en: en, beads: beads)
        }
        progress?(.features, 0)
        let vocabulary = Vocabulary()
        let table = TranslationTable(dictionary: dictionary, vocabulary: vocabulary)
        let extractor = try FeatureExtractor(table: table)
        let enFeatures = try extractor.english(en)
        progress?(.features, 0)
        var zhFeatures = try extractor.chinese(zh)
        progress?(.features, 0)
        var length = LengthModel(zhLength: zhFeatures.reduce(0) { $0 + $1.length },
                                 enLength: enFeatures.reduce(0) { $0 + $1.length })

        // First pass: the whole lattice for short texts, a band through anchors for long ones.
        var band: SearchBand
        let isLong = n * m > Self.fullSearchCells
        if isLong {
            let anchors = AnchorFinder.anchors(zh: zhFeatures, en: enFeatures, vocabularySize: vocabulary.count)
            band = AnchorFinder.band(anchors: anchors, n: n, m: m, width: 15)
            if ProcessInfo.processInfo.environment["BT_V"] != nil { print("anchors", anchors.count, "cells", band.cellCount) }
        } else {
            band = SearchBand(fullWidthFor: n, m)
        }
        var priors = BeadShape.initialPriors
        var expected = isLong ? band.centers : (0..<n).map { $0 * m / n }
        var path = search(zhFeatures, enFeatures, band: band, length: length, priors: priors, vocabulary: vocabulary,
                          expected: expected, widenOnEdge: isLong, shapes: isLong ? BeadShape.coarse : BeadShape.all) {
            progress?(.firstPass, $0)
        }
        expected = Self.partners(of: path, n: n)

        // Fit the length model and the bead priors to this text, learn a lexicon, search again.
        for round in 0..<Self.refinements {
            progress?(.learning, 0)
            let current = BeadScorer(zh: zhFeatures, en: enFeatures,
                                     evidence: PairEvidence(zh: zhFeatures, en: enFeatures,
                                                            band: SearchBand(around: path.map { ($0.i, $0.j) }, n: n, m: m, width: 0),
                                                            vocabularySize: vocabulary.count, expected: expected),
                                     length: length, priors: priors)
            let links = path.map { (zh: ($0.i - $0.shape.zh)..<$0.i, en: ($0.j - $0.shape.en)..<$0.j) }
                .filter { !$0.zh.isEmpty && !$0.en.isEmpty }
            length.refit(pairs: links.filter { $0.zh.count == 1 && $0.en.count == 1 }.map { current.lengths(zh: $0.zh, en: $0.en) })
            if !isLong || round > 0 { priors = Self.refitPriors(path.map(\.shape)) }
            let confident = links.filter { current.similarity(zh: $0.zh, en: $0.en) >= 0.2 }
            table.forgetLearned()
            for pair in LexiconLearner.learn(zh: zhFeatures, en: enFeatures, beads: confident) {
                table.learn(pair.word, english: pair.english)
            }
            zhFeatures = try extractor.chinese(zh)
            band = isLong ? SearchBand(around: path.map { ($0.i, $0.j) }, n: n, m: m, width: Self.refineWidth)
                : SearchBand(fullWidthFor: n, m)
            path = search(zhFeatures, enFeatures, band: band, length: length, priors: priors, vocabulary: vocabulary,
                          expected: expected, widenOnEdge: isLong) { progress?(.secondPass, $0) }
            expected = Self.partners(of: path, n: n)
        }

        let finalScorer = BeadScorer(zh: zhFeatures, en: enFeatures,
                                     evidence: PairEvidence(zh: zhFeatures, en: enFeatures, band: band, vocabularySize: vocabulary.count,
                                                            expected: expected),
                                     length: length, priors: priors)
        let confidence = ConfidenceModel(zh: zhFeatures, en: enFeatures, path: path, scorer: finalScorer,
                                         vocabularySize: vocabulary.count)
        if let g = ProcessInfo.processInfo.environment["BITEXT_DEBUG"], let text = try? String(contentsOfFile: g, encoding: .utf8),
           let gold = try? BeadNotation.parse(text, source: g) {
            for b in gold.prefix(40) where !b.zh.isEmpty && !b.en.isEmpty {
                let sim = finalScorer.similarity(zh: b.zh, en: b.en)
                let l = finalScorer.lengths(zh: b.zh, en: b.en)
                var line = "gold \(BeadNotation.line(b)) sim \(String(format: "%.3f", sim)) len \(String(format: "%.2f", finalScorer.length.deviation(zh: l.zh, en: l.en)))"
                if let p = path.first(where: { $0.i - $0.shape.zh <= b.zh.lowerBound && $0.i > b.zh.lowerBound }) {
                    let pz = (p.i - p.shape.zh)..<p.i, pe = (p.j - p.shape.en)..<p.j
                    let pl = finalScorer.lengths(zh: pz, en: pe)
                    line += "   pred \(BeadNotation.line(Bead(zh: pz, en: pe))) sim \(String(format: "%.3f", finalScorer.similarity(zh: pz, en: pe))) len \(String(format: "%.2f", finalScorer.length.deviation(zh: pl.zh, en: pl.en)))"
                }
                print(line)
            }
            print("priors", priors.sorted { $0.value > $1.value }.map { "\($0.key.zh)-\($0.key.en):\(String(format: "%.3f", $0.value))" })
            print("length", finalScorer.length)
        }
        let beads = path.map { step -> Bead in
            let zhRange = (step.i - step.shape.zh)..<step.i, enRange = (step.j - step.shape.en)..<step.j
            return Bead(zh: zhRange, en: enRange, confidence: confidence.confidence(zh: zhRange, en: enRange))
        }
        return Alignment(zh: zh, en: en, beads: beads)
    }

    /// Searches `band`; where the path runs along the band's edge, widens the band and searches again (twice at most).
    private func search(_ zh: [ChineseFeatures], _ en: [EnglishFeatures], band: SearchBand, length: LengthModel,
                        priors: [BeadShape: Double], vocabulary: Vocabulary, expected: [Int], widenOnEdge: Bool,
                        shapes: [BeadShape] = BeadShape.all,
                        progress: @escaping (Double) -> Void) -> [AlignmentSearch.Step] {
        var band = band
        var width = 24
        for attempt in 0..<3 {
            let evidence = PairEvidence(zh: zh, en: en, band: band, vocabularySize: vocabulary.count, expected: expected,
                                        maxSide: shapes.map { max($0.zh, $0.en) }.max() ?? 4)
            let scorer = BeadScorer(zh: zh, en: en, evidence: evidence, length: length, priors: priors)
            let path = AlignmentSearch.bestPath(n: zh.count, m: en.count, band: band, shapes: shapes, scorer: scorer,
                                                progress: progress)
            if ProcessInfo.processInfo.environment["BT_V"] != nil { print("search attempt", attempt, "cells", band.cellCount, "edge", path.filter { band.isOnEdge(i: $0.i, j: $0.j, m: en.count) }.count) }
            guard widenOnEdge, attempt < 2,
                  path.contains(where: { band.isOnEdge(i: $0.i, j: $0.j, m: en.count) }) else { return path }
            band = SearchBand(around: path.map { ($0.i, $0.j) }, n: zh.count, m: en.count, width: width)
            width *= 2
        }
        return []
    }

    /// For each Chinese sentence, the first English sentence its bead on `path` links (or the place it would be).
    static func partners(of path: [AlignmentSearch.Step], n: Int) -> [Int] {
        var result = [Int](repeating: 0, count: n)
        for step in path {
            for r in (step.i - step.shape.zh)..<step.i { result[r] = step.j - step.shape.en }
        }
        return result
    }

    /// Bead priors re-estimated from a first pass: its shape counts, smoothed towards the initial priors.
    static func refitPriors(_ shapes: [BeadShape]) -> [BeadShape: Double] {
        let strength = 20.0
        var counts: [BeadShape: Double] = [:]
        for s in shapes { counts[s, default: 0] += 1 }
        let total = Double(shapes.count) + strength
        return BeadShape.initialPriors.mapValues { _ in 0 }.reduce(into: [:]) { result, entry in
            let shape = entry.key
            result[shape] = ((counts[shape] ?? 0) + strength * BeadShape.initialPriors[shape]!) / total
        }
    }
}
