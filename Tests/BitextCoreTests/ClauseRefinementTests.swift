@testable import BitextCore
import XCTest

/// Clause splitting and the clause-aware second look at doubtful regions (`ClauseRefinement`).
final class ClauseRefinementTests: XCTestCase {
    func testChineseSentencesSplitAtCommasAndWhereSpeechOpens() {
        let text = "他迷迷糊糊的睡了一会，悄悄起身，走到门边，突然听得海老公问道：“小桂子，你去哪里？”"
        let clauses = ClauseSplitter.clauses(text, language: .zh, minimumLength: 4)
        XCTAssertEqual(clauses, ["他迷迷糊糊的睡了一会，", "悄悄起身，", "走到门边，", "突然听得海老公问道：", "“小桂子，", "你去哪里？”"])
        XCTAssertEqual(clauses.joined(), text, "nothing lost, nothing added")
        XCTAssertEqual(ClauseSplitter.clauses("好是不大好，坏也不算挺坏。”", language: .zh, minimumLength: 7), ["好是不大好，坏也不算挺坏。”"],
                       "a piece shorter than the minimum joins the next")
        XCTAssertEqual(ClauseSplitter.clauses("是的，", language: .zh, minimumLength: 4), ["是的，"], "a short sentence stays one clause")
        XCTAssertEqual(ClauseSplitter.clauses("甲、乙和丙都来了", language: .zh, minimumLength: 1), ["甲、乙和丙都来了"], "、 lists words inside a clause")
    }

    func testEnglishSentencesSplitAtPunctuationAndQuotesNotApostrophesOrNumbers() {
        XCTAssertEqual(ClauseSplitter.clauses("'I don't think I'm like anyone,' said Trinket.", language: .en, minimumLength: 12),
                       ["'I don't think I'm like anyone,'", "said Trinket."], "the comma's clause ends after its quotation mark")
        XCTAssertEqual(ClauseSplitter.clauses("Of 3,000 patients, 1,200 had a response.", language: .en, minimumLength: 5),
                       ["Of 3,000 patients,", "1,200 had a response."])
        XCTAssertEqual(ClauseSplitter.clauses("He said: \"Come here, now.\"", language: .en, minimumLength: 3),
                       ["He said:", "\"Come here,", "now.\""])
        XCTAssertEqual(ClauseSplitter.clauses("", language: .en, minimumLength: 3), [])
    }

    func testEachSentencesFirstClauseIsFound() {
        XCTAssertEqual(ClauseRefinement.firstClauses([4, 4, 5, 6, 6, 6]), [0, 2, 3, 6])
        XCTAssertEqual(ClauseRefinement.firstClauses([9]), [0, 1])
    }

    func testRegionsSurroundDoubtfulBeadsMergeWhenTheyTouchAndSkipLongRuns() {
        XCTAssertEqual(ClauseRefinement.regions(doubtful: [3, 5, 20], count: 30, context: 1, maxSteps: 12), [2..<7, 19..<22])
        XCTAssertEqual(ClauseRefinement.regions(doubtful: [0, 29], count: 30, context: 1, maxSteps: 12), [0..<2, 28..<30])
        XCTAssertEqual(ClauseRefinement.regions(doubtful: Array(0..<20), count: 30, context: 1, maxSteps: 12), [], "a run longer than the limit stays")
    }

    /// Scores that depend on every argument, the same on every call.
    private struct ToyScorer: BeadScoring {
        func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
            guard shape.isLink else { return -3 }
            let h = (i * 7919 + j * 104_729 + shape.slot * 1_299_709) % 1000
            return Double(h) / 100 - 6 - Double(abs(shape.zh - shape.en))
        }
    }

    func testInnerScoresAreTheBestClausePathInsideEachBead() {
        // Four Chinese sentences of 2, 1, 3 and 1 clauses; five English ones of 1, 2, 1, 2 and 1.
        let zhFirst = [0, 2, 3, 6, 7], enFirst = [0, 1, 3, 4, 6, 7]
        let inner = ClauseRefinement.InnerScores(zhFirst: zhFirst, enFirst: enFirst, scorer: ToyScorer())
        for a in 0...4 {
            for b in 0...5 {
                for shape in BeadShape.wide where a + shape.zh <= 4 && b + shape.en <= 5 {
                    let zh = zhFirst[a]..<zhFirst[a + shape.zh], en = enFirst[b]..<enFirst[b + shape.en]
                    let shifted = ShiftedScorer(base: ToyScorer(), i0: zh.lowerBound, j0: en.lowerBound)
                    let path = AlignmentSearch.bestPath(n: zh.count, m: en.count, band: SearchBand(fullWidthFor: zh.count, en.count), scorer: shifted)
                    let expected = path.reduce(0) { $0 + shifted.score($1.shape, i: $1.i, j: $1.j) }
                    XCTAssertEqual(inner.score(shape, from: a, b), expected, accuracy: 1e-9, "bead \(shape) from (\(a), \(b))")
                }
            }
        }
    }

    func testASliceOfABandHoldsItsCornersAndStaysMonotone() throws {
        let band = SearchBand(around: [(0, 0), (2, 3), (5, 6), (8, 8)], n: 8, m: 8, width: 1)
        let slice = SearchBand(slicing: band, rows: 2...5, columns: 3...6)
        XCTAssertEqual(slice.rows, 4)
        XCTAssertEqual(slice.lo[0], 0)
        XCTAssertEqual(slice.hi[3], 3)
        for i in 0..<slice.rows {
            XCTAssertLessThanOrEqual(slice.lo[i], slice.hi[i])
            if i > 0 {
                XCTAssertGreaterThanOrEqual(slice.lo[i], slice.lo[i - 1])
                XCTAssertGreaterThanOrEqual(slice.hi[i], slice.hi[i - 1])
            }
            if i > 0 && i < slice.rows - 1 { XCTAssertEqual(slice.hi[i], min(3, band.hi[i + 2] - 3), "row \(i) as the band has it") }
        }
        let last = try XCTUnwrap(AlignmentSearch.bestPath(n: 3, m: 3, band: slice, scorer: ToyScorer()).last)
        XCTAssertEqual([last.i, last.j], [3, 3], "a path crosses the slice")
    }

    func testASecondLookAtEveryBeadKeepsEverySentenceOnceAndInOrder() throws {
        // Three Chinese sentences at the end have no English: the looks at the text's edge have
        // sentences on one side only.
        let zh = ["我爱北京，北京很大。", "他喜欢猫，也喜欢狗。", "今天下雨，我们不去公园。", "明天是晴天。", "我们去学校，学习中文。"]
            .map { Sentence(text: $0, language: .zh) }
        let en = ["I love Beijing, Beijing is big.", "He likes cats, and he likes dogs too."].map { Sentence(text: $0, language: .en) }
        func beads(refineBelow: Double) throws -> [Bead] {
            var parameters = AlignerParameters()
            parameters.refineBelow = refineBelow
            return try Aligner(dictionary: SharedDictionary.embedded, parameters: parameters).align(zh: zh, en: en).beads
        }
        let looked = try beads(refineBelow: 1)  // every bead is looked at again
        XCTAssertEqual(looked.flatMap { Array($0.zh) }, Array(0..<5))
        XCTAssertEqual(looked.flatMap { Array($0.en) }, Array(0..<2))
        XCTAssertEqual(looked.first.map { "\($0.zh):\($0.en)" }, "0..<1:0..<1")
        XCTAssertTrue(looked.allSatisfy { (0...1).contains($0.confidence) })
        XCTAssertEqual(looked.map { "\($0.zh):\($0.en)" }, try beads(refineBelow: 0).map { "\($0.zh):\($0.en)" },
                       "nothing in this text for clauses to put right")
    }

    func testTheSecondLookJoinsOneSentenceToSixItsClausesTranslate() throws {
        // One Chinese sentence of six clauses, which the translator wrote as six sentences.
        let zh = ["我们的老师来自上海。", "我爱北京，他喜欢猫，今天下雨，明天是晴天，我们去学校，我们学习中文。", "晚上我们看电影。"]
            .map { Sentence(text: $0, language: .zh) }
        let en = ["Our teacher comes from Shanghai.", "I love Beijing.", "He likes cats.", "It rains today.", "Tomorrow is sunny.",
                  "We go to school.", "We study Chinese.", "In the evening we watch a film."].map { Sentence(text: $0, language: .en) }
        func beads(refineBelow: Double) throws -> [String] {
            var parameters = AlignerParameters()
            parameters.refineBelow = refineBelow
            let beads = try Aligner(dictionary: SharedDictionary.embedded, parameters: parameters).align(zh: zh, en: en).beads
            XCTAssertTrue(beads.allSatisfy { (0...1).contains($0.confidence) })
            return beads.map { "\($0.zh):\($0.en)" }
        }
        let passes = try beads(refineBelow: 0)
        XCTAssertTrue(passes.contains("1..<2:1..<5"), "the sentence passes make beads of four sentences a side at most: \(passes)")
        XCTAssertEqual(try beads(refineBelow: 1), ["0..<1:0..<1", "1..<2:1..<7", "2..<3:7..<8"])
        // With nothing in doubt, the 1-4 bead is still looked at (with a bead of context each side,
        // which here reaches one more English sentence).
        let widest = try beads(refineBelow: 1e-9)
        XCTAssertTrue(widest.contains("1..<2:1..<6"), "a bead of four sentences on a side is looked at whatever its confidence: \(widest)")
    }

    /// Wang Xiaobo's 黄金时代 in its English translation (mac-dev/001): the second look at its
    /// doubtful regions gives more beads exactly as the gold file has them, and changes no bead of
    /// a region where nothing is in doubt.
    func testTheSecondLookGivesMoreRightBeadsOnALiteraryText() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/align/mac-dev")
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("001.zh").path) else {
            throw XCTSkip("../shared/data/align/mac-dev is absent")
        }
        func sentences(_ ext: String, _ language: Language) throws -> [Sentence] {
            try String(contentsOf: dir.appendingPathComponent("001.\(ext)"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map { Sentence(text: String($0), language: language) }
        }
        let zh = try sentences("zh", .zh), en = try sentences("en", .en)
        let gold = Set(try BeadNotation.parseIndexed(String(contentsOf: dir.appendingPathComponent("001.align"), encoding: .utf8), source: "001.align")
            .map { BeadNotation.line($0) })
        func beads(refineBelow: Double) throws -> [Bead] {
            var parameters = AlignerParameters()
            parameters.refineBelow = refineBelow
            return try Aligner(dictionary: SharedDictionary.embedded, parameters: parameters).align(zh: zh, en: en).beads
        }
        let without = try beads(refineBelow: 0), with = try beads(refineBelow: AlignerParameters().refineBelow)
        func right(_ beads: [Bead]) -> Int { beads.filter { gold.contains(BeadNotation.line($0)) }.count }
        XCTAssertGreaterThan(right(with), right(without))
        // Beads far from any doubtful one are the same.
        let sure = without.filter { $0.confidence >= 0.9 }
        XCTAssertGreaterThan(sure.count, without.count / 2)
        let kept = Set(with.map { BeadNotation.line($0) })
        XCTAssertGreaterThan(Double(sure.filter { kept.contains(BeadNotation.line($0)) }.count), 0.98 * Double(sure.count))
    }
}
