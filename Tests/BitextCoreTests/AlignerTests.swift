import BitextCore
import Foundation
import XCTest

final class AlignerTests: XCTestCase {
    private func excerptSentences() throws -> (zh: [Sentence], en: [Sentence]) {
        let (zh, en) = LanguageSplitter().split(try DocumentReader().read(path: Fixtures.bilingualExcerpt))
        return (try Segmenter(language: .zh).sentences(in: zh), try Segmenter(language: .en).sentences(in: en))
    }

    /// The sentences and gold beads of a dev document of ../shared (`SET/ID`).
    private func devDocument(_ name: String) throws -> (zh: [Sentence], en: [Sentence], gold: [Bead]) {
        let base = try Fixtures.shared("data/align/" + name)
        let zh = try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh)
        let en = try DocumentReader().readSentencePerLine(path: base + ".en", language: .en)
        return (zh, en, try BeadNotation.parse(String(contentsOfFile: base + ".align", encoding: .utf8), source: base + ".align"))
    }

    func testShowcaseExcerptPairsTheArticleOneToOneAndLeavesPageMetadataUnmatched() throws {
        let (zh, en) = try excerptSentences()
        let alignment = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en)
        let links = alignment.beads.filter { !$0.zh.isEmpty && !$0.en.isEmpty }
        XCTAssertEqual(links.count, 8)
        XCTAssertTrue(links.allSatisfy { $0.zh.count == 1 && $0.en.count == 1 })
        XCTAssertEqual(links.map(\.zh.lowerBound), Array(0..<8))
        let pairs = links.map { (zh[$0.zh.lowerBound].text, en[$0.en.lowerBound].text) }
        XCTAssertEqual(pairs[1].0, "张 锴")
        XCTAssertEqual(pairs[1].1, "By Zhang Kai")
        XCTAssertTrue(pairs[7].1.hasPrefix("ISIS is intended to establish"))
        let unmatched = alignment.beads.filter { $0.zh.isEmpty }.map { en[$0.en.lowerBound].text }
        XCTAssertEqual(unmatched, ["Source", "China Military", "Editor", "Huang Panyue", "Time"])
    }

    func testBeadsCoverEverySentenceOnceInOrder() throws {
        let (zh, en) = try excerptSentences()
        let beads = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en).beads
        XCTAssertEqual(beads.flatMap { Array($0.zh) }, Array(zh.indices))
        XCTAssertEqual(beads.flatMap { Array($0.en) }, Array(en.indices))
        XCTAssertTrue(beads.allSatisfy { (0...1).contains($0.confidence) })
    }

    func testEmptySideLeavesEverySentenceUnmatched() throws {
        let (zh, _) = try excerptSentences()
        let beads = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: []).beads
        XCTAssertEqual(beads.count, zh.count)
        XCTAssertTrue(beads.allSatisfy { $0.en.isEmpty && $0.zh.count == 1 })
    }

    func testAligningTwiceGivesTheSameBeads() throws {
        let base = try Fixtures.shared("data/align/nejm-dev/nejm02")
        let zh = try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh)
        let en = try DocumentReader().readSentencePerLine(path: base + ".en", language: .en)
        let aligner = Aligner(dictionary: SharedDictionary.embedded)
        XCTAssertEqual(try aligner.align(zh: zh, en: en).beads, try aligner.align(zh: zh, en: en).beads)
    }

    func testHowManyWorkersAlignDoesNotChangeTheAlignment() throws {
        // Long enough for the sentences to be read in shares and for anchors (the band path).
        let base = try Fixtures.shared("data/align/bible/001")
        let zh = Array(try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh).prefix(1_300))
        let en = Array(try DocumentReader().readSentencePerLine(path: base + ".en", language: .en).prefix(1_000))
        let one = try Aligner(dictionary: SharedDictionary.embedded, workers: 1).align(zh: zh, en: en).beads
        XCTAssertGreaterThan(one.filter { $0.zh.count == 1 && $0.en.count == 1 }.count, 600)
        XCTAssertEqual(try Aligner(dictionary: SharedDictionary.embedded, workers: 2).align(zh: zh, en: en).beads, one)
    }

    func testMedicalAndLiteraryDevDocumentsAlignWell() throws {
        for (set, id, minimum) in [("nejm-dev", "nejm01", 0.97), ("mac-dev", "001", 0.92)] {
            let (zh, en, gold) = try devDocument("\(set)/\(id)")
            let beads = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en).beads
            let score = AlignmentScore(documents: [(gold, beads)])
            XCTAssertGreaterThanOrEqual(score.strictF1, minimum, "\(set)/\(id)")
        }
    }

    func testTheLongTextPathThroughAnchorsAlignsADevDocumentAsWell() throws {
        // The anchors and the band widening normally run only on books; with the full-search size
        // lowered they align a chapter, and must do about as well as the whole-lattice search.
        let (zh, en, gold) = try devDocument("mac-dev/001")
        var long = AlignerParameters()
        long.fullSearchCells = 0
        let whole = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en).beads
        let banded = try Aligner(dictionary: SharedDictionary.embedded, parameters: long).align(zh: zh, en: en).beads
        let (a, b) = (AlignmentScore(documents: [(gold, whole)]).strictF1, AlignmentScore(documents: [(gold, banded)]).strictF1)
        XCTAssertGreaterThanOrEqual(b, a - 0.02, "banded \(b) against whole \(a)")
        XCTAssertEqual(banded.flatMap(\.zh), Array(0..<zh.count), "every Chinese sentence once, in order")
        XCTAssertEqual(banded.flatMap(\.en), Array(0..<en.count))
        // A changed weight reaches the scorer: with no lexical evidence at all the beads differ.
        var blind = AlignerParameters()
        blind.evidenceWeight = 0
        XCTAssertNotEqual(try Aligner(dictionary: SharedDictionary.embedded, parameters: blind).align(zh: zh, en: en).beads, whole)
    }

    func testANarrowBandIsRepairedBySearchingAgainWhereThePathTouchesItsEdge() throws {
        // Few anchors (only near-identical pairs), no margin around them and none around the first
        // path: the path runs along the band's edge in many places of this freely translated
        // chapter, and only the stretches around them are searched again, in a wider band.
        let (zh, en, gold) = try devDocument("mac-dev/006")
        var narrow = AlignerParameters()
        narrow.fullSearchCells = 0
        narrow.anchorWidth = 0
        narrow.refineWidth = 0
        narrow.anchorMinSimilarity = 0.9
        var unrepaired = narrow
        unrepaired.widening = 0
        let whole = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en).beads
        let repaired = try Aligner(dictionary: SharedDictionary.embedded, parameters: narrow).align(zh: zh, en: en).beads
        let stuck = try Aligner(dictionary: SharedDictionary.embedded, parameters: unrepaired).align(zh: zh, en: en).beads
        XCTAssertEqual(repaired.flatMap(\.zh), Array(0..<zh.count), "every Chinese sentence once, in order")
        XCTAssertEqual(repaired.flatMap(\.en), Array(0..<en.count))
        let f1 = { (beads: [Bead]) in AlignmentScore(documents: [(gold, beads)]).strictF1 }
        XCTAssertGreaterThanOrEqual(f1(repaired), f1(whole) - 0.02, "repaired \(f1(repaired)) against whole \(f1(whole))")
        XCTAssertGreaterThanOrEqual(f1(repaired), f1(stuck) + 0.03, "searching again: \(f1(repaired)) against \(f1(stuck))")
    }

    func testAUserGlossaryFixesAKnownMisalignment() throws {
        // Without help, nothing links 摁下葫芦起了瓢 (an idiom) to its free translation, so the two
        // short sentences are merged; a one-line user glossary lets the aligner keep them apart.
        let zh = ["他们说了很多话。", "摁下葫芦起了瓢。", "大家都笑了。"].map { Sentence(text: $0, language: .zh) }
        let en = ["They talked a lot.", "Solve one problem, another pops up.", "Everyone laughed."].map { Sentence(text: $0, language: .en) }
        let plain = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en).beads
        var dictionary = SharedDictionary.embedded
        dictionary.add(headword: "摁下葫芦起了瓢", english: "solve one problem, another pops up")
        let helped = try Aligner(dictionary: dictionary).align(zh: zh, en: en).beads
        XCTAssertEqual(helped.map { [$0.zh.count, $0.en.count] }, [[1, 1], [1, 1], [1, 1]])
        XCTAssertTrue(helped[1].confidence > (plain.first { $0.zh.contains(1) }?.confidence ?? 1))
    }
}
