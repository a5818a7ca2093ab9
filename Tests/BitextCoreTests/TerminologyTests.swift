@testable import BitextCore
import ICUKit
import XCTest

final class TermMatcherTests: XCTestCase {
    private let entries = [
        TermEntry(zh: "伊斯兰国", en: "Islamic State", variants: ["ISIS", "IS"]),
        TermEntry(zh: "后伊斯兰国时代", en: "Post-ISIS Era"),
        TermEntry(zh: "恐怖主义", en: "terrorism"),
        TermEntry(zh: "恐怖分子", en: "terrorist"),
    ]

    func testChineseLongestFirstAndNeverInsideALongerTerm() throws {
        let matcher = try TermMatcher(entries: entries)
        let hits = matcher.chineseHits(in: "国际社会必须主动布局“后伊斯兰国”时代的反恐斗争，“伊斯兰国”的恐怖主义。")
        XCTAssertEqual(hits.map { matcher.entries[$0.entry].zh }, ["后伊斯兰国时代", "伊斯兰国", "恐怖主义"],
                       "quotation marks inside a term do not break it")
        XCTAssertEqual(hits.first?.matched, "后伊斯兰国”时代")
        let joined = matcher.chineseHits(in: "提前着眼应对后伊斯兰国时代")
        XCTAssertEqual(joined.map { matcher.entries[$0.entry].zh }, ["后伊斯兰国时代"], "伊斯兰国 is not found inside the longer term")
        XCTAssertEqual(joined.first?.matched, "后伊斯兰国时代")
    }

    func testTraditionalTextFindsSimplifiedTerms() throws {
        let matcher = try TermMatcher(entries: entries)
        let traditional = try Transliterator("Hans-Hant").transform("但是，对“伊斯兰国”的军事胜利并不意味着恐怖主义的完结。")
        XCTAssertTrue(traditional.contains("伊斯蘭國"), traditional)
        let hits = matcher.chineseHits(in: traditional)
        XCTAssertEqual(hits.map { matcher.entries[$0.entry].zh }, ["伊斯兰国", "恐怖主义"])
        XCTAssertEqual(hits.first?.matched, "伊斯蘭國", "the hit is the text as written")
    }

    func testEnglishWordsInflectionsVariantsAndAbbreviations() throws {
        let matcher = try TermMatcher(entries: entries)
        let text = "Terrorists of the Islamic State, also called ISIS or IS, said it is the post-ISIS era of terrorism."
        let hits = matcher.englishHits(in: text)
        XCTAssertEqual(hits.map(\.matched), ["Terrorists", "Islamic State", "ISIS", "IS", "post-ISIS era", "terrorism"])
        XCTAssertEqual(hits.map(\.form), [0, 0, 1, 2, 0, 0])
        XCTAssertFalse(hits.contains { $0.matched == "is" }, "IS matches only in capitals")
        XCTAssertEqual(matcher.englishHits(in: text, entry: 0).map(\.matched), ["Islamic State", "ISIS", "IS", "ISIS"],
                       "one entry's renderings wherever written, inside post-ISIS era too")
        XCTAssertTrue(matcher.englishHits(in: "The Islamicists stated nothing.").isEmpty, "word boundaries")
    }

    func testFirstOfTwoEntriesForATermWins() throws {
        let matcher = try TermMatcher(entries: [TermEntry(zh: "伊斯兰国", en: "Islamic State"), TermEntry(zh: "伊斯兰国", en: "Daesh")])
        XCTAssertEqual(matcher.chineseHits(in: "伊斯兰国").map(\.entry), [0])
    }

    func testLookupLinesAndColumns() throws {
        let matcher = try TermMatcher(entries: entries)
        let hits = TermLookup.hits(in: "No term here.\r\nThe Islamic State and 恐怖主义.\nISIS.", matcher: matcher, languages: [.zh, .en])
        XCTAssertEqual(hits.map { "\($0.line):\($0.column) \($0.match.matched)" }, ["2:5 Islamic State", "2:23 恐怖主义", "3:1 ISIS"])
        XCTAssertEqual(TermLookup.hits(in: "The Islamic State and 恐怖主义.", matcher: matcher, languages: [.zh]).map(\.match.matched), ["恐怖主义"])
        XCTAssertEqual(TermLookup.counts(hits).map(\.count), [2, 1])
    }
}

final class TerminologyCheckTests: XCTestCase {
    private func alignment(_ pairs: [(String, String)]) -> Alignment {
        Alignment(zh: pairs.map { Sentence(text: $0.0, language: .zh, line: 1) }, en: pairs.map { Sentence(text: $0.1, language: .en, line: 1) },
                  beads: pairs.indices.map { Bead(zh: $0..<($0 + 1), en: $0..<($0 + 1)) })
    }

    func testFindingsOfEachKind() throws {
        let matcher = try TermMatcher(entries: [TermEntry(zh: "伊斯兰国", en: "Islamic State", variants: ["ISIS"])])
        let text = alignment([
            ("“伊斯兰国”在军事上的崩溃。", "The military collapse of the Islamic State."),
            ("对“伊斯兰国”的军事胜利。", "The military victory over the Daesh group."),
            ("数据显示，2017年已发生409起恐怖袭击，共造成2841人死亡。", "Data show 490 terrorist attacks in 2017, killing 2,841 people."),
            ("对“伊斯兰国”的胜利。", "The victory over ISIS 伊斯兰国."),
            ("二十一个国家。", "Twenty-one countries."),
        ])
        var aligned = text
        aligned.zh.append(Sentence(text: "未译的句子。", language: .zh, line: 9))
        aligned.beads.append(Bead(zh: 5..<6, en: 5..<5))
        let findings = TerminologyCheck(matcher: matcher).findings(in: aligned, zhFile: "a.zh", enFile: "a.en")
        XCTAssertEqual(findings.map(\.kind), [.termNotUsed, .numberMismatch, .numberMismatch, .inconsistent, .untranslated, .missingTranslation])
        XCTAssertEqual(findings[0].term, "伊斯兰国")
        XCTAssertEqual(findings[0].expected, "Islamic State | ISIS")
        XCTAssertEqual(findings[0].en, "The military victory over the Daesh group.")
        XCTAssertEqual([findings[1].term, findings[2].term], ["409", "490"], "2017 and 2,841 are on both sides")
        XCTAssertEqual(findings[3].term, "伊斯兰国 → ISIS")
        XCTAssertEqual(findings[3].expected, "Islamic State")
        XCTAssertEqual(findings[4].term, "伊斯兰国")
        XCTAssertEqual(findings[5].zhSource, "a.zh:9")
        XCTAssertEqual(findings[5].enSource, "")
        let only = TerminologyCheck(matcher: matcher, kinds: [.numberMismatch]).findings(in: aligned, zhFile: "a.zh", enFile: "a.en")
        XCTAssertEqual(only.count, 2)
    }

    func testNumbersInEveryForm() {
        let zh = NumberMentions(chinese: "共造成2,841人死亡，二十一个国家，76.5%的患者，两年。")
        XCTAssertEqual(zh.written, ["2841", "76.5"])
        XCTAssertTrue(zh.all.isSuperset(of: ["2841", "76.5", "21"]))
        let en = NumberMentions(english: "Twenty-one countries and 2841 deaths; one hundred and five patients, 76.5%.")
        XCTAssertEqual(en.written, ["2841", "76.5"])
        XCTAssertTrue(en.all.isSuperset(of: ["21", "2841", "105", "76.5"]), "\(en.all)")
    }
}
