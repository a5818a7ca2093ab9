@testable import BitextCore
import XCTest

/// The dynamic programme and its band, against brute force on small lattices.
final class AlignmentSearchTests: XCTestCase {
    /// Reproducible pseudo-random numbers (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A scorer with a fixed pseudo-random value per (shape, i, j).
    struct TableScorer: BeadScoring {
        let seed: UInt64
        func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
            var g = Seeded(state: seed ^ UInt64(shape.zh * 7 + shape.en) << 40 ^ UInt64(i) << 20 ^ UInt64(j))
            return Double.random(in: -1...1, using: &g)
        }
    }

    /// Rewards exactly the beads of `path`; every other bead costs.
    struct PathScorer: BeadScoring {
        let path: Set<[Int]>
        func score(_ shape: BeadShape, i: Int, j: Int) -> Double { path.contains([shape.zh, shape.en, i, j]) ? 1 : -1 }
    }

    /// The best total score over every path from (0, 0) to (n, m) inside `band`, by enumeration.
    private func bruteForce(n: Int, m: Int, band: SearchBand, scorer: some BeadScoring) -> Double {
        func inside(_ i: Int, _ j: Int) -> Bool { band.lo[i] <= j && j <= band.hi[i] }
        func walk(_ i: Int, _ j: Int) -> Double {
            if i == n && j == m { return 0 }
            var best = -Double.infinity
            for shape in BeadShape.all where i + shape.zh <= n && j + shape.en <= m && inside(i + shape.zh, j + shape.en) {
                best = max(best, scorer.score(shape, i: i + shape.zh, j: j + shape.en) + walk(i + shape.zh, j + shape.en))
            }
            return best
        }
        return walk(0, 0)
    }

    private func total(_ steps: [AlignmentSearch.Step], _ scorer: some BeadScoring) -> Double {
        steps.reduce(0) { $0 + scorer.score($1.shape, i: $1.i, j: $1.j) }
    }

    /// The steps join up from (0, 0) to (n, m) and stay inside the band.
    private func assertConnected(_ steps: [AlignmentSearch.Step], n: Int, m: Int, band: SearchBand,
                                 file: StaticString = #filePath, line: UInt = #line) {
        var (i, j) = (0, 0)
        for s in steps {
            XCTAssertEqual(s.zhRange.lowerBound, i, file: file, line: line)
            XCTAssertEqual(s.enRange.lowerBound, j, file: file, line: line)
            (i, j) = (s.i, s.j)
            XCTAssertTrue(band.lo[i] <= j && j <= band.hi[i], "(\(i), \(j)) outside the band", file: file, line: line)
        }
        XCTAssertEqual(i, n, file: file, line: line)
        XCTAssertEqual(j, m, file: file, line: line)
    }

    func testBestPathFindsAHandCheckedPath() {
        // 1-1, 2-1, 1-0, 1-2, 0-1 over 5 Chinese and 5 English sentences.
        let path: [[Int]] = [[1, 1, 1, 1], [2, 1, 3, 2], [1, 0, 4, 2], [1, 2, 5, 4], [0, 1, 5, 5]]
        let scorer = PathScorer(path: Set(path))
        let steps = AlignmentSearch.bestPath(n: 5, m: 5, band: SearchBand(fullWidthFor: 5, 5), scorer: scorer)
        XCTAssertEqual(steps.map { [$0.shape.zh, $0.shape.en, $0.i, $0.j] }, path)
        XCTAssertEqual(steps.map(\.zhRange), [0..<1, 1..<3, 3..<4, 4..<5, 5..<5])
        XCTAssertEqual(steps.map(\.enRange), [0..<1, 1..<2, 2..<2, 2..<4, 4..<5])
    }

    func testBordersAndEmptyTexts() {
        let scorer = TableScorer(seed: 1)
        XCTAssertEqual(AlignmentSearch.bestPath(n: 0, m: 0, band: SearchBand(fullWidthFor: 0, 0), scorer: scorer), [])
        let english = AlignmentSearch.bestPath(n: 0, m: 3, band: SearchBand(fullWidthFor: 0, 3), scorer: scorer)
        XCTAssertEqual(english.map(\.shape), Array(repeating: BeadShape(zh: 0, en: 1), count: 3), "only English: all unmatched")
        let chinese = AlignmentSearch.bestPath(n: 3, m: 0, band: SearchBand(fullWidthFor: 3, 0), scorer: scorer)
        XCTAssertEqual(chinese.map(\.shape), Array(repeating: BeadShape(zh: 1, en: 0), count: 3))
    }

    func testBestPathIsOptimalAgainstBruteForceInFullAndNarrowBands() {
        var g = Seeded(state: 42)
        for trial in 0..<60 {
            let n = Int.random(in: 1...4, using: &g), m = Int.random(in: 1...4, using: &g)
            let scorer = TableScorer(seed: UInt64(trial))
            let bands = [SearchBand(fullWidthFor: n, m),
                         SearchBand(n: n, m: m, center: { Double($0) * Double(m) / Double(n) }, width: { _ in Int.random(in: 0...1, using: &g) })]
            for band in bands {
                let steps = AlignmentSearch.bestPath(n: n, m: m, band: band, scorer: scorer)
                assertConnected(steps, n: n, m: m, band: band)
                XCTAssertEqual(total(steps, scorer), bruteForce(n: n, m: m, band: band, scorer: scorer), accuracy: 1e-9,
                               "trial \(trial), \(n)×\(m)")
            }
        }
    }

    /// Every path from (0, 0) to (n, m) inside `band`, as its steps.
    private func allPaths(n: Int, m: Int, band: SearchBand) -> [[AlignmentSearch.Step]] {
        func inside(_ i: Int, _ j: Int) -> Bool { band.lo[i] <= j && j <= band.hi[i] }
        func walk(_ i: Int, _ j: Int) -> [[AlignmentSearch.Step]] {
            if i == n && j == m { return [[]] }
            var result: [[AlignmentSearch.Step]] = []
            for shape in BeadShape.all where i + shape.zh <= n && j + shape.en <= m && inside(i + shape.zh, j + shape.en) {
                let step = AlignmentSearch.Step(shape: shape, i: i + shape.zh, j: j + shape.en)
                result += walk(step.i, step.j).map { [step] + $0 }
            }
            return result
        }
        return walk(0, 0)
    }

    func testPosteriorsAgainstEnumerationOfEveryPath() {
        // The larger texts in a narrow band only: enough rows for both passes' rings to wrap.
        let narrow = { (n: Int, m: Int) in SearchBand(n: n, m: m, center: { Double($0 * m) / Double(n) }, width: { _ in 1 }) }
        for (seed, (n, m)) in [(3, 3), (4, 3), (2, 5), (4, 4), (7, 6)].enumerated() {
            for (band, sharpness) in (n > 4 ? [] : [(SearchBand(fullWidthFor: n, m), 1.0)]) + [(narrow(n, m), 0.5)] {
                let scorer = TableScorer(seed: UInt64(seed + 11))
                let paths = allPaths(n: n, m: m, band: band)
                let weights = paths.map { exp(total($0, scorer) * sharpness) }
                let z = weights.reduce(0, +)
                let best = AlignmentSearch.bestPath(n: n, m: m, band: band, scorer: scorer)
                let posteriors = AlignmentSearch.posteriors(of: best, n: n, m: m, band: band, scorer: scorer, sharpness: sharpness)
                for (step, posterior) in zip(best, posteriors) {
                    let holding = zip(paths, weights).filter { $0.0.contains(step) }.reduce(0) { $0 + $1.1 }
                    XCTAssertEqual(posterior, holding / z, accuracy: 1e-9, "\(n)×\(m), bead \(step)")
                }
                if paths.count > 1 { XCTAssertTrue(posteriors.contains { $0 < 1 }, "alternatives take some of the weight") }
            }
        }
    }

    func testPosteriorOfAPathWithNoAlternativeIsOne() {
        let band = SearchBand(fullWidthFor: 0, 2)  // only English: unmatched sentences are the only way
        let path = AlignmentSearch.bestPath(n: 0, m: 2, band: band, scorer: TableScorer(seed: 3))
        let posteriors = AlignmentSearch.posteriors(of: path, n: 0, m: 2, band: band, scorer: TableScorer(seed: 3))
        XCTAssertEqual(posteriors.count, 2)
        for p in posteriors { XCTAssertEqual(p, 1, accuracy: 1e-12) }
    }

    func testBandsAreMonotoneConnectedAndSpanTheLattice() {
        var g = Seeded(state: 7)
        for _ in 0..<200 {
            let n = Int.random(in: 0...30, using: &g), m = Int.random(in: 0...30, using: &g)
            let slope = Double.random(in: 0...3, using: &g), offset = Double.random(in: -5...5, using: &g)
            let band = SearchBand(n: n, m: m, center: { slope * Double($0) + offset }, width: { _ in Int.random(in: 0...4, using: &g) })
            XCTAssertEqual(band.rows, n + 1)
            XCTAssertEqual(band.lo[0], 0)
            XCTAssertEqual(band.hi[n], m)
            for i in 0...n {
                XCTAssertLessThanOrEqual(band.lo[i], band.hi[i])
                XCTAssertTrue((0...m).contains(band.lo[i]) && (0...m).contains(band.hi[i]))
                if i > 0 {
                    XCTAssertLessThanOrEqual(band.lo[i - 1], band.lo[i], "lo never decreases")
                    XCTAssertLessThanOrEqual(band.hi[i - 1], band.hi[i], "hi never decreases")
                    XCTAssertLessThanOrEqual(band.lo[i], band.hi[i - 1], "each row reachable from the one before")
                }
            }
            // So a path always exists: the search reaches (n, m).
            let steps = AlignmentSearch.bestPath(n: n, m: m, band: band, scorer: TableScorer(seed: 3))
            if n + m > 0 { XCTAssertEqual(steps.last.map { [$0.i, $0.j] }, [n, m]) }
        }
    }

    func testStretchesAroundEdgePointsMergeWhereTheyOverlap() {
        XCTAssertEqual(AlignmentRun.stretches(around: [], count: 50, margin: 3), [])
        XCTAssertEqual(AlignmentRun.stretches(around: [1, 5, 20], count: 50, margin: 3), [0..<9, 17..<24])
        XCTAssertEqual(AlignmentRun.stretches(around: [10, 16], count: 50, margin: 3), [7..<20], "touching runs merge")
        XCTAssertEqual(AlignmentRun.stretches(around: [48], count: 50, margin: 3), [45..<50], "clipped at the path's end")
    }

    func testMergingBandsKeepsBothAndStaysMonotone() {
        var rng = Seeded(state: 7)
        for _ in 0..<200 {
            let n = Int.random(in: 4...30, using: &rng), m = Int.random(in: 4...30, using: &rng)
            let band = SearchBand(n: n, m: m, center: { Double($0 * m) / Double(n) }, width: { _ in 1 })
            let i0 = Int.random(in: 0..<n, using: &rng), i1 = Int.random(in: (i0 + 1)...n, using: &rng)
            let j0 = band.lo[i0], j1 = max(j0, band.hi[i1])
            let part = SearchBand(n: i1 - i0, m: j1 - j0, center: { Double($0 * (j1 - j0)) / Double(i1 - i0) }, width: { _ in 3 })
            let merged = band.merging(part, from: i0, j0)
            for i in 0...n {
                XCTAssertLessThanOrEqual(merged.lo[i], band.lo[i])
                XCTAssertGreaterThanOrEqual(merged.hi[i], band.hi[i])
                if i > 0 { XCTAssertLessThanOrEqual(merged.lo[i - 1], merged.lo[i]); XCTAssertLessThanOrEqual(merged.hi[i - 1], merged.hi[i]) }
            }
            for k in 0...(i1 - i0) {
                XCTAssertLessThanOrEqual(merged.lo[i0 + k], part.lo[k] + j0)
                XCTAssertGreaterThanOrEqual(merged.hi[i0 + k], part.hi[k] + j0)
            }
        }
    }

    func testAnchorsDoNotDependOnHowManyWorkersShareTheSentences() throws {
        let base = try Fixtures.shared("data/align/bible/001")
        let zhSentences = try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh)
        let enSentences = try DocumentReader().readSentencePerLine(path: base + ".en", language: .en)
        let vocabulary = Vocabulary()
        let extractor = try FeatureExtractor(table: TranslationTable(dictionary: SharedDictionary.embedded, vocabulary: vocabulary))
        let en = try extractor.english(enSentences), zh = try extractor.chinese(zhSentences)
        let one = AnchorFinder.anchors(zh: zh, en: en, vocabularySize: vocabulary.count, workers: 1)
        XCTAssertGreaterThan(one.count, zh.count / 20, "anchors found: \(one.count)")
        for workers in [2, 3] {
            let many = AnchorFinder.anchors(zh: zh, en: en, vocabularySize: vocabulary.count, workers: workers)
            XCTAssertEqual(many.map { [$0.zh, $0.en] }, one.map { [$0.zh, $0.en] }, "\(workers) workers")
        }
    }

    /// Features read by several workers, each a share of the sentences with ids made final in
    /// order, equal those one reader gives: the same vocabulary, ids, candidates and weights, before
    /// and after the table learns a word (the second Chinese call reuses the segmentation).
    func testFeaturesDoNotDependOnHowManyWorkersReadTheSentences() throws {
        let base = try Fixtures.shared("data/align/bible/001")
        let zhSentences = Array(try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh).prefix(1_600))
        let enSentences = Array(try DocumentReader().readSentencePerLine(path: base + ".en", language: .en).prefix(1_200))
        func read(workers: Int) throws -> (words: [String], en: [EnglishFeatures], zh: [ChineseFeatures], relearned: [ChineseFeatures]) {
            let vocabulary = Vocabulary()
            let table = TranslationTable(dictionary: SharedDictionary.embedded, vocabulary: vocabulary)
            let extractor = try FeatureExtractor(table: table, workers: workers)
            let en = try extractor.english(enSentences), zh = try extractor.chinese(zhSentences)
            table.learn(Array("耶和华".unicodeScalars), english: vocabulary.id("lord"))
            return (vocabulary.words, en, zh, try extractor.chinese(zhSentences))
        }
        let one = try read(workers: 1)
        XCTAssertNotEqual(one.zh, one.relearned, "the learned word adds candidates")
        for workers in [2, 3] {
            let many = try read(workers: workers)
            XCTAssertEqual(many.words, one.words, "\(workers) workers: vocabulary")
            XCTAssertTrue(many.en == one.en, "\(workers) workers: English features")
            XCTAssertTrue(many.zh == one.zh, "\(workers) workers: Chinese features")
            XCTAssertTrue(many.relearned == one.relearned, "\(workers) workers: Chinese features after learning")
        }
    }

    /// The learner skips pairs whose counts alone rule out the Dice threshold; what it learns must
    /// equal a count of every word–id pair of every bead, on a real text.
    func testLexiconLearnerLearnsWhatCountingEveryPairGives() throws {
        let base = try Fixtures.shared("data/align/bible/001")
        let zhSentences = Array(try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh).prefix(400))
        let enSentences = Array(try DocumentReader().readSentencePerLine(path: base + ".en", language: .en).prefix(400))
        let extractor = try FeatureExtractor(table: TranslationTable(dictionary: SharedDictionary.embedded, vocabulary: Vocabulary()))
        let en = try extractor.english(enSentences)
        _ = try extractor.chinese(zhSentences)
        let gold = try BeadNotation.parse(String(contentsOfFile: base + ".align", encoding: .utf8), source: base + ".align")
        let beads = gold.filter { !$0.zh.isEmpty && !$0.en.isEmpty && $0.zh.upperBound <= 400 && $0.en.upperBound <= 400 }.map { (zh: $0.zh, en: $0.en) }
        let learned = LexiconLearner.learn(zh: extractor.analyses, en: en, beads: beads)
        // Brute force: every pair of a bead's distinct words and ids.
        var wordCount: [[Unicode.Scalar]: Int] = [:], idCount: [Int32: Int] = [:], joint: [[Unicode.Scalar]: [Int32: Int]] = [:]
        for bead in beads {
            let words = Set(bead.zh.flatMap { r in extractor.analyses[r].words.map { $0.map(\.scalar) } })
            let ids = Set(bead.en.flatMap { en[$0].ids })
            for w in words { wordCount[w, default: 0] += 1 }
            for id in ids { idCount[id, default: 0] += 1 }
            for w in words { for id in ids { joint[w, default: [:]][id, default: 0] += 1 } }
        }
        var expected: [String] = []
        for (w, counts) in joint {
            let kept = counts.compactMap { id, c -> (Int32, Double)? in
                guard c >= LexiconLearner.minimumCount else { return nil }
                let dice = 2 * Double(c) / Double(wordCount[w]! + idCount[id]!)
                return dice >= LexiconLearner.minimumDice ? (id, dice) : nil
            }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(LexiconLearner.perWord)
            expected += kept.map { "\(String(String.UnicodeScalarView(w))) \($0.0) \($0.1)" }
        }
        let got = learned.map { "\(String(String.UnicodeScalarView($0.word))) \($0.english) \($0.dice)" }
        XCTAssertGreaterThan(got.count, 100)
        XCTAssertEqual(got.sorted(), expected.sorted())
        XCTAssertFalse(LexiconLearner.mayReachDice(2, 200), "a word seen twice and an id seen 200 times")
        XCTAssertTrue(LexiconLearner.mayReachDice(30, 40))
    }

    /// PairEvidence keeps only a band row's depth of cover masks: every union it stores must equal
    /// the union computed from scratch, sentence pair by sentence pair, on a real text and a band;
    /// and streaming evidence, read row by row as the search reads it, the same unions.
    func testPairEvidenceUnionsMatchBruteForce() throws {
        let base = try Fixtures.shared("data/align/mac-dev/001")
        let zhSentences = Array(try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh).prefix(60))
        let enSentences = Array(try DocumentReader().readSentencePerLine(path: base + ".en", language: .en).prefix(60))
        let vocabulary = Vocabulary()
        let extractor = try FeatureExtractor(table: TranslationTable(dictionary: SharedDictionary.embedded, vocabulary: vocabulary))
        let en = try extractor.english(enSentences), zh = try extractor.chinese(zhSentences)
        let (n, m) = (zh.count, en.count)
        let band = SearchBand(n: n, m: m, center: { Double($0) * Double(m) / Double(n) }, width: { _ in 5 })
        let evidence = PairEvidence(zh: zh, en: en, band: band, vocabularySize: vocabulary.count, expected: Array(0..<n).map { $0 * m / n })
        let streaming = StreamingPairEvidence(zh: zh, en: en, band: band, vocabularySize: vocabulary.count,
                                              expected: Array(0..<n).map { $0 * m / n })
        XCTAssertEqual(streaming.zhChance, evidence.zhChance)
        XCTAssertEqual(streaming.enChance, evidence.enChance)
        var scratch = RowScratch(vocabularySize: vocabulary.count)
        func cover(_ r: Int, _ c: Int) -> CoverMasks { scratch.load(zh[r], row: r); return scratch.cover(en[c]) }
        // Row r holds English sentences lower(r) ..< upper(r): what a bead ending in row r can reach.
        func lower(_ r: Int) -> Int { max(0, band.lo[r + 1] - PairEvidence.maxSide) }
        func upper(_ r: Int) -> Int { min(m, band.hi[min(n, r + PairEvidence.maxSide)]) }
        var checked = 0
        for r in 0..<n {
            streaming.prepare(through: r)
            for c in lower(r)..<upper(r) {
                for b in 1...PairEvidence.maxSide {
                    var zlo: UInt64 = 0, zhi: UInt64 = 0
                    for k in c..<min(c + b, upper(r)) { let mask = cover(r, k); zlo |= mask.zhLow; zhi |= mask.zhHigh }
                    XCTAssertEqual(evidence.zhCovered(r, by: c..<(c + b)), PairEvidence.weight((zlo, zhi), zh[r].weights), "zh \(r) by \(c)+\(b)")
                    XCTAssertEqual(streaming.zhCovered(r, by: c..<(c + b)), evidence.zhCovered(r, by: c..<(c + b)), "streaming zh \(r) by \(c)+\(b)")
                    checked += 1
                }
                for a in 1...PairEvidence.maxSide {
                    var elo: UInt64 = 0, ehi: UInt64 = 0
                    for k in max(0, r - a + 1)...r where (lower(k)..<upper(k)).contains(c) {
                        let mask = cover(k, c)
                        elo |= mask.enLow; ehi |= mask.enHigh
                    }
                    XCTAssertEqual(evidence.enCovered(c, by: (r - a + 1)..<(r + 1)), PairEvidence.weight((elo, ehi), en[c].weights), "en \(c) by \(r)-\(a)")
                    XCTAssertEqual(streaming.enCovered(c, by: (r - a + 1)..<(r + 1)), evidence.enCovered(c, by: (r - a + 1)..<(r + 1)),
                                   "streaming en \(c) by \(r)-\(a)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    /// The sentences near an unlinked one's place (and an anchor word's sentences in a window),
    /// found by bisection of the non-decreasing places, are the ones a scan of every place finds.
    func testNearbyPlacesByBisectionMatchAScan() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var places: [Int] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { places.append((places.last ?? 0) + Int.random(in: 0...3, using: &generator)) }
            let c = Int.random(in: -3...((places.last ?? 0) + 3), using: &generator), reach = 2
            let scanned = places.indices.filter { abs(places[$0] - c) <= reach }
            let bisected = places.positions(ofValuesIn: (c - reach)...(c + reach))
            XCTAssertEqual(Array(bisected), scanned, "\(places) around \(c)")
        }
    }

    func testBandAroundAPathHoldsThePath() {
        let path = [(i: 0, j: 0), (i: 1, j: 1), (i: 3, j: 2), (i: 4, j: 4), (i: 6, j: 5)]
        let band = SearchBand(around: path, n: 6, m: 5, width: 1)
        for p in path { XCTAssertTrue(band.lo[p.i] <= p.j && p.j <= band.hi[p.i], "\(p)") }
        XCTAssertFalse(band.isOnEdge(i: 0, j: 0, m: 5), "the lattice's own border is no band edge")
        XCTAssertTrue(band.isOnEdge(i: 3, j: band.hi[3], m: 5) || band.hi[3] == 5)
    }

    // MARK: Bead margins

    /// Three 1-1 beads rewarded (+1 each), everything else −1: the middle bead's best alternative
    /// through the same stretch (0,0)→(3,3) scores 0 (1-1 then 2-2), so its margin is 3 − 0.
    func testBeadMarginAgainstTheBestAlternativeByHand() {
        let scorer = PathScorer(path: [[1, 1, 1, 1], [1, 1, 2, 2], [1, 1, 3, 3]])
        let path = AlignmentSearch.bestPath(n: 3, m: 3, band: SearchBand(fullWidthFor: 3, 3), scorer: scorer)
        XCTAssertEqual(path.map(\.i), [1, 2, 3])
        let margins = BeadMargin.margins(of: path, scorer: scorer)
        XCTAssertEqual(margins[1], 3)
        // The first bead's stretch is (0,0)→(2,2): its best alternative is a 2-2 bead (−1) or two
        // lone sentences and a 1-1 (−1 −1 +1): margin 2 − (−1).
        XCTAssertEqual(margins[0], 3)
    }

    /// Two lone Chinese sentences at the end of a text can go no other way: no doubt about them.
    func testBeadMarginIsInfiniteWithoutAnAlternative() {
        let scorer = PathScorer(path: [[1, 1, 1, 1], [1, 0, 2, 1], [1, 0, 3, 1]])
        let path = AlignmentSearch.bestPath(n: 3, m: 1, band: SearchBand(fullWidthFor: 3, 1), scorer: scorer)
        XCTAssertEqual(path.map(\.i), [1, 2, 3])
        XCTAssertEqual(BeadMargin.margins(of: path, scorer: scorer).last, .infinity)
    }

    /// A 2-2 bead worth exactly its two 1-1 halves: whichever the search keeps, it has no margin.
    func testBeadMarginIsZeroWhenAnAlternativeTies() {
        struct Tie: BeadScoring {
            func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
                switch (shape.zh, shape.en) {
                case (1, 1): 1
                case (2, 2): 2
                default: -3
                }
            }
        }
        let path = AlignmentSearch.bestPath(n: 2, m: 2, band: SearchBand(fullWidthFor: 2, 2), scorer: Tie())
        XCTAssertTrue(BeadMargin.margins(of: path, scorer: Tie()).allSatisfy { $0 == 0 })
    }

    /// The best path is best within every stretch, so no bead of it has a negative margin.
    func testBeadMarginsOfTheBestPathAreNeverNegative() {
        for seed in 1...40 as ClosedRange<UInt64> {
            let scorer = TableScorer(seed: seed)
            let n = 3 + Int(seed % 6), m = 2 + Int(seed % 7)
            let path = AlignmentSearch.bestPath(n: n, m: m, band: SearchBand(fullWidthFor: n, m), scorer: scorer)
            for margin in BeadMargin.margins(of: path, scorer: scorer) {
                XCTAssertGreaterThanOrEqual(margin, -1e-9, "seed \(seed)")
            }
        }
    }
}

/// The anchor chain and the length model's re-estimation.
final class AnchorAndLengthTests: XCTestCase {
    func testHeaviestIncreasingChainAgainstBruteForce() {
        var g = AlignmentSearchTests.Seeded(state: 11)
        for trial in 0..<150 {
            let k = Int.random(in: 0...9, using: &g)
            let pairs = (0..<k).map { _ in (zh: Int.random(in: 0...6, using: &g), en: Int.random(in: 0...6, using: &g),
                                            weight: Double.random(in: 0.1...2, using: &g)) }.sorted { $0.zh < $1.zh }
            let chain = AnchorFinder.heaviestIncreasingChain(pairs)
            // Strictly increasing on both sides, and made of the given pairs.
            for (a, b) in zip(chain, chain.dropFirst()) { XCTAssertTrue(a.zh < b.zh && a.en < b.en, "trial \(trial)") }
            var weight = 0.0
            for c in chain {
                guard let w = pairs.filter({ $0.zh == c.zh && $0.en == c.en }).map(\.weight).max() else { return XCTFail("not a given pair") }
                weight += w
            }
            // The heaviest of all subsets that increase on both sides.
            var best = 0.0
            for mask in 0..<(1 << k) {
                let chosen = (0..<k).filter { mask & (1 << $0) != 0 }.map { pairs[$0] }
                guard zip(chosen, chosen.dropFirst()).allSatisfy({ $0.zh < $1.zh && $0.en < $1.en }) else { continue }
                best = max(best, chosen.reduce(0) { $0 + $1.weight })
            }
            XCTAssertEqual(weight, best, accuracy: 1e-9, "trial \(trial): \(pairs)")
        }
    }

    func testRefitPriorsFollowTheFirstPass() {
        // A first pass of 180 1-1 beads and 20 1-2 beads, none unmatched; then a page whose five
        // header lines the pass left unmatched.
        let shapes = Array(repeating: BeadShape(zh: 1, en: 1), count: 180) + Array(repeating: BeadShape(zh: 1, en: 2), count: 20)
        let priors = AlignmentRun.refitPriors(shapes)
        let initial = BeadShape.initialPriors
        XCTAssertEqual(priors[BeadShape(zh: 1, en: 1)]!, (180 + 20 * initial[BeadShape(zh: 1, en: 1)]!) / 220, accuracy: 1e-12)
        XCTAssertLessThan(priors[BeadShape(zh: 2, en: 2)]!, initial[BeadShape(zh: 2, en: 2)]!, "a shape the pass never made loses weight")
        XCTAssertLessThan(priors[BeadShape(zh: 1, en: 0)]!, initial[BeadShape(zh: 1, en: 0)]!)
        let header = AlignmentRun.refitPriors(Array(repeating: BeadShape(zh: 0, en: 1), count: 5) + Array(repeating: BeadShape(zh: 1, en: 1), count: 8))
        XCTAssertEqual(header[BeadShape(zh: 0, en: 1)]!, (5 + 20 * initial[BeadShape(zh: 0, en: 1)]!) / 33, accuracy: 1e-12)
        XCTAssertGreaterThan(header[BeadShape(zh: 0, en: 1)]!, initial[BeadShape(zh: 0, en: 1)]!)
    }

    func testRefitRecoversTheVarianceOfTheText() {
        var g = AlignmentSearchTests.Seeded(state: 5)
        var model = LengthModel(zhLength: 1000, enLength: 3000)  // ratio 3, start variance 6.8 × 3
        XCTAssertEqual(model.ratio, 3)
        let trueVariance = 9.0
        let pairs = (0..<3000).map { _ -> (zh: Int, en: Int) in
            let zh = Int.random(in: 10...60, using: &g)
            let expected = 3.0 * Double(zh)
            let scale = expected + 1  // (expected + en) / 2 + 1 with en near expected
            let u1 = Double.random(in: Double.ulpOfOne...1, using: &g), u2 = Double.random(in: 0...1, using: &g)
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return (zh, max(0, Int((expected + normal * (trueVariance * scale / 3).squareRoot()).rounded())))
        }
        var few = model
        few.refit(pairs: Array(pairs.prefix(9)))
        XCTAssertEqual(few.variance, model.variance, "fewer than ten pairs change nothing")
        model.refit(pairs: pairs)
        XCTAssertEqual(model.variance, trueVariance, accuracy: 0.15 * trueVariance)
        var exact = LengthModel(zhLength: 10, enLength: 30)
        exact.refit(pairs: (0..<20).map { (zh: 10 + $0, en: 3 * (10 + $0)) })
        XCTAssertEqual(exact.variance, 6.8 * 3, "no spread at all: the median is 0 and the variance stays")
    }
}
