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

    init(zh: [Sentence], en: [Sentence], dictionary: BilingualDictionary, parameters: AlignerParameters = AlignerParameters()) throws(ICUError) {
        self.parameters = parameters
        self.zh = zh
        self.en = en
        table = TranslationTable(dictionary: dictionary, vocabulary: vocabulary)
        extractor = try FeatureExtractor(table: table)
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
        let anchors = AnchorFinder.anchors(zh: zhFeatures, en: enFeatures, vocabularySize: vocabulary.count, parameters: parameters)
        let band = AnchorFinder.band(anchors: anchors, n: n, m: m, width: parameters.anchorWidth)
        return search(band: band, expected: band.centers, shapes: BeadShape.coarse, progress: progress)
    }

    /// Fits the length model and (for short texts, whose first pass used every shape) the bead
    /// priors to the first path, and learns a lexicon from its well-supported beads.
    mutating func learn(from path: [AlignmentSearch.Step]) throws(ICUError) {
        let expected = Self.partners(of: path, n: zh.count)
        let band = SearchBand(around: path.map { ($0.i, $0.j) }, n: zh.count, m: en.count, width: 0)
        let scorer = makeScorer(band: band, expected: expected)
        let links = path.filter(\.shape.isLink).map { (zh: $0.zhRange, en: $0.enRange) }
        length.refit(pairs: links.filter { $0.zh.count == 1 && $0.en.count == 1 }.map { scorer.lengths(zh: $0.zh, en: $0.en) })
        if !isLong { priors = Self.refitPriors(path.map(\.shape)) }
        let supported = links.filter { scorer.similarity(zh: $0.zh, en: $0.en) >= LexiconLearner.minimumSupport }
        for pair in LexiconLearner.learn(zh: zhFeatures, en: enFeatures, beads: supported) {
            table.learn(pair.word, english: pair.english)
        }
        zhFeatures = try extractor.chinese(zh)
    }

    /// The final path: every shape, with the learned lexicon, near the first path (or everywhere for short texts).
    func secondPass(around path: [AlignmentSearch.Step], progress: @escaping (Double) -> Void) -> [AlignmentSearch.Step] {
        let n = zh.count, m = en.count
        let band = isLong ? SearchBand(around: path.map { ($0.i, $0.j) }, n: n, m: m, width: parameters.refineWidth)
            : SearchBand(fullWidthFor: n, m)
        return search(band: band, expected: Self.partners(of: path, n: n), progress: progress)
    }

    /// The beads of `path`, each with its confidence.
    func beads(_ path: [AlignmentSearch.Step]) -> [Bead] {
        // A band a few sentences wide: the beads' alternatives reach off the path.
        let band = SearchBand(around: path.map { ($0.i, $0.j) }, n: zh.count, m: en.count, width: BeadMargin.reach)
        let scorer = makeScorer(band: band, expected: Self.partners(of: path, n: zh.count))
        let confidence = ConfidenceModel(zh: zhFeatures, en: enFeatures, path: path, scorer: scorer,
                                         vocabularySize: vocabulary.count, parameters: parameters)
        let margins = BeadMargin.margins(of: path, scorer: scorer)
        let posteriors = AlignmentSearch.posteriors(of: path, n: zh.count, m: en.count, band: band, scorer: scorer,
                                                    sharpness: parameters.posteriorSharpness)
        return path.indices.map { k in
            let step = path[k]
            let evidence = confidence.confidence(zh: step.zhRange, en: step.enRange)
            // Calibrated on linked beads; an unlinked sentence keeps its evidence-based confidence.
            return Bead(zh: step.zhRange, en: step.enRange,
                        confidence: step.shape.isLink ? confidence.calibrated(evidence, margin: margins[k], posterior: posteriors[k]) : evidence)
        }
    }

    private func makeScorer(band: SearchBand, expected: [Int], maxSide: Int = PairEvidence.maxSide) -> BeadScorer {
        let evidence = PairEvidence(zh: zhFeatures, en: enFeatures, band: band, vocabularySize: vocabulary.count,
                                    expected: expected, maxSide: maxSide)
        return BeadScorer(zh: zhFeatures, en: enFeatures, paragraphStarts: paragraphStarts, evidence: evidence,
                          length: length, priors: priors, parameters: parameters)
    }

    /// Searches `band`; where a long text's path runs along the band's edge, widens the band around
    /// that path and searches again (twice at most).
    private func search(band: SearchBand, expected: [Int], shapes: [BeadShape] = BeadShape.all,
                        progress: @escaping (Double) -> Void) -> [AlignmentSearch.Step] {
        var band = band
        var path: [AlignmentSearch.Step] = []
        for attempt in 0..<3 {
            let scorer = makeScorer(band: band, expected: expected, maxSide: shapes.map { max($0.zh, $0.en) }.max() ?? 1)
            path = AlignmentSearch.bestPath(n: zh.count, m: en.count, band: band, shapes: shapes, scorer: scorer,
                                            progress: progress)
            guard isLong, attempt < 2, path.contains(where: { band.isOnEdge(i: $0.i, j: $0.j, m: en.count) }) else { break }
            band = SearchBand(around: path.map { ($0.i, $0.j) }, n: zh.count, m: en.count, width: parameters.widening << attempt)
        }
        return path
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
