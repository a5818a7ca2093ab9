import BitextCore
import XCTest

final class SplitTests: XCTestCase {
    func testBilingualExcerptSplitsIntoSixChineseParagraphs() throws {
        let (zh, en) = LanguageSplitter().split(try DocumentReader().read(path: Fixtures.bilingualExcerpt))
        XCTAssertEqual(zh.paragraphs.count, 6)
        XCTAssertEqual(zh.paragraphs[0].text, "提前着眼应对 “后伊斯兰国”时代")
        XCTAssertEqual(zh.paragraphs[1].text, "张 锴")
        XCTAssertTrue(zh.paragraphs[2].text.hasPrefix("近两年,随着战场上的节节败退"))
        XCTAssertTrue(zh.paragraphs[5].text.hasSuffix("使民众全部信仰伊斯兰原教旨主义。"))
        XCTAssertEqual(en.paragraphs.first?.text, "International community should prepare for \"Post-ISIS Era\"")
        XCTAssertTrue(en.paragraphs.contains { $0.text == "By Zhang Kai" })
        XCTAssertFalse(en.paragraphs.contains { $0.text == "2017-05-26" }, "a date is neutral and dropped")
        XCTAssertEqual(en.paragraphs.count, 11)  // title, five metadata lines, byline, four body paragraphs
    }

    func testNeutralParagraphsAreKeptOnRequest() throws {
        let (_, en) = LanguageSplitter(keepNeutral: true).split(try DocumentReader().read(path: Fixtures.bilingualExcerpt))
        XCTAssertTrue(en.paragraphs.contains { $0.text == "2017-05-26" })
    }

    func testScriptProfileDecidesLanguage() {
        XCTAssertEqual(ScriptProfile("HER2阳性乳腺癌患者").language, .zh)
        XCTAssertEqual(ScriptProfile("The name 张锴 appears in an English sentence about it.").language, .en)
        XCTAssertNil(ScriptProfile("2017-05-26").language)
    }
}
