import BitextCore
import Foundation
import XCTest

final class GlossaryTests: XCTestCase {
    private func showcaseGlossary() throws -> Glossary {
        let (zhDoc, enDoc) = LanguageSplitter().split(try DocumentReader().read(path: Fixtures.bilingualExcerpt))
        let zh = try Segmenter(language: .zh).sentences(in: zhDoc), en = try Segmenter(language: .en).sentences(in: enDoc)
        let alignment = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en)
        return try GlossaryBuilder(dictionary: SharedDictionary.embedded).build(alignment, source: "excerpt.txt")
    }

    func testShowcaseTermsArePairedRight() throws {
        let glossary = try showcaseGlossary()
        let pairs = Dictionary(glossary.entries.map { ($0.zh, $0.en) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(pairs["伊斯兰国"], "Islamic State")
        XCTAssertEqual(pairs["后伊斯兰国时代"], "Post-ISIS Era")
        XCTAssertEqual(pairs["国际社会"], "international community")
        XCTAssertEqual(pairs["恐怖主义"], "terrorism")
        XCTAssertEqual(pairs["国际恐怖主义势力"], "international terrorist forces")
        XCTAssertEqual(pairs["财政资源"], "financial resources")
        XCTAssertEqual(pairs["哈里发国"], "caliphate")
        XCTAssertEqual(pairs["张锴"], "Zhang Kai")
        XCTAssertEqual(Set(glossary.entries.map(\.zh)).count, glossary.entries.count, "one entry per Chinese term")
    }

    func testEntriesCarryPinyinExamplesReferencesAndVariants() throws {
        let entry = try XCTUnwrap(try showcaseGlossary().entries.first { $0.zh == "伊斯兰国" })
        XCTAssertEqual(entry.pinyin, "yī sī lán guó")
        XCTAssertEqual(entry.frequency, 6)
        XCTAssertTrue(entry.exampleZh.contains("伊斯兰国") && entry.exampleEn.contains("Islamic State"))
        XCTAssertTrue(entry.references.first?.hasPrefix("excerpt.txt:") ?? false)
        XCTAssertTrue(entry.variants.contains("ISIS"), "\(entry.variants)")
        XCTAssertTrue((0...1).contains(entry.score))
    }

    func testGenericWordsAreNotTerms() throws {
        let zh = ["研究纳入的患者接受了化疗。", "患者的研究结果见表。", "所有患者都完成了研究。"].map { Sentence(text: $0, language: .zh) }
        let en = ["Patients enrolled in the study received chemotherapy.", "Study results for patients are shown in the table.",
                  "All patients completed the study."].map { Sentence(text: $0, language: .en) }
        let alignment = Alignment(zh: zh, en: en, beads: (0..<3).map { Bead(zh: $0..<($0 + 1), en: $0..<($0 + 1)) })
        let terms = try GlossaryBuilder(dictionary: SharedDictionary.embedded).build(alignment).entries.map(\.zh)
        XCTAssertFalse(terms.contains("患者"))
        XCTAssertFalse(terms.contains("研究"))
    }

    func testNamesByPinyinWithoutDictionary() throws {
        let zh = ["陈清扬当时二十六岁。", "陈清扬说她不是破鞋。"].map { Sentence(text: $0, language: .zh) }
        let en = ["Chen Qingyang was twenty-six at the time.", "Chen Qingyang said she was not damaged goods."].map { Sentence(text: $0, language: .en) }
        let alignment = Alignment(zh: zh, en: en, beads: (0..<2).map { Bead(zh: $0..<($0 + 1), en: $0..<($0 + 1)) })
        let entries = try GlossaryBuilder(dictionary: BilingualDictionary()).build(alignment).entries
        XCTAssertEqual(entries.first { $0.zh == "陈清扬" }?.en, "Chen Qingyang")
    }

    /// One bead per sentence pair.
    private func glossary(_ zh: [String], _ en: [String], dictionary: BilingualDictionary) throws -> [String: String] {
        let alignment = Alignment(zh: zh.map { Sentence(text: $0, language: .zh) }, en: en.map { Sentence(text: $0, language: .en) },
                                  beads: zh.indices.map { Bead(zh: $0..<($0 + 1), en: $0..<($0 + 1)) })
        let entries = try GlossaryBuilder(dictionary: dictionary).build(alignment).entries
        return Dictionary(entries.map { ($0.zh, $0.en) }, uniquingKeysWith: { a, _ in a })
    }

    func testNameSpelledByAnotherReadingAcrossASegmentBoundary() throws {
        // ICU reads 勒 as lēi and splits 勒都 into 勒 + 都 (a particle alone); CC-CEDICT also reads 勒 lè.
        let pairs = try glossary(["勒都（就是那另一个孩子）也附合我。"], ["Le Du (the other boy) also chimed in."],
                                 dictionary: SharedDictionary.embedded)
        XCTAssertEqual(pairs["勒都"], "Le Du")
    }

    func testGenericWordDoesNotHideTheSpecificRendering() throws {
        // CC-CEDICT glosses 猪八戒 "…with pig-like characteristics…/Pigsy…": "like" is in the sentence too.
        let pairs = try glossary(["我的后腰上好像被猪八戒筑了两耙。"], ["My lower back looked like it had been struck by Pigsy's rake."],
                                 dictionary: SharedDictionary.embedded)
        XCTAssertEqual(pairs["猪八戒"], "Pigsy")
    }

    /// The glossary of a nejm-dev document, aligned first: Chinese term → English in lower case.
    private func devGlossary(_ id: String) throws -> [String: String] {
        let base = try Fixtures.shared("data/align/nejm-dev/\(id)")
        let zh = try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh)
        let en = try DocumentReader().readSentencePerLine(path: base + ".en", language: .en)
        let alignment = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en)
        let entries = try GlossaryBuilder(dictionary: SharedDictionary.embedded).build(alignment).entries
        return Dictionary(entries.map { ($0.zh, $0.en.lowercased()) }, uniquingKeysWith: { a, _ in a })
    }

    func testDrugNamesAlwaysTogetherArePairedBySound() throws {
        // In nejm04, 阿比特龙 and 泼尼松 always occur together, as do abiraterone and prednisone:
        // co-occurrence alone cannot tell them apart, their pinyin (abitelong, ponisong) can.
        let pairs = try devGlossary("nejm04")
        XCTAssertEqual(pairs["阿比特龙"], "abiraterone")
        XCTAssertEqual(pairs["泼尼松"], "prednisone")
    }

    func testMedicalDevDocumentFindsDomainTerms() throws {
        let pairs = try devGlossary("nejm01")
        for (zh, en) in [("鼻咽癌", "nasopharyngeal carcinoma"), ("顺铂", "cisplatin"), ("诱导化疗", "induction chemotherapy"),
                         ("置信区间", "confidence interval"), ("放化疗", "chemoradiotherapy")] {
            XCTAssertEqual(pairs[zh], en, zh)
        }
    }
}
