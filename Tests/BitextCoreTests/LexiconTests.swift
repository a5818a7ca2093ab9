@testable import BitextCore
@testable import BitextFormats
import Foundation
import XCTest

final class LexiconTests: XCTestCase {
    func testEmbeddedCCCEDICTIsIndexedBySimplifiedAndTraditional() {
        let dictionary = SharedDictionary.embedded
        XCTAssertGreaterThan(dictionary.count, 190_000)  // ~123k lines, each under both scripts when they differ
        XCTAssertTrue(dictionary.glossFields(HanKey("伊斯兰国")).joined().contains("Islamic State"))
        XCTAssertEqual(dictionary.glossFields(HanKey("伊斯蘭國")), dictionary.glossFields(HanKey("伊斯兰国")))
        XCTAssertTrue(dictionary.isPrefix(HanKey("伊斯兰")))
        XCTAssertFalse(dictionary.contains(HanKey("伊斯兰国总部转移")))
    }

    func testStemmerMeetsInflectedForms() {
        XCTAssertEqual(EnglishWords.stem("terrorists"), EnglishWords.stem("terrorist"))
        XCTAssertEqual(EnglishWords.stem("believed"), EnglishWords.stem("believe"))
        XCTAssertEqual(EnglishWords.stem("Running"), "run")
        XCTAssertEqual(EnglishWords.stem("studies"), "study")
        XCTAssertEqual(EnglishWords.stem("State's"), "stat")
        XCTAssertNotEqual(EnglishWords.stem("terrorism"), EnglishWords.stem("terrorist"))
    }

    func testChineseNumerals() {
        XCTAssertEqual(ChineseCharacters.value("二十一".unicodeScalars), 21)
        XCTAssertEqual(ChineseCharacters.value("九百六十九".unicodeScalars), 969)
        XCTAssertEqual(ChineseCharacters.value("二〇一七".unicodeScalars), 2017)
        XCTAssertEqual(ChineseCharacters.value("三万六千五百零一".unicodeScalars), 36501)
        XCTAssertNil(ChineseCharacters.value("一".unicodeScalars))
    }

    func testUserGlossaryFormats() throws {
        let dir = try Fixtures.temporaryDirectory(for: self)
        let csv = dir.appendingPathComponent("terms.csv")
        try "zh,en,note\n\"哈里发国\",caliphate,\"a state, led by a caliph\"\n张锴,Zhang Kai,\n".write(to: csv, atomically: true, encoding: .utf8)
        let tsv = dir.appendingPathComponent("terms.tsv")
        try "摁下葫芦起了瓢\tsolve one problem only to see another\n".write(to: tsv, atomically: true, encoding: .utf8)
        let cedict = dir.appendingPathComponent("mine.u8")
        try "# my entries\n後伊斯蘭國時代 后伊斯兰国时代 [hou4 yi1 si1 lan2 guo2 shi2 dai4] /post-ISIS era/\n".write(to: cedict, atomically: true, encoding: .utf8)
        let dictionary = BilingualDictionary()
        XCTAssertEqual(try DictionaryFile.load(csv.path, into: dictionary), 2)
        XCTAssertEqual(try DictionaryFile.load(tsv.path, into: dictionary), 1)
        XCTAssertEqual(try DictionaryFile.load(cedict.path, into: dictionary), 2)
        XCTAssertEqual(dictionary.glossFields(HanKey("哈里发国")), ["caliphate"])
        XCTAssertEqual(dictionary.glossFields(HanKey("后伊斯兰国时代")), ["/post-ISIS era/"])
    }

    func testBadDictionaryFilesNameTheLine() throws {
        let dir = try Fixtures.temporaryDirectory(for: self)
        let csv = dir.appendingPathComponent("bad.csv")
        try "zh,en\n伊斯兰国,Islamic State\n\"国际社会,international community\n".write(to: csv, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DictionaryFile.load(csv.path, into: BilingualDictionary())) { error in
            XCTAssertEqual("\(error)", "\(csv.path):3: error: a quoted field is never closed — add the missing \"")
        }
        let oneColumn = dir.appendingPathComponent("one.tsv")
        try "伊斯兰国\tIslamic State\n国际社会\n".write(to: oneColumn, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DictionaryFile.load(oneColumn.path, into: BilingualDictionary())) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(oneColumn.path):2: error: expected a Chinese term and an English term"), "\(error)")
        }
    }
}

/// Display pinyin from CC-CEDICT's word readings, not character by character.
final class PinyinReadingTests: XCTestCase {
    func testWordReadingsForPolyphonicCharacters() throws {
        let dictionary = SharedDictionary.embedded
        let pinyin = try Pinyin()
        XCTAssertEqual(pinyin.reading("中国银行", dictionary: dictionary), "zhōng guó yín háng")
        XCTAssertEqual(pinyin.reading("长江", dictionary: dictionary), "cháng jiāng")
        XCTAssertEqual(pinyin.reading("所罗门", dictionary: dictionary), "suǒ luó mén")
        XCTAssertEqual(pinyin.reading("罗小四", dictionary: dictionary), "luó xiǎo sì")
        XCTAssertEqual(pinyin.reading("長江", dictionary: dictionary), pinyin.reading("长江", dictionary: dictionary), "Traditional twin")
        XCTAssertEqual(pinyin.reading("伊斯兰国", dictionary: dictionary), "yī sī lán guó")
        XCTAssertEqual(pinyin.reading("HER2阳性", dictionary: dictionary), "HER2 yáng xìng")
    }

    func testToneMarkPlacement() {
        XCTAssertEqual(Pinyin.toneMarked("yin2"), "yín")
        XCTAssertEqual(Pinyin.toneMarked("lu:4"), "lǜ")
        XCTAssertEqual(Pinyin.toneMarked("zhou1"), "zhōu")
        XCTAssertEqual(Pinyin.toneMarked("gui4"), "guì")
        XCTAssertEqual(Pinyin.toneMarked("liu2"), "liú")
        XCTAssertEqual(Pinyin.toneMarked("de5"), "de")
    }
}
