@testable import BitextCore
@testable import BitextFormats
import Foundation
import XCTest

/// Files as other tools write them, and values a format cannot hold: read right or refused with
/// FILE:LINE, never silently lost.
final class InterchangeRobustnessTests: XCTestCase {
    private let settings = FormatSettings(languages: try! LanguageTags())

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = try Fixtures.temporaryDirectory(for: self).appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func written<F: InterchangeFormat>(_ format: F, _ units: [F.Unit]) throws -> String {
        let path = try Fixtures.temporaryDirectory(for: self).appendingPathComponent("out").path
        let out = try OutputFile(path: path)
        try format.write(units, to: out)
        try out.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func testOmegaTGlossaryWithCRLFUTF16AndTabExtension() throws {
        let crlf = FormatKind.omegaTMagic + "\r\n伊斯兰国\tIslamic State\tyī sī lán guó\r\n哈里发国\tcaliphate\t\r\n"
        XCTAssertEqual(try OmegaTGlossary().read(path: file("g.txt", Array(crlf.utf8))).map(\.en), ["Islamic State", "caliphate"])
        let noMagic = "伊斯兰国\tIslamic State\r\n哈里发国\tcaliphate\r\n"
        XCTAssertEqual(try OmegaTGlossary().read(path: file("g.utf8", Array(noMagic.utf8))).map(\.zh), ["伊斯兰国", "哈里发国"])
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(noMagic.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try OmegaTGlossary().read(path: file("g.tab", utf16)).map(\.en), ["Islamic State", "caliphate"])
        XCTAssertEqual(FormatKind.detect(path: "glossary.tab", head: ""), .omegat, "OmegaT's own .tab glossaries")
    }

    func testJSONLinesWithCRLFAndALongFirstLine() throws {
        let crlf = "{\"zh_text\":\"你好\",\"en_text\":\"Hello\"}\r\n{\"zh_text\":\"再见\",\"en_text\":\"Bye\"}\r\n"
        XCTAssertEqual(try AlignmentJSONLines().read(path: file("a.jsonl", Array(crlf.utf8))).map(\.en), ["Hello", "Bye"])
        let long = "{\"confidence\":0.9,\"en_text\":\"\(String(repeating: "word ", count: 1500))\",\"zh_text\":\"字\"}\n"
        XCTAssertGreaterThan(long.utf8.count, 4096)
        let head = FormatKind.head(Array(long.utf8))
        XCTAssertFalse(FormatKind.jsonl.holdsGlossary(head: head), "the zh_text key after 4096 bytes is still seen: an alignment")
    }

    func testJSONLinesNumbersAreCheckedAndNeverLoseALine() throws {
        func bad(_ line: String, _ reason: String) throws {
            let path = try file("bad.jsonl", Array(("{\"zh\":\"伊斯兰国\",\"en\":\"Islamic State\"}\n" + line + "\n").utf8))
            XCTAssertThrowsError(try GlossaryJSONLines().read(path: path)) {
                XCTAssertTrue("\($0)".hasPrefix("\(path):2: error:"), "\($0)")
                XCTAssertTrue("\($0)".contains(reason), "\($0)")
            }
        }
        try bad("{\"zh\":\"哈里发国\",\"en\":\"caliphate\",\"frequency\":1e300}", "\"frequency\" is")
        try bad("{\"zh\":\"哈里发国\",\"en\":\"caliphate\",\"score\":1.5}", "not a number from 0.0 to 1.0")
        try bad("{\"zh\":\"哈里\\u0000发国\",\"en\":\"caliphate\"}", "U+0000")
        let alignment = try file("c.jsonl", Array("{\"zh_text\":\"你好\",\"en_text\":\"Hi\",\"confidence\":-0.1}\n".utf8))
        XCTAssertThrowsError(try AlignmentJSONLines().read(path: alignment)) { XCTAssertTrue("\($0)".contains("\"confidence\" is -0.1")) }
        let text = try written(AlignmentJSONLines(), [TranslationUnit(zh: "你好", en: "Hi", confidence: .nan)])
        XCTAssertEqual(text, "{\"en_text\":\"Hi\",\"zh_text\":\"你好\"}\n", "a NaN confidence is left out, the bead kept")
    }

    func testTSVIsPlainAsCutAndOtherAlignersExpect() throws {
        let units = [TranslationUnit(zh: "他说：“走吧。”", en: "\"Go,\" he said.", confidence: 0.9),
                     TranslationUnit(zh: "书名", en: "\"Boko Haram\"", confidence: nil),
                     TranslationUnit(zh: "甲\t乙", en: "a\nb", confidence: 1)]
        let text = try written(AlignmentTable(), units)
        XCTAssertEqual(text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false)[1] },
                       ["\"Go,\" he said.", "\"\"\"Boko Haram\"\"\"", "a b"], "cut -f2 shows the English as written")
        let read = try AlignmentTable().read(path: file("a.tsv", Array(text.utf8)))
        XCTAssertEqual(read.map(\.en), ["\"Go,\" he said.", "\"Boko Haram\"", "a b"])
        XCTAssertEqual(read[2].zh, "甲 乙")
        // TSV from hunalign or LF Aligner, unquoted, keeps its quotation marks; an RFC-quoted field is unwrapped.
        let foreign = "你好\t\"Go,\" he said.\t0.9\n再见\t\"say \"\"bye\"\"\"\t\n"
        XCTAssertEqual(try AlignmentTable().read(path: file("h.tsv", Array(foreign.utf8))).map(\.en), ["\"Go,\" he said.", "say \"bye\""])
        let nan = try file("n.tsv", Array("你好\thello\tnan\n".utf8))
        XCTAssertThrowsError(try AlignmentTable().read(path: nan)) { XCTAssertTrue("\($0)".contains("not a confidence"), "\($0)") }
    }

    /// Tabs and every line break `Character.isNewline` knows become spaces, found on the bytes: the
    /// multi-byte breaks (U+0085, U+2028, U+2029) as well, while curly quotes (E2 80 9C) are text.
    func testTSVFieldsLoseEveryLineBreakAndKeepEverythingElse() {
        let breaks = ["\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        for b in breaks {
            XCTAssertEqual(DelimitedText.tsvField("甲" + b + "乙"), "甲 乙", "\(b.unicodeScalars.map { $0.value })")
        }
        for kept in ["“引号”", "a\u{2027}b", "é\u{301}", "‘", "x\u{A0}y", "", "plain"] {
            XCTAssertEqual(DelimitedText.tsvField(kept), kept)
        }
        XCTAssertEqual(DelimitedText.tsvField("\"q\""), "\"\"\"q\"\"\"")
        XCTAssertEqual(DelimitedText.tsvField("\"q"), "\"q")
    }

    func testCSVFormulaGuardIsExactlyReversible() throws {
        let entries = [TermEntry(zh: "公式", en: "'=1+1"), TermEntry(zh: "负一", en: "-1"), TermEntry(zh: "引号", en: "'quoted")]
        let csv = GlossaryTable(separator: ",", byteOrderMark: false)
        let text = try written(csv, entries)
        XCTAssertTrue(text.contains("公式,''=1+1,"), text)
        XCTAssertTrue(text.contains("负一,'-1,"), text)
        XCTAssertEqual(try csv.read(path: file("g.csv", Array(text.utf8))).map(\.en), ["'=1+1", "-1", "'quoted"])
    }

    func testXMLIllegalControlCharactersAreRefusedNotDropped() throws {
        let tmx = TMXFormat(languages: settings.languages)
        XCTAssertThrowsError(try written(tmx, [TranslationUnit(zh: "你好", en: "Hi"), TranslationUnit(zh: "再见", en: "By\u{1}e")])) {
            XCTAssertTrue("\($0)".contains("unit 2 holds U+0001, a control character XML cannot hold"), "\($0)")
        }
        let tbx = TBXFormat(languages: settings.languages, version: 2)
        XCTAssertThrowsError(try written(tbx, [TermEntry(zh: "伊斯兰国", en: "Islamic\u{7}State")])) {
            XCTAssertTrue("\($0)".contains("entry 1 holds U+0007"), "\($0)")
        }
    }

    func testHostileXMLIsAnErrorNamingTheFileNeverACrash() throws {
        let deepSeg = "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>" + String(repeating: "<hi>", count: 40_000) + "伊斯兰国"
            + String(repeating: "</hi>", count: 40_000) + "</seg></tuv></tu></body></tmx>"
        let tmx = try file("deep.tmx", Array(deepSeg.utf8))
        XCTAssertThrowsError(try TMXFormat(languages: settings.languages).read(path: tmx)) {
            XCTAssertTrue("\($0)".hasPrefix("\(tmx):1:"), "\($0)")
            XCTAssertTrue("\($0)".contains("nesting deeper than 256 levels"), "\($0)")
        }
        let deepBody = "<martif type=\"TBX-Basic\"><text><body>" + String(repeating: "<x>", count: 40_000) + String(repeating: "</x>", count: 40_000) + "</body></text></martif>"
        let tbx = try file("deep.tbx", Array(deepBody.utf8))
        XCTAssertThrowsError(try TBXFormat(languages: settings.languages, version: 2).read(path: tbx)) {
            XCTAssertTrue("\($0)".contains("nesting deeper than 256 levels"), "\($0)")
        }
        let entity = "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh\"><seg>你好</seg></tuv><tuv xml:lang=\"en\"><seg>Hello &nbsp; world</seg></tuv></tu></body></tmx>"
        let undefined = try file("entity.tmx", Array(entity.utf8))
        XCTAssertThrowsError(try TMXFormat(languages: settings.languages).read(path: undefined)) {
            XCTAssertTrue("\($0)".hasPrefix("\(undefined):2:"), "\($0)")
            XCTAssertTrue("\($0)".contains("nbsp"), "the entity is named: \($0)")
        }
    }

    func testATMXOverTenMegabytesIsRead() throws {
        let unit = "<tu><tuv xml:lang=\"zh-CN\"><seg>" + String(repeating: "伊斯兰国", count: 40) + "</seg></tuv><tuv xml:lang=\"en-US\"><seg>"
            + String(repeating: "Islamic State ", count: 40) + "</seg></tuv></tu>\n"
        let text = "<tmx version=\"1.4\"><header/><body>\n" + String(repeating: unit, count: 12_000) + "</body></tmx>\n"
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        let units = try TMXFormat(languages: settings.languages).read(path: file("big.tmx", Array(text.utf8)))
        XCTAssertEqual(units.count, 12_000)
        XCTAssertEqual(units.last?.zh.count, 160)
    }
}

/// Multilingual memories and termbases: what is not Chinese–English is skipped and counted.
final class MultilingualFileTests: XCTestCase {
    private let languages = try! LanguageTags()

    private func path(_ text: String, _ name: String) throws -> String {
        let p = try Fixtures.temporaryDirectory(for: self).appendingPathComponent(name).path
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        return p
    }

    func testUnitsWithoutChineseOrEnglishAreSkippedAndCounted() throws {
        let tmx = """
            <tmx version="1.4"><header/><body>
            <tu><tuv xml:lang="zh-CN"><seg>你好</seg></tuv><tuv xml:lang="en-GB"><seg>Hello</seg></tuv></tu>
            <tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
            <tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="zh-TW"><seg>哈囉</seg></tuv></tu>
            </body></tmx>
            """
        let file = try path(tmx, "m.tmx")
        let notes = ReadNotes()
        XCTAssertEqual(try TMXFormat(languages: languages, notes: notes).read(path: file).map(\.en), ["Hello"])
        XCTAssertEqual(notes.drain(), ["\(file): note: skipped 2 of 3 units without a Chinese or an English side (--strict refuses the file instead)"])
        XCTAssertThrowsError(try TMXFormat(languages: languages, strict: true).read(path: file)) {
            XCTAssertTrue("\($0)".hasPrefix("\(file):3: error: <tu> has no Chinese side (fr, en)"), "\($0)")
        }
        let none = try path("<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"fr\"><seg>a</seg></tuv><tuv xml:lang=\"de\"><seg>b</seg></tuv></tu></body></tmx>", "n.tmx")
        XCTAssertThrowsError(try TMXFormat(languages: languages).read(path: none)) {
            XCTAssertTrue("\($0)".contains("no <tu> has both a Chinese and an English side (languages found: de, fr)"), "\($0)")
        }
    }

    func testEveryChineseSynonymOfATBXEntryIsKept() throws {
        let tbx = """
            <martif type="TBX-Basic"><text><body>
            <termEntry id="1"><langSet xml:lang="zh"><tig><term>伊斯兰国</term></tig><tig><term>伊斯蘭國</term></tig></langSet>
            <langSet xml:lang="en"><tig><term>Islamic State</term></tig><tig><term>ISIS</term></tig></langSet></termEntry>
            <termEntry id="2"><langSet xml:lang="fr"><tig><term>État islamique</term></tig></langSet><langSet xml:lang="en"><tig><term>Islamic State</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let file = try path(tbx, "t.tbx")
        let notes = ReadNotes()
        let entries = try TBXFormat(languages: languages, notes: notes).read(path: file)
        XCTAssertEqual(entries.map(\.zh), ["伊斯兰国", "伊斯蘭國"])
        XCTAssertEqual(entries.map(\.en), ["Islamic State", "Islamic State"])
        XCTAssertEqual(entries.map(\.variants), [["ISIS"], ["ISIS"]])
        XCTAssertEqual(notes.drain(), [
            "\(file): note: skipped 1 of 2 entries without a Chinese or an English term (--strict refuses the file instead)",
            "\(file): note: 1 Chinese synonyms read as entries of their own, sharing their entry's English",
        ])
    }
}

final class LanguageTagTests: XCTestCase {
    func testUnitTagsSurviveTMXAndJSONLines() throws {
        let dir = try Fixtures.temporaryDirectory(for: self)
        let tmx = """
            <tmx version="1.4"><header/><body>
            <tu><tuv xml:lang="zh-TW"><seg>伊斯蘭國</seg></tuv><tuv xml:lang="en-GB"><seg>Islamic State</seg></tuv></tu>
            <tu><tuv xml:lang="zh"><seg>你好</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
            </body></tmx>
            """
        let path = dir.appendingPathComponent("tw.tmx").path
        try tmx.write(toFile: path, atomically: false, encoding: .utf8)
        let units = try TMXFormat(languages: .standard).read(path: path)
        XCTAssertEqual(units.map(\.zhLanguage), ["zh-TW", "zh"])
        XCTAssertEqual(units.map(\.enLanguage), ["en-GB", "en"])
        for format in [TMXFormat(languages: .standard) as any InterchangeFormat<TranslationUnit>, AlignmentJSONLines()] {
            let out = dir.appendingPathComponent("again").path
            let file = try OutputFile(path: out)
            try format.write(units, to: file)
            try file.commit()
            XCTAssertEqual(try format.read(path: out), units, "\(type(of: format)) keeps each unit's tags")
        }
    }

    func testTraditionalTextIsTold() throws {
        let traditional = [Sentence(text: "但是，對「伊斯蘭國」的軍事勝利並不意味著和平的到來。", language: .zh)]
        let simplified = [Sentence(text: "但是，对“伊斯兰国”的军事胜利并不意味着和平的到来。", language: .zh)]
        XCTAssertTrue(try ChineseScript.isTraditional(traditional))
        XCTAssertFalse(try ChineseScript.isTraditional(simplified))
        XCTAssertFalse(try ChineseScript.isTraditional([]))
    }
}

/// The hostile files in Tests/BitextCoreTests/Hostile, each read as its name and content say, give
/// exactly the outcome `expected.tsv` lists: an error with its line, column and message, or a count.
final class HostileFileTests: XCTestCase {
    func testEveryHostileFileGivesItsExpectedOutcome() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")
        let manifest = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        let settings = FormatSettings(languages: .standard)
        var checked = 0
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let path = folder.appendingPathComponent(fields[0]).path
            let head = try FormatKind.head(path: path)
            let kind = try XCTUnwrap(FormatKind.detect(path: path, head: head), fields[0])
            let outcome: String
            do {
                let count = kind.holdsGlossary(head: head) ? try settings.glossaryFormat(kind, path: path).read(path: path).count
                    : try settings.alignmentFormat(kind, path: path).read(path: path).count
                outcome = "units:\(count)"
            } catch {
                outcome = "error:" + "\(error)".dropFirst(path.count + 1)
            }
            XCTAssertEqual(outcome, fields[1], fields[0])
            checked += 1
        }
        XCTAssertEqual(checked, 12)
    }
}
