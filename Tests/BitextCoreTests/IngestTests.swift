@testable import BitextCore
import ICUKit
import XCTest

final class IngestTests: XCTestCase {
    let chinese = "國際社會必須未雨綢繆，主動佈局「後伊斯蘭國」時代的反恐鬥爭。\n\n當前，國際恐怖主義勢力已不簡單是為了恐怖而製造恐怖。\n"

    private func decode(_ bytes: [UInt8]) throws -> (String, String) {
        try TextDecoder().decode(bytes, source: "test.txt")
    }

    func testTheSameChineseTextDecodesFromEveryCommonEncoding() throws {
        let units = Array(chinese.utf16)
        let cases: [(String, [UInt8])] = [
            ("UTF-8", Array(chinese.utf8)),
            ("UTF-8", [0xEF, 0xBB, 0xBF] + Array(chinese.utf8)),
            ("UTF-16LE", [0xFF, 0xFE] + (try Converter.encode(units, charset: "UTF-16LE"))),
            ("UTF-16BE", [0xFE, 0xFF] + (try Converter.encode(units, charset: "UTF-16BE"))),
            ("GB18030", try Converter.encode(units, charset: "GB18030")),
            ("Big5", try Converter.encode(units, charset: "Big5")),
        ]
        for (expected, bytes) in cases {
            let (text, encoding) = try decode(bytes)
            XCTAssertEqual(encoding, expected)
            XCTAssertEqual(text, chinese, "decoding \(expected)")
        }
    }

    func testSimplifiedChineseInGBKIsDetected() throws {
        let text = try String(contentsOfFile: Fixtures.bilingualExcerpt, encoding: .utf8)
        let zh = text.split(separator: "\n").filter { ScriptProfile($0).language == .zh }.joined(separator: "\n")
        let (decoded, encoding) = try decode(try Converter.encode(Array(zh.utf16), charset: "GBK"))
        XCTAssertEqual(encoding, "GB18030")
        XCTAssertEqual(decoded, zh)
    }

    func testWindows1252IsDetected() throws {
        let text = "The café's naïve façade — “quoted” — costs €5. Señor Müller said the crème brûlée was très bien."
        let (decoded, encoding) = try decode(try Converter.encode(Array(text.utf16), charset: "windows-1252"))
        XCTAssertEqual(encoding, "windows-1252")
        XCTAssertEqual(decoded, text)
    }

    func testTruncatedUTF8NamesFileAndByteOffset() throws {
        let bytes = Array(Array("伊斯兰国时代".utf8).dropLast(2))
        XCTAssertThrowsError(try decode(bytes)) { error in
            XCTAssertEqual(error as? BitextError, .invalidBytes(path: "test.txt", encoding: "UTF-8", offset: 15, truncated: true))
            XCTAssertEqual("\(error)", "test.txt: byte 15: error: truncated UTF-8 byte sequence — the file is damaged or in another encoding; pass --encoding NAME, or --lenient to replace bad bytes with U+FFFD")
        }
    }

    func testInvalidByteInsideUTF8TextIsAnErrorUnlessLenient() throws {
        let good = Array("伊斯兰国 Islamic State 国际社会".utf8)
        let bytes = Array(good[0..<6]) + [0xFF] + Array(good[6...])
        XCTAssertThrowsError(try decode(bytes)) { error in
            XCTAssertEqual(error as? BitextError, .invalidBytes(path: "test.txt", encoding: "UTF-8", offset: 6, truncated: false))
        }
        XCTAssertEqual(try TextDecoder(lenient: true).decode(bytes, source: "test.txt").text, "伊斯\u{FFFD}兰国 Islamic State 国际社会")
    }

    func testBinaryFileIsRejected() {
        XCTAssertThrowsError(try decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])) { error in
            XCTAssertEqual(error as? BitextError, .binaryFile(path: "test.txt", offset: 8))
            XCTAssertTrue("\(error)".contains("binary file"))
        }
    }

    func testEncodingOverride() throws {
        let bytes = try Converter.encode(Array("后伊斯兰国".utf16), charset: "GB18030")
        let (text, encoding) = try TextDecoder(encoding: "GB18030").decode(bytes, source: "x")
        XCTAssertEqual(text, "后伊斯兰国")
        XCTAssertEqual(encoding, "gb18030")
        XCTAssertThrowsError(try TextDecoder(encoding: "klingon").decode(bytes, source: "x")) { error in
            XCTAssertEqual(error as? BitextError, .unknownEncoding(path: "x", name: "klingon"))
        }
    }

    func testEmptyFileIsAnEmptyDocument() throws {
        let doc = try DocumentReader().read(bytes: [], source: "empty.txt")
        XCTAssertEqual(doc.paragraphs, [])
    }

    func testMissingFile() {
        XCTAssertThrowsError(try DocumentReader().read(path: "/no/such/file.txt")) { error in
            XCTAssertEqual("\(error)", "/no/such/file.txt: error: no such file — check the path")
        }
    }

    func testSupplementaryCharactersSurviveDecoding() throws {
        let text = "𠀀𪚥 and 😀 in 𩸽"
        let bytes = try Converter.encode(Array(text.utf16), charset: "GB18030")
        XCTAssertEqual(try TextDecoder(encoding: "GB18030").decode(bytes, source: "x").text, text)
        XCTAssertEqual(try decode(Array(text.utf8)).0, text)
    }

    func testTextIsKeptInNFC() throws {
        let doc = try DocumentReader().read(bytes: Array("Cafe\u{301} 国".utf8), source: "x")
        XCTAssertEqual(doc.paragraphs.map(\.text), ["Café 国"])
        XCTAssertEqual(doc.paragraphs.first?.text.unicodeScalars.count, 6)
    }
}

final class ParagraphReaderTests: XCTestCase {
    private func paragraphs(_ s: String) -> [Paragraph] {
        ParagraphReader().paragraphs(in: s)
    }

    func testLineEndingsLFCRLFAndCRAreAllLines() {
        for eol in ["\n", "\r\n", "\r"] {
            let p = paragraphs(["第一段。", "", "Second paragraph.", "", "第三段"].joined(separator: eol))
            XCTAssertEqual(p.map(\.text), ["第一段。", "Second paragraph.", "第三段"])
            XCTAssertEqual(p.map(\.line), [1, 3, 5])
        }
    }

    func testWithoutBlankLinesEveryLineIsAParagraph() {
        let p = paragraphs("第一行\nline two\n\u{3000}第三行 \n")
        XCTAssertEqual(p.map(\.text), ["第一行", "line two", "第三行"])
    }

    func testHardWrappedProseIsJoinedButShortLinesStaySeparate() {
        let text = """
            It was the best of times, it was the worst of times, it was the age
            of wisdom, it was the age of foolishness.

            Source
            China Military
            """
        XCTAssertEqual(paragraphs(text).map(\.text), [
            "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness.",
            "Source", "China Military",
        ])
    }

    func testWrappedChineseJoinsWithoutSpace() {
        let text = "国际社会必须未雨绸缪，主动布局后伊斯兰国时代的反恐斗争，防止摁下葫芦\n起了瓢。\n\n下一段。"
        XCTAssertEqual(paragraphs(text).map(\.text), ["国际社会必须未雨绸缪，主动布局后伊斯兰国时代的反恐斗争，防止摁下葫芦起了瓢。", "下一段。"])
    }
}

final class MatchKeyTests: XCTestCase {
    func testKeysFoldWidthCaseAndTraditionalChinese() throws {
        let key = try MatchKey()
        XCTAssertEqual(key.key("伊斯蘭國"), key.key("伊斯兰国"))
        XCTAssertEqual(key.key("ＩＳＩＳ"), "isis")
        XCTAssertEqual(key.key("Islamic State"), "islamic state")
    }
}

/// Inputs that would be read wrong: a named encoding the bytes contradict, UTF-16 without a BOM,
/// texts not in the language of their side.
final class InputSanityTests: XCTestCase {
    func testANamedEncodingThatTheBytesContradictIsAnError() throws {
        let utf8 = Array("on—or".utf8)
        XCTAssertEqual(TextDecoder.contradiction(utf8, named: "GB18030"), "UTF-8")
        XCTAssertEqual(TextDecoder.contradiction(Array("plain ASCII".utf8), named: "GB18030"), nil, "ASCII reads alike")
        XCTAssertEqual(TextDecoder.contradiction(Array("plain ASCII".utf8), named: "UTF-16LE"), "UTF-8")
        XCTAssertEqual(TextDecoder.contradiction([0xFF, 0xFE, 0x41, 0x00], named: "UTF-16LE"), nil)
        XCTAssertEqual(TextDecoder.contradiction([0xFF, 0xFE, 0x41, 0x00], named: "GB18030"), "UTF-16LE (it starts with a byte-order mark)")
        XCTAssertEqual(TextDecoder.contradiction([0xB9, 0xFA, 0xBC, 0xCA], named: "GB18030"), nil, "real GB18030 (国际)")
        XCTAssertThrowsError(try TextDecoder(encoding: "GB18030").decode(utf8, source: "en.txt")) {
            XCTAssertEqual($0 as? BitextError, .encodingMismatch(path: "en.txt", named: "GB18030", found: "UTF-8"))
        }
    }

    func testUTF16WithoutByteOrderMarkIsRecognised() throws {
        let text = "Islamic State\n伊斯兰国\n"
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(EncodingDetector.utf16WithoutBOM(le), "UTF-16LE")
        XCTAssertEqual(EncodingDetector.utf16WithoutBOM(be), "UTF-16BE")
        XCTAssertNil(EncodingDetector.utf16WithoutBOM([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]), "an ELF header is binary")
        XCTAssertThrowsError(try TextDecoder().decode(le, source: "le.txt")) {
            XCTAssertEqual(($0 as? BitextError)?.description, "le.txt: error: looks like UTF-16LE without a byte-order mark — pass --encoding UTF-16LE")
        }
        XCTAssertEqual(try TextDecoder(encoding: "UTF-16LE").decode(le, source: "le.txt").text, text)
    }

    func testLanguageCheckThresholds() throws {
        func sentences(_ texts: [String], _ language: Language) -> [Sentence] { texts.map { Sentence(text: $0, language: language) } }
        let zh = sentences(["“伊斯兰国”在军事上的崩溃将是一个大概率事件。", "他读过Stephen King的《The Shining》。"], .zh)
        let en = sentences(["The military collapse of ISIS is a high-probability event.", "Its name, 伊斯兰国, means Islamic State."], .en)
        let check = LanguageCheck()
        XCTAssertNoThrow(try check.verify(zh: zh, zhSource: "a.zh", en: en, enSource: "a.en"))
        XCTAssertThrowsError(try check.verify(zh: en, zhSource: "a.en", en: zh, enSource: "a.zh")) {
            XCTAssertEqual($0 as? BitextError, .swappedFiles(zh: "a.en", en: "a.zh"))
        }
        XCTAssertThrowsError(try check.verify(zh: en, zhSource: "a.en", en: en, enSource: "b.en")) {
            guard case .wrongLanguage("a.en", .zh, 4, _)? = $0 as? BitextError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try check.verify(zh: zh, zhSource: "a.zh", en: zh, enSource: "b.zh")) {
            guard case .wrongLanguage("b.zh", .en, _, _)? = $0 as? BitextError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(LanguageCheck.hanShare(LanguageCheck.profile(zh)) > 0.5, true)
    }
}
