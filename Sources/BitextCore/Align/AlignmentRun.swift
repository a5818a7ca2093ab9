import ICUKit

/// The state of aligning one pair of texts.
struct AlignmentRun {
    /// The tuning constants (band widths, the full-search size, the scorer's weights).
    let parameters: AlignerParameters
    let zh: [Sentence]
    let en: [Sentence]
    private let vocabulary = Vocabulary()
    private let table: TranslationTable
    private let extractor: FeatureExtractor
    private let enFeatures: [EnglishFeatures]
    private var zhFeatures: [ChineseFeatures]
    private let paragraphStarts: (zh: [Bool], en: [Bool])
    private var length: LengthModel
    private var priors = BeadShape.initialPriors
    private let isLong: Bool
    /// At most this many threads read the sentences and look for anchors.
    private let workers: Int

    init(zh: [Sentence], en: [Sentence], dictionary: BilingualDictionary, parameters: AlignerParameters = AlignerParameters(),
         workers: Int = Workers.cores) throws(ICUError) {
        self.parameters = parameters
        self.workers = workers
        self.zh = zh
        self.en = en
        table = TranslationTable(dictionary: dictionary, vocabulary: vocabulary)
        extractor = try FeatureExtractor(table: table, workers: workers)
        enFeatures = try extractor.english(en)  // first: it collects the names pinyin may match
        zhFeatures = try extractor.chinese(zh)
        paragraphStarts = (Self.paragraphStarts(zh), Self.paragraphStarts(en))
        length = LengthModel(zhLength: zhFeatures.reduce(0) { $0 + $1.length }, enLength: enFeatures.reduce(0) { $0 + $1.length },
                             variance: parameters.lengthVariance)
        isLong = zh.count * en.count > parameters.fullSearchCells
    }

    /// Per sentence, whether it begins a paragraph; all false when some sentence's paragraph is unknown.
    static func paragraphStarts(_ sentences: [Sentence]) -> [Bool] {
        guard sentences.allSatisfy({ $0.paragraph != nil }) else { return Array(repeating: false, count: sentences.count) }
        return sentences.indices.map { $0 == 0 || sentences[$0].paragraph != sentences[$0 - 1].paragraph }
    }

    /// The first path: the whole lattice for short texts; for long ones a band through anchors and
    /// only the common shapes, a coarse path for the second pass to refine.
    func firstPass(progress: @escaping (Double) -> Void) -> [AlignmentSearch.Step] {
        let n = zh.count, m = en.count
        guard isLong else {
            return search(band: SearchBand(fullWidthFor: n, m), expected: (0..<n).map { $0 * m / n }, progress: progress)
        }
        let anchors = AnchorFinder.anchors(zh: zhFeatures, en: enFeatures, vocabularySize: vocabulary.count, parameters: parameters,
                                           workers: workers)
        let band = AnchorFinder.band(anchors: anchors, n: n, m: m, width: parameters.anchorWidth)
        return search(band: band, expected: band.centers, shapes: BeadShape.coarse, progress: progress)
    }

    /// Fits the length model and (for short texts, whose first pass used every shape) the bead
    /// priors to the first path, and learns a lexicon from its well-supported beads.
    mutating func learn(from path: [AlignmentSearch.Step]) throws(ICUError) {
        let (lengths, supported) = measureLinks(of: path)
        length.refit(pairs: lengths)
        if !isLong { priors = Self.refitPriors(path.map(\.shape)) }
        for pair in LexiconLearner.learn(zh: extractor.analyses, en: enFeatures, beads: supported) {
            table.learn(pair.word, english: pair.english)
        }
        zhFeatures = []  // freed first: the new features take the old ones' memory
        zhFeatures = try extractor.chinese(zh, keepingAnalyses: false)
    }

    /// The lengths of `path`'s 1-1 beads and its beads with enough evidence to learn from. The
    /// beads are read in order, so the evidence streams (a few rows of memory, not the band's).
    private func measureLinks(of path: [AlignmentSearch.Step])
        -> (lengths: [(zh: Int, en: Int)], supported: [(zh: Range<Int>, en: Range<Int>)]) {
        let band = SearchBand(around: path.map { ($0.i, $0.j) }, n: zh.count, m: en.count, width: 0)
        let scorer: BeadScorer<StreamingPairEvidence> = makeScorer(band: band, expected: Self.partners(of: path, n: zh.count))
        let links = path.filter(\.shape.isLink).map { (zh: $0.zhRange, en: $0.enRange) }
        return (links.filter { $0.zh.count == 1 && $0.en.count == 1 }.map { scorer.lengths(zh: $0.zh, en: $0.en) },
                links.filter { scorer.similarity(zh: $0.zh, en: $0.en) >= LexiconLearner.minimumSupport })
    }

    /// The final path: every shape, with the learned lexicon, near the first path (or everywhere for short texts).
    func secondPass(around path: [AlignmentSearch.Step], progress: @escaping (Double) -> Void) -> [AlignmentSearch.Step] {
        let n = zh.count, m = en.count
        let band = isLong ? SearchBand(around: path.map { ($0.i, $0.j) }, n: n, m: m, width: parameters.refineWidth)
            : SearchBand(fullWidthFor: n, m)
        return search(band: band, expected: Self.partners(of: path, n: n), progress: progress)
    }

    /// The beads of `path`, each with its confidence, after a second look at its doubtful regions,
    /// clause by clause (`ClauseRefinement`); the confidence of the beads that changed is measured
    /// again in a window around them.
    func beads(_ path: [AlignmentSearch.Step]) throws(ICUError) -> [Bead] {
        // A band a few sentences wide: the beads' alternatives reach off the path.
        let band = SearchBand(around: path.map { ($0.i, $0.j) }, n: zh.count, m: en.count, width: BeadMargin.reach)
        let scorer: BeadScorer<PairEvidence> = makeScorer(band: band, expected: Self.partners(of: path, n: zh.count))
        // The posteriors on one core, each bead's evidence and margin on the other: both only read the scorer.
        let (zhFeatures, enFeatures, vocabularySize, parameters) = (zhFeatures, enFeatures, vocabulary.count, parameters)
        let (n, m) = (zh.count, en.count)
        let part = { @Sendable (w: Int) -> (values: [Double], margins: [Double], model: ConfidenceModel?) in
            guard w == 1 else {
                return (AlignmentSearch.posteriors(of: path, n: n, m: m, band: band, scorer: scorer, sharpness: parameters.posteriorSharpness), [], nil)
            }
            var model = ConfidenceModel(zh: zhFeatures, en: enFeatures, path: path, scorer: scorer,
                                        vocabularySize: vocabularySize, parameters: parameters)
            let evidence = path.map { model.confidence(zh: $0.zhRange, en: $0.enRange) }
            return (evidence, BeadMargin.margins(of: path, scorer: scorer), model)
        }
        let parts = workers > 1 ? Workers.run([0, 1]) { w, _ in part(w) } : [part(0), part(1)]
        var model = parts[1].model!
        let beads = Self.beads(path, posteriors: parts[0].values, evidence: parts[1].values, margins: parts[1].margins, model: model)
        let refinement = ClauseRefinement(zh: zh, en: en, zhFeatures: zhFeatures, enFeatures: enFeatures, paragraphStarts: paragraphStarts,
                                          extractor: extractor, vocabulary: vocabulary, length: length, priors: priors,
                                          parameters: parameters, workers: workers)
        let (refined, changed) = try refinement.refine(path, confidences: beads.map(\.confidence))
        guard !changed.isEmpty else { return beads }
        // The beads that did not change keep their confidence. A new bead's is measured as the
        // others' was, in a window of the path around its region: margins and evidence are local,
        // and the posterior there hardly depends on the path further off.
        var result: [Bead] = []
        result.reserveCapacity(refined.count)
        var next = 0
        for region in changed {
            result += beads[next..<region.old.lowerBound]
            next = region.old.upperBound
            let window = 2 * BeadMargin.reach
            let w = max(0, region.new.lowerBound - window)..<min(refined.count, region.new.upperBound + window)
            let first = refined[w.lowerBound], last = refined[w.upperBound - 1]
            let (i0, j0) = (first.i - first.shape.zh, first.j - first.shape.en)
            let slice = SearchBand(slicing: band, rows: i0...last.i, columns: j0...last.j)
            let steps = refined[w].map { $0.moved(-i0, -j0) }
            // A margin reads the bead's two neighbours only.
            let around = max(0, region.new.lowerBound - 1)..<min(refined.count, region.new.upperBound + 1)
            let neighbours = Array(steps[(around.lowerBound - w.lowerBound)..<(around.upperBound - w.lowerBound)])
            // Where the second look made a bead wider than the text's scorer knows (more than
            // `PairEvidence.maxSide` sentences a side), the window gets a scorer of its own, with the
            // whole text's evidence there.
            let wide = steps.contains { max($0.shape.zh, $0.shape.en) > scorer.evidence.maxSide }
            let local = wide ? BeadScorer<PairEvidence>(window: i0..<last.i, j0..<last.j, of: zhFeatures, enFeatures, paragraphStarts: paragraphStarts,
                                          band: slice, vocabularySize: vocabulary.count,
                                          chance: (scorer.evidence.zhChance, scorer.evidence.enChance),
                                          length: length, priors: priors, parameters: parameters) : nil
            func measured<S: BeadScoring>(by s: S) -> (posteriors: [Double], margins: [Double]) {
                (AlignmentSearch.posteriors(of: steps, n: last.i - i0, m: last.j - j0, band: slice, scorer: s,
                                            sharpness: parameters.posteriorSharpness),
                 BeadMargin.margins(of: neighbours, scorer: s))
            }
            let (posteriors, margins) = local.map { measured(by: $0) } ?? measured(by: ShiftedScorer(base: scorer, i0: i0, j0: j0))
            for k in region.new {
                let step = refined[k]
                let evidence = local.map { model.confidence(zh: step.zhRange, en: step.enRange, scoredBy: $0, from: i0, j0) }
                    ?? model.confidence(zh: step.zhRange, en: step.enRange)
                result.append(Self.bead(step, posterior: posteriors[k - w.lowerBound], evidence: evidence,
                                        margin: margins[k - around.lowerBound], model: model))
            }
        }
        return result + beads[next...]
    }

    /// The beads of `path` given each one's posterior, evidence-based confidence and margin.
    private static func beads(_ path: [AlignmentSearch.Step], posteriors: [Double], evidence: [Double], margins: [Double],
                              model: ConfidenceModel) -> [Bead] {
        path.indices.map { bead(path[$0], posterior: posteriors[$0], evidence: evidence[$0], margin: margins[$0], model: model) }
    }

    /// The bead of `step` with its confidence: calibrated on linked beads; an unlinked sentence
    /// keeps its evidence-based confidence.
    private static func bead(_ step: AlignmentSearch.Step, posterior: Double, evidence: Double, margin: Double, model: ConfidenceModel) -> Bead {
        Bead(zh: step.zhRange, en: step.enRange,
             confidence: step.shape.isLink ? model.calibrated(evidence, margin: margin, posterior: posterior) : evidence)
    }

    /// A scorer over `band` for beads of up to `maxSide` sentences a side: its evidence kept whole
    /// (`PairEvidence`), or streamed for one search that reads it in order (`StreamingPairEvidence`).
    private func makeScorer<Evidence: PairCoverage>(band: SearchBand, expected: [Int], maxSide: Int = PairEvidence.maxSide) -> BeadScorer<Evidence> {
        BeadScorer(zh: zhFeatures, en: enFeatures, paragraphStarts: paragraphStarts,
                   evidence: Evidence(zh: zhFeatures, en: enFeatures, band: band, vocabularySize: vocabulary.count,
                                      expected: expected, maxSide: maxSide, chance: nil),
                   length: length, priors: priors, parameters: parameters)
    }

    /// Searches `band`; where a long text's path runs along the band's edge, searches again only the
    /// stretches around those places, in a band widened around the path there (twice at most).
    private func search(band: SearchBand, expected: [Int], shapes: [BeadShape] = BeadShape.all,
                        progress: @escaping (Double) -> Void) -> [AlignmentSearch.Step] {
        let maxSide = shapes.map { max($0.zh, $0.en) }.max() ?? 1
        // The search streams its evidence: memory a few band rows deep, not a band's.
        let scorer: BeadScorer<StreamingPairEvidence> = makeScorer(band: band, expected: expected, maxSide: maxSide)
        var path = AlignmentSearch.bestPath(n: zh.count, m: en.count, band: band, shapes: shapes, scorer: scorer, progress: progress)
        guard isLong else { return path }
        let chance = (zh: scorer.evidence.zhChance, en: scorer.evidence.enChance)
        var band = band
        for attempt in 0..<2 {
            let edges = path.indices.filter { band.isOnEdge(i: path[$0].i, j: path[$0].j, m: en.count) }
            guard !edges.isEmpty else { break }
            var spliced: [AlignmentSearch.Step] = []
            var next = 0
            for stretch in Self.stretches(around: edges, count: path.count, margin: parameters.reSearchMargin) {
                spliced += path[next..<stretch.lowerBound]
                let (steps, searched) = reSearch(Array(path[stretch]), width: parameters.widening << attempt, shapes: shapes,
                                                 maxSide: maxSide, chance: chance)
                spliced += steps
                band = band.merging(searched.band, from: searched.i0, searched.j0)
                next = stretch.upperBound
            }
            path = spliced + path[next...]
        }
        return path
    }

    /// The runs of path steps within `margin` steps of an edge step, merged where they overlap.
    static func stretches(around edges: [Int], count: Int, margin: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for k in edges {
            let r = max(0, k - margin)..<min(count, k + margin + 1)
            if let last = result.last, r.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                result.append(r)
            }
        }
        return result
    }

    /// The best path over the stretch of the lattice that `steps` cross, in a band of half-width
    /// `width` around them, with pair evidence for that stretch only; and the band searched.
    private func reSearch(_ steps: [AlignmentSearch.Step], width: Int, shapes: [BeadShape], maxSide: Int,
                          chance: (zh: [Float], en: [Float])) -> (steps: [AlignmentSearch.Step], searched: (band: SearchBand, i0: Int, j0: Int)) {
        let first = steps[0], last = steps[steps.count - 1]
        let i0 = first.i - first.shape.zh, j0 = first.j - first.shape.en
        let n = last.i - i0, m = last.j - j0
        let band = SearchBand(around: [(i: 0, j: 0)] + steps.map { (i: $0.i - i0, j: $0.j - j0) }, n: n, m: m, width: width)
        let scorer = BeadScorer<StreamingPairEvidence>(window: i0..<last.i, j0..<last.j, of: zhFeatures, enFeatures, paragraphStarts: paragraphStarts,
                                                       band: band, vocabularySize: vocabulary.count, chance: chance, maxSide: maxSide,
                                                       length: length, priors: priors, parameters: parameters)
        let found = AlignmentSearch.bestPath(n: n, m: m, band: band, shapes: shapes, scorer: scorer)
        return (found.map { $0.moved(i0, j0) }, (band, i0, j0))
    }

    /// For each Chinese sentence, the first English sentence its bead on `path` links (or the place it would be).
    static func partners(of path: [AlignmentSearch.Step], n: Int) -> [Int] {
        var result = [Int](repeating: 0, count: n)
        for step in path {
            for r in step.zhRange { result[r] = step.j - step.shape.en }
        }
        return result
    }

    /// Bead priors re-estimated from a first pass: its shape counts, smoothed towards the initial priors.
    static func refitPriors(_ shapes: [BeadShape]) -> [BeadShape: Double] {
        let strength = 20.0
        var counts: [BeadShape: Double] = [:]
        for s in shapes { counts[s, default: 0] += 1 }
        let total = Double(shapes.count) + strength
        return BeadShape.initialPriors.reduce(into: [:]) { result, entry in
            result[entry.key] = ((counts[entry.key] ?? 0) + strength * entry.value) / total
        }
    }
}
