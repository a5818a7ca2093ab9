import ICUKit

/// A second look at the doubtful regions of a path, clause by clause. Around the beads whose
/// confidence is low, the sentences are split into clauses (`ClauseSplitter`) and the region's
/// sentence lattice is searched again, near the old beads, with each bead scored by its own score
/// plus the score of its clauses' best alignment inside it (the same scorer, on clauses). A bead
/// whose clauses find their partners in order inside it gains; one that cuts a clause from its
/// translation leaves that clause unmatched and loses. So the last clause of speech
/// (“小桂子，你去哪里？” after a long narrative sentence) pulls its English sentence into the bead it
/// belongs to, where the sentences' word counts alone could not tell. The rest of the path stays.
struct ClauseRefinement {
    let zh: [Sentence]
    let en: [Sentence]
    /// The sentences' own features and paragraph starts, for the beads' own scores.
    let zhFeatures: [ChineseFeatures]
    let enFeatures: [EnglishFeatures]
    let paragraphStarts: (zh: [Bool], en: [Bool])
    let extractor: FeatureExtractor
    let vocabulary: Vocabulary
    let length: LengthModel
    let priors: [BeadShape: Double]
    let parameters: AlignerParameters
    /// Threads that search regions at once (each region alone, so the path does not depend on it).
    var workers = 1

    /// `path` with its doubtful regions (beads below `AlignerParameters.refineBelow`, given
    /// `confidences` in path order, and beads as wide as the sentence passes allow, with
    /// `refineContext` beads on each side) searched again, and where the beads changed, in the old
    /// path and in the new.
    func refine(_ path: [AlignmentSearch.Step], confidences: [Double]) throws(ICUError)
        -> (path: [AlignmentSearch.Step], changed: [(old: Range<Int>, new: Range<Int>)]) {
        // A bead of four sentences on a side may be a wider one the passes had to cut (mac-dev's
        // gold 1-5 and 1-6 beads came out as 1-4 beside a 1-2 or 1-3): it is looked at too.
        let doubtful = parameters.refineBelow <= 0 ? [] : confidences.indices.filter {
            confidences[$0] < parameters.refineBelow || max(path[$0].shape.zh, path[$0].shape.en) >= PairEvidence.maxSide
        }
        let regions = Self.regions(doubtful: doubtful,
                                   count: path.count, context: parameters.refineContext, maxSteps: parameters.refineMaxSteps)
        guard !regions.isEmpty else { return (path, []) }
        // A book's regions are read a share at a time, so that their clauses' features do not all
        // take memory at once.
        var found: [[AlignmentSearch.Step]] = []
        for start in stride(from: 0, to: regions.count, by: Self.regionsPerRead) {
            found += try realigned(Array(regions[start..<min(regions.count, start + Self.regionsPerRead)]), of: path)
        }
        var result: [AlignmentSearch.Step] = []
        var changed: [(old: Range<Int>, new: Range<Int>)] = []
        var next = 0
        for (region, steps) in zip(regions, found) {
            result += path[next..<region.lowerBound]
            if steps != Array(path[region]) { changed.append((region, result.count..<(result.count + steps.count))) }
            result += steps
            next = region.upperBound
        }
        return (result + path[next...], changed)
    }

    /// Regions whose clauses are read at once (about 2,000 clauses a side).
    static let regionsPerRead = 200

    /// `regions` of `path` searched again, in order.
    private func realigned(_ regions: [Range<Int>], of path: [AlignmentSearch.Step]) throws(ICUError) -> [[AlignmentSearch.Step]] {
        // The clauses of the regions' sentences, read in one pass so that their weights (inverse
        // clause frequency) are measured over all of them. Every sentence has a clause, though it
        // be empty, so that the clause lists keep the sentences' order.
        var zhClauses: [Sentence] = [], enClauses: [Sentence] = []
        var zhSentenceOf: [Int] = [], enSentenceOf: [Int] = []
        for region in regions {
            let (zhRange, enRange) = Self.sentences(of: path[region])
            for i in zhRange {
                for c in ClauseSplitter.clauses(zh[i].text, language: .zh, minimumLength: parameters.minimumClauseZh).orEmpty {
                    zhClauses.append(Sentence(text: c, language: .zh))
                    zhSentenceOf.append(i)
                }
            }
            for j in enRange {
                for c in ClauseSplitter.clauses(en[j].text, language: .en, minimumLength: parameters.minimumClauseEn).orEmpty {
                    enClauses.append(Sentence(text: c, language: .en))
                    enSentenceOf.append(j)
                }
            }
        }
        let enClauseFeatures = try extractor.english(enClauses)
        let zhClauseFeatures = try extractor.chinese(zhClauses, keepingAnalyses: false)
        // Chance levels against clauses several sentences away: the clauses next to a clause's
        // partner are often the rest of its translation.
        var scratch = RowScratch(vocabularySize: vocabulary.count)
        let far = min(zhClauses.count, enClauses.count) > 2 * Self.chanceOffsets.last!
        let chance = PairEvidence.chanceLevels(zh: zhClauseFeatures, en: enClauseFeatures,
                                               expected: zhClauses.indices.map { $0 * enClauses.count / zhClauses.count },
                                               offsets: far ? Self.chanceOffsets : PairEvidence.chanceOffsets, scratch: &scratch)
        var zhStart = 0, enStart = 0  // the region's first clause in those lists
        let jobs = regions.map { region -> (old: [AlignmentSearch.Step], clauses: Clauses) in
            let (zhRange, enRange) = Self.sentences(of: path[region])
            let zh = zhStart..<(zhStart + zhSentenceOf[zhStart...].prefix { zhRange.contains($0) }.count)
            let en = enStart..<(enStart + enSentenceOf[enStart...].prefix { enRange.contains($0) }.count)
            (zhStart, enStart) = (zh.upperBound, en.upperBound)
            return (Array(path[region]), Clauses(zh: Array(zhClauseFeatures[zh]), en: Array(enClauseFeatures[en]),
                                                 chance: (Array(chance.0[zh]), Array(chance.1[en])),
                                                 zhFirst: Self.firstClauses(zhSentenceOf[zh]), enFirst: Self.firstClauses(enSentenceOf[en])))
        }
        let search = RegionSearch(zhFeatures: zhFeatures, enFeatures: enFeatures, paragraphStarts: paragraphStarts,
                                  vocabularySize: vocabulary.count, length: length, priors: priors, parameters: parameters)
        let count = min(workers, Workers.count(for: jobs.count, perWorker: Self.regionsPerWorker))
        return Workers.map(jobs.count, states: Array(repeating: (), count: count)) { _, k in
            search.realigned(jobs[k].old, clauses: jobs[k].clauses)
        }.elements
    }

    /// Regions below which one more worker does not pay for its start.
    static let regionsPerWorker = 8

    /// Offsets from a clause's expected partner, in clauses, at which unrelated clauses are
    /// sampled for chance levels (in a text of fewer clauses, the sentences' offsets).
    static let chanceOffsets = [-60, -45, -30, -20, 20, 30, 45, 60]

    /// The clauses of a region's sentences: their features, what unrelated clauses cover of each,
    /// and each sentence's first clause (the clause count last).
    struct Clauses {
        let zh: [ChineseFeatures]
        let en: [EnglishFeatures]
        let chance: (zh: [Float], en: [Float])
        let zhFirst: [Int]
        let enFirst: [Int]
    }

    /// What searching a region again reads, shared by the workers: the sentences' own features,
    /// the text's length model and shape priors.
    struct RegionSearch: Sendable {
        let zhFeatures: [ChineseFeatures]
        let enFeatures: [EnglishFeatures]
        let paragraphStarts: (zh: [Bool], en: [Bool])
        let vocabularySize: Int
        let length: LengthModel
        let priors: [BeadShape: Double]
        let parameters: AlignerParameters

        /// The region `old` searched again in a band of `clauseBand` sentences around it, each bead
        /// scored by its own score plus `clauseWeight` times its clauses' best alignment inside it.
        func realigned(_ old: [AlignmentSearch.Step], clauses: Clauses) -> [AlignmentSearch.Step] {
            let (zhRange, enRange) = ClauseRefinement.sentences(of: old[...])
            let (i0, j0) = (zhRange.lowerBound, enRange.lowerBound)
            let (rows, columns) = (zhRange.count, enRange.count)
            // Sentences of one side only (unmatched ones at a text's edge): nothing to pair them with.
            guard rows > 0, columns > 0 else { return old }
            let (n, m) = (clauses.zh.count, clauses.en.count)
            let relative = old.map { $0.moved(-i0, -j0) }
            let band = SearchBand(around: [(i: 0, j: 0)] + relative.map { (i: $0.i, j: $0.j) }, n: rows, m: columns, width: parameters.clauseBand)
            let sentences = BeadScorer<PairEvidence>(window: zhRange, enRange, of: zhFeatures, enFeatures, paragraphStarts: paragraphStarts, band: band,
                                       vocabularySize: vocabularySize, expected: AlignmentRun.partners(of: relative, n: rows),
                                       length: length, priors: priors, parameters: parameters)
            let clauseScorer = BeadScorer(zh: clauses.zh, en: clauses.en,
                                          paragraphStarts: (Array(repeating: false, count: n), Array(repeating: false, count: m)),
                                          evidence: PairEvidence(zh: clauses.zh, en: clauses.en, band: SearchBand(fullWidthFor: n, m),
                                                                 vocabularySize: vocabularySize, expected: [], chance: clauses.chance),
                                          length: length, priors: priors, parameters: parameters)
            let scorer = ClauseAwareScorer(sentences: sentences, inner: InnerScores(zhFirst: clauses.zhFirst, enFirst: clauses.enFirst, scorer: clauseScorer),
                                           weight: parameters.clauseWeight)
            return AlignmentSearch.bestPath(n: rows, m: columns, band: band, shapes: BeadShape.wide, scorer: scorer)
                .map { $0.moved(i0, j0) }
        }
    }

    /// Scores a region's sentence beads: their own score plus `weight` times their clauses' best
    /// alignment inside them.
    struct ClauseAwareScorer<Inner: BeadScoring>: BeadScoring {
        let sentences: BeadScorer<PairEvidence>
        let inner: InnerScores<Inner>
        let weight: Double

        func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
            sentences.score(shape, i: i, j: j) + weight * inner.score(shape, from: i - shape.zh, j - shape.en)
        }
    }

    /// For the beads of up to `BeadShape.maxWideSide` sentences a side, the score of the best alignment of their
    /// clauses under `scorer` (a scorer over the clause lattice), computed on first use: one clause
    /// search from a bead's start serves every shape.
    final class InnerScores<Scorer: BeadScoring> {
        /// Each sentence's first clause, and the clause count last.
        private let zhFirst: [Int], enFirst: [Int]
        private let scorer: Scorer
        /// By bead start (a × (English sentences + 1) + b), the scores by `BeadShape.slot`.
        private var cache: [Int: [Double]] = [:]

        init(zhFirst: [Int], enFirst: [Int], scorer: Scorer) {
            self.zhFirst = zhFirst
            self.enFirst = enFirst
            self.scorer = scorer
        }

        /// The best clause score of the bead of `shape` after `a` Chinese and `b` English sentences
        /// (−∞ past the region's end).
        func score(_ shape: BeadShape, from a: Int, _ b: Int) -> Double {
            let key = a * enFirst.count + b
            if let known = cache[key] { return known[shape.slot] }
            let found = search(from: a, b)
            cache[key] = found
            return found[shape.slot]
        }

        /// The clause search from the start of Chinese sentence `a` and English sentence `b`.
        private func search(from a: Int, _ b: Int) -> [Double] {
            let (rows, columns) = (zhFirst.count - 1, enFirst.count - 1)
            let side = BeadShape.maxWideSide
            let (z0, e0) = (zhFirst[a], enFirst[b])
            let (z1, e1) = (zhFirst[min(rows, a + side)], enFirst[min(columns, b + side)])
            let width = e1 - e0 + 1
            // Best clause path scores from (z0, e0) to every point up to (z1, e1).
            var best = [Double](repeating: -.infinity, count: (z1 - z0 + 1) * width)
            best[0] = 0
            for x in 0...(z1 - z0) {
                for y in 0...(e1 - e0) where x > 0 || y > 0 {
                    var top = -Double.infinity
                    for shape in BeadShape.all where shape.zh <= x && shape.en <= y {
                        let previous = best[(x - shape.zh) * width + y - shape.en]
                        if previous > -.infinity { top = max(top, previous + scorer.score(shape, i: z0 + x, j: e0 + y)) }
                    }
                    best[x * width + y] = top
                }
            }
            var scores = [Double](repeating: -.infinity, count: BeadShape.slotCount)
            for shape in BeadShape.wide where a + shape.zh <= rows && b + shape.en <= columns {
                scores[shape.slot] = best[(zhFirst[a + shape.zh] - z0) * width + enFirst[b + shape.en] - e0]
            }
            return scores
        }
    }

    /// The index of each sentence's first clause in a run of clauses (`sentenceOf` gives each
    /// clause's sentence, in order, every sentence at least once), and the clause count last.
    static func firstClauses(_ sentenceOf: ArraySlice<Int>) -> [Int] {
        let clauses = Array(sentenceOf)
        return clauses.indices.filter { $0 == 0 || clauses[$0] != clauses[$0 - 1] } + [clauses.count]
    }

    /// The Chinese and English sentences the steps `steps` link.
    static func sentences(of steps: ArraySlice<AlignmentSearch.Step>) -> (zh: Range<Int>, en: Range<Int>) {
        let first = steps.first!, last = steps.last!
        return ((first.i - first.shape.zh)..<last.i, (first.j - first.shape.en)..<last.j)
    }

    /// The runs of path steps within `context` steps of a doubtful one, merged where they touch, at
    /// most `maxSteps` steps each (a longer run is left as it is).
    static func regions(doubtful: [Int], count: Int, context: Int, maxSteps: Int) -> [Range<Int>] {
        AlignmentRun.stretches(around: doubtful, count: count, margin: context).filter { $0.count <= maxSteps }
    }
}

private extension Array where Element == String {
    /// The strings, or one empty string for none.
    var orEmpty: [String] { isEmpty ? [""] : self }
}
