import ICUKit
import XCTest

final class BreakIteratorTests: XCTestCase {
    func testChineseDictionaryWordBreakSplitsLongNames() throws {
        let it = try BreakIterator(.word, locale: "zh")
        let text = Array("伊斯兰国的总部".utf16)
        let cuts = try it.boundaries(in: text)
        let words = zip(cuts, cuts.dropFirst()).map { String(decoding: text[$0..<$1], as: UTF16.self) }
        XCTAssertEqual(words, ["伊斯兰", "国", "的", "总部"])
    }

    func testWordStatusTellsLettersNumbersAndPunctuation() throws {
        let it = try BreakIterator(.word, locale: "en")
        let bounds = try it.boundariesWithStatus(in: Array("IS 34 groups.".utf16))
        XCTAssertEqual(bounds.map(\.status), [.none, .letter, .none, .number, .none, .letter, .none])
    }

    func testSentenceBoundariesAreUTF16Offsets() throws {
        let it = try BreakIterator(.sentence, locale: "en")
        let text = Array("Hello there. 你好。 Bye.".utf16)
        XCTAssertEqual(try it.boundaries(in: text), [0, 13, 17, text.count])
        XCTAssertEqual(try it.countBoundaries(in: text), 4)
    }
}

final class TransliteratorTests: XCTestCase {
    func testHanLatinGivesPinyinWithToneMarks() throws {
        XCTAssertEqual(try Transliterator("Han-Latin").transform("伊斯兰国"), "yī sī lán guó")
    }

    func testTraditionalToSimplified() throws {
        XCTAssertEqual(try Transliterator("Hant-Hans").transform("伊斯蘭國的總部"), "伊斯兰国的总部")
    }

    func testUnknownTransformIsATypedError() {
        XCTAssertThrowsError(try Transliterator("No-Such-Transform")) { error in
            XCTAssertEqual((error as? ICUError)?.operation, "utrans_openU")
        }
    }
}

final class ConverterTests: XCTestCase {
    func testGB18030RoundTrip() throws {
        let text = Array("后伊斯兰国时代 Post-ISIS".utf16)
        let bytes = try Converter.encode(text, charset: "GB18030")
        XCTAssertEqual(bytes.prefix(2), [0xBA, 0xF3])  // 后
        XCTAssertEqual(try Converter.decode(bytes, charset: "GB18030"), text)
    }

    func testInvalidUTF8ReportsByteOffset() {
        let bytes: [UInt8] = Array("ab".utf8) + [0xFF] + Array("cd".utf8)
        XCTAssertThrowsError(try Converter.decode(bytes, charset: "UTF-8")) { error in
            XCTAssertEqual(error as? Converter.DecodingError, .invalidSequence(offset: 2, truncated: false))
        }
        XCTAssertEqual(try Converter.decode(bytes, charset: "UTF-8", lenient: true), Array("ab\u{FFFD}cd".utf16))
    }

    func testTruncatedUTF8AtEndIsTruncated() {
        let bytes = Array(Array("时代".utf8).dropLast())
        XCTAssertThrowsError(try Converter.decode(bytes, charset: "UTF-8")) { error in
            XCTAssertEqual(error as? Converter.DecodingError, .invalidSequence(offset: 3, truncated: true))
        }
    }

    func testUnknownCharsetName() {
        XCTAssertNil(Converter.canonicalName("no-such-charset"))
        XCTAssertEqual(Converter.canonicalName("GB18030"), "gb18030")
        XCTAssertEqual(Converter.canonicalName("utf8"), "UTF-8")
        // ISCII keeps its name inside the converter: the name is copied before the converter is
        // closed (the fuzzer found it read after the free, under a page's meta charset="iscii").
        XCTAssertEqual(Converter.canonicalName("iscii"), Converter.canonicalName("ISCII,version=0"))
        XCTAssertEqual(Converter.canonicalName("iscii")?.hasPrefix("ISCII"), true)
    }
}

final class CharsetDetectorTests: XCTestCase {
    func testDetectsBig5TraditionalChinese() throws {
        let text = "國際社會必須未雨綢繆，主動佈局後伊斯蘭國時代的反恐鬥爭，防止恐怖主義勢力轉移。當前，國際恐怖主義勢力已不簡單是為了恐怖而製造恐怖。"
        let bytes = try Converter.encode(Array(text.utf16), charset: "Big5")
        XCTAssertEqual(try CharsetDetector().detectAll(bytes).first?.name, "Big5")
    }
}

final class NormalizerTests: XCTestCase {
    func testNFCComposes() throws {
        XCTAssertEqual(try Normalizer(.nfc).normalize("Cafe\u{301}"), "Café")
    }

    func testNFKCCasefoldFoldsWidthAndCase() throws {
        XCTAssertEqual(try Normalizer(.nfkcCasefold).normalize("ＩＳＩＳ Islamic"), "isis islamic")
    }
}

final class ScriptTests: XCTestCase {
    func testScripts() {
        XCTAssertEqual(Script("国"), .han)
        XCTAssertEqual(Script("é"), .latin)
        XCTAssertEqual(Script("7"), .other)
    }
}
