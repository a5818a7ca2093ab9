import BitextCore
@testable import BitextFormats
import Foundation
import TestSupport
import XCTest

/// The conformance suite every interchange format passes: import → export → import gives equal
/// units; CJK text; & < > " escaped; tabs and line breaks inside fields; an empty file; a damaged
/// file → an error naming the file and the line.
final class InterchangeConformanceTests: XCTestCase {
    private let settings = FormatSettings(languages: try! LanguageTags())

    static let units = [
        TranslationUnit(zh: "提前着眼应对“后伊斯兰国”时代", en: "International community should prepare for \"Post-ISIS Era\"",
                        confidence: 0.458, source: "excerpt.txt:3"),
        TranslationUnit(zh: "张 锴", en: "By Zhang Kai & <others>", confidence: 0.927, source: nil),
        TranslationUnit(zh: "第一行\t制表符\n第二行", en: "line one\ttab\nline two, with a comma", confidence: 1, source: "a.zh:9"),
        TranslationUnit(zh: "=SUM(A1)", en: "-1 @home +2", confidence: nil, source: nil),
    ]

    static let entries = [
        TermEntry(zh: "伊斯兰国", en: "Islamic State", pinyin: "yī sī lán guó", score: 0.95, frequency: 6,
                  exampleZh: "“伊斯兰国”已成强弩之末。", exampleEn: "The \"Islamic State\" is a spent force & <weakened>.",
                  references: ["excerpt.txt:16", "excerpt.txt:20"], variants: ["ISIS", "IS"]),
        TermEntry(zh: "后伊斯兰国时代", en: "Post-ISIS Era", pinyin: "hòu yī sī lán guó shí dài", score: 1, frequency: 2,
                  exampleZh: "第一句\t第二句\n第三句", exampleEn: "one\ttwo\nthree, four"),
        TermEntry(zh: "负一", en: "-1", pinyin: "fù yī", score: 0.5, frequency: 1),
    ]

    /// `unit` as TSV keeps it: tabs and line breaks inside fields become spaces.
    static func flattened(_ unit: TranslationUnit) -> TranslationUnit {
        TranslationUnit(zh: flat(unit.zh), en: flat(unit.en), confidence: unit.confidence, source: unit.source)
    }

    static func flat(_ s: String) -> String { String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 }) }

    private func roundTrip<F: InterchangeFormat>(_ format: F, _ units: [F.Unit]) throws -> (first: [F.Unit], second: [F.Unit], file: String) {
        let dir = try Fixtures.temporaryDirectory(for: self)
        let path = dir.appendingPathComponent("a").path, again = dir.appendingPathComponent("b").path
        let out = try OutputFile(path: path)
        try format.write(units, to: out)
        try out.commit()
        let first = try format.read(path: path)
        let out2 = try OutputFile(path: again)
        try format.write(first, to: out2)
        try out2.commit()
        return (first, try format.read(path: again), String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
    }

    private func assertBad<F: InterchangeFormat>(_ format: F, _ content: String, line: Int, _ message: String, file: StaticString = #filePath, at: UInt = #line) throws {
        let path = try Fixtures.temporaryDirectory(for: self).appendingPathComponent("bad").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try format.read(path: path), file: file, line: at) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("\(path):\(line):"), "expected \(path):\(line): in \(text)", file: file, line: at)
            XCTAssertTrue(text.contains(message), "expected '\(message)' in \(text)", file: file, line: at)
        }
    }

    // MARK: alignment formats

    func testAlignmentFormatsRoundTripEveryField() throws {
        for kind in FormatKind.alignmentFormats {
            let format = try settings.alignmentFormat(kind, path: "x")
            let (first, second, _) = try roundTrip(format, Self.units)
            XCTAssertEqual(first, second, "\(kind): import → export → import")
            // Confidence is written with three decimals; everything else comes back as given, but TSV
            // writes a tab or line break inside a field as a space (its convention: no quoting), and
            // TMX gives every unit the language tags it was written with.
            let expected = switch kind {
            case .tsv: Self.units.map(Self.flattened)
            case .tmx: Self.units.map { u in var u = u; u.zhLanguage = "zh-CN"; u.enLanguage = "en-US"; return u }
            default: Self.units
            }
            XCTAssertEqual(first, expected, "\(kind)")
        }
    }

    func testTMXKeepsBothReferencesAndTheDocumentOfEachUnit() throws {
        var unit = Self.units[0]
        unit.enSource = "excerpt.en.txt:4"
        unit.document = "post-isis & <era>"
        let (first, second, file) = try roundTrip(try settings.alignmentFormat(.tmx, path: "x"), [unit, Self.units[1]])
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.map(\.document), ["post-isis & <era>", nil])
        XCTAssertEqual(first.map(\.enSource), ["excerpt.en.txt:4", nil])
        XCTAssertTrue(file.contains("<prop type=\"x-document\">post-isis &amp; &lt;era&gt;</prop>"), file)
    }

    func testAlignmentFormatsWithNothingInThem() throws {
        for kind in FormatKind.alignmentFormats {
            let (first, _, _) = try roundTrip(try settings.alignmentFormat(kind, path: "x"), [TranslationUnit]())
            XCTAssertEqual(first, [], "\(kind)")
        }
    }

    func testDamagedAlignmentFilesNameTheLine() throws {
        let tmx = TMXFormat(languages: settings.languages)
        try assertBad(tmx, "<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"zh\"><seg>a</seg></tuv>\n</body></tmx>\n", line: 4, "malformed XML")
        try assertBad(tmx, "<?xml version=\"1.0\"?>\n<martif/>\n", line: 2, "not <tmx>")
        let oneLanguage = "<tmx version=\"1.4\"><body>\n<tu>\n<tuv xml:lang=\"zh-CN\"><seg>你好</seg></tuv>\n</tu></body></tmx>"
        try assertBad(TMXFormat(languages: settings.languages, strict: true), oneLanguage, line: 2, "one language (zh-CN)")
        try assertBad(tmx, oneLanguage, line: 1, "no <tu> has both a Chinese and an English side (languages found: zh-CN)")
        try assertBad(tmx, "<tmx version=\"1.4\"><body>\n<tu>\n<tuv xml:lang=\"zh_CN\"><seg>你好</seg></tuv><tuv xml:lang=\"en\"><seg>hi</seg></tuv>\n</tu></body></tmx>",
                      line: 3, "unknown language tag 'zh_CN'")
        try assertBad(AlignmentTable(), "你好\thello\t0.9\n再见\tgoodbye\tsure\n", line: 2, "not a confidence")
        try assertBad(AlignmentJSONLines(), "{\"zh_text\":\"你好\",\"en_text\":\"hi\"}\n{\"zh_text\":\"再见\"\n", line: 2, "not a JSON object")
    }

    func testTMXFromOtherToolsLosesItsInlineCodesAndMatchesLanguageVariants() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="html"/>
            <body>
            <tu><tuv xml:lang="en-GB"><seg>The <bpt i="1">&lt;b&gt;</bpt>Islamic State<ept i="1">&lt;/b&gt;</ept> fell<ph>&lt;br/&gt;</ph>.</seg></tuv>
            <tuv xml:lang="fr"><seg>L'État islamique</seg></tuv>
            <tuv xml:lang="zh-Hans"><seg><hi type="b">伊斯兰国</hi>垮台了<it pos="begin">&lt;i&gt;</it>。</seg></tuv></tu>
            <tu><tuv lang="ZH"><seg>你好</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
            </body></tmx>
            """
        let path = try Fixtures.temporaryDirectory(for: self).appendingPathComponent("other.tmx").path
        try tmx.write(toFile: path, atomically: true, encoding: .utf8)
        let notes = ReadNotes()
        let units = try TMXFormat(languages: settings.languages, notes: notes).read(path: path)
        // Inline native codes are the other tool's markup: dropped (and counted); <hi> keeps its text.
        XCTAssertEqual(units.map(\.zh), ["伊斯兰国垮台了。", "你好"])
        XCTAssertEqual(units.map(\.en), ["The Islamic State fell.", "Hello"])
        XCTAssertEqual(notes.drain(), ["\(path): note: dropped 4 inline codes (bpt, ept, ph, it, ut) from the segments: the other tool's markup, not text"])
        XCTAssertEqual(units[0].confidence, nil)
    }

    func testWrittenTMXValidatesAgainstTheDTDAndTheSchema() throws {
        let formats = try Fixtures.shared("formats")
        guard let xmllint = Tool.find("xmllint") else { throw XCTSkip("xmllint is not installed (Debian: libxml2-utils)") }
        let (_, _, text) = try roundTrip(TMXFormat(languages: settings.languages), Self.units)
        let path = try Fixtures.temporaryDirectory(for: self).appendingPathComponent("out.tmx").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["--dtdvalid", formats + "/tmx14.dtd"], ["--schema", formats + "/tmx14.xsd"]] {
            let result = try Tool.run(xmllint, ["--noout"] + arguments + [path])
            XCTAssertEqual(result.status, 0, "xmllint \(arguments): \(result.output)")
        }
    }

    // MARK: glossary formats

    /// Every glossary format of the registry, and the settings that change how one is written.
    private var glossaryFormats: [(String, any InterchangeFormat<TermEntry>)] {
        let registry = FormatKind.glossaryFormats.map { kind in (kind.rawValue, try! settings.glossaryFormat(kind, path: "x.\(kind.rawValue)")) }
        return registry + [("tbx 3", try! FormatSettings(languages: settings.languages, tbxVersion: 3).glossaryFormat(.tbx, path: "x")),
                           ("csv excel", try! FormatSettings(languages: settings.languages, excel: true).glossaryFormat(.csv, path: "x"))]
    }

    func testGlossaryFormatsRoundTrip() throws {
        for (name, format) in glossaryFormats {
            let (first, second, _) = try roundTrip(format, Self.entries)
            XCTAssertEqual(first, second, "\(name): import → export → import")
            XCTAssertEqual(first.map(\.zh), Self.entries.map(\.zh), name)
            XCTAssertEqual(first.map(\.en), Self.entries.map(\.en), name)
            XCTAssertEqual(first.map(\.pinyin), Self.entries.map(\.pinyin), name)
            if name == "omegat" {
                XCTAssertEqual(first[1].exampleZh, "", "OmegaT has no example column")
            } else {
                XCTAssertEqual(first.map(\.exampleEn), Self.entries.map { name == "tsv" ? Self.flat($0.exampleEn) : $0.exampleEn },
                               "\(name): tabs, line breaks (spaces in TSV), quotes, & < >")
                XCTAssertEqual(first.map(\.score), Self.entries.map(\.score), name)
                XCTAssertEqual(first.map(\.frequency), Self.entries.map(\.frequency), name)
            }
            if name.hasPrefix("tbx") || name == "jsonl" {
                XCTAssertEqual(first, Self.entries, "\(name) keeps variants and references")
            }
        }
    }

    func testOmegaTFieldsLoseTabsAndLineBreaks() throws {
        let entry = TermEntry(zh: "甲\t乙", en: "a\nb", pinyin: "jiǎ yǐ")
        let (first, _, text) = try roundTrip(OmegaTGlossary(), [entry])
        XCTAssertTrue(text.hasPrefix(FormatKind.omegaTMagic + "\n"))
        XCTAssertEqual(first, [TermEntry(zh: "甲 乙", en: "a b", pinyin: "jiǎ yǐ")])
    }

    func testCSVGuardsFormulasAndExcelGetsABOM() throws {
        let (_, _, text) = try roundTrip(GlossaryTable(separator: ",", byteOrderMark: true), Self.entries)
        XCTAssertTrue(text.hasPrefix("\u{FEFF}zh,en,pinyin,score,frequency,example_zh,example_en,variants\r\n"))
        XCTAssertTrue(text.contains("负一,'-1,"), text)
    }

    func testGlossaryFormatsWithNothingInThem() throws {
        for (name, format) in glossaryFormats {
            XCTAssertEqual(try roundTrip(format, [TermEntry]()).first, [], name)
        }
    }

    func testDamagedGlossaryFilesNameTheLine() throws {
        let tbx = TBXFormat(languages: settings.languages)
        try assertBad(tbx, "<martif type=\"TBX-Basic\">\n<text><body>\n<termEntry>\n</body></text></martif>", line: 4, "malformed XML")
        try assertBad(tbx, "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>", line: 2, "not <martif> or <tbx>")
        let chineseOnly = "<martif><text><body>\n<termEntry id=\"a\"><langSet xml:lang=\"zh\"><tig><term>你好</term></tig></langSet></termEntry>\n</body></text></martif>"
        try assertBad(TBXFormat(languages: settings.languages, strict: true), chineseOnly, line: 2, "needs a Chinese and an English term")
        try assertBad(tbx, chineseOnly, line: 1, "no <termEntry> has both a Chinese and an English term")
        try assertBad(GlossaryTable(separator: ",", byteOrderMark: false), "zh,en\n伊斯兰国,Islamic State\n\"哈里发国,caliphate\n", line: 3, "never closed")
        try assertBad(GlossaryTable(separator: "\t", byteOrderMark: false), "zh\ten\n伊斯兰国\tIslamic State\n哈里发国\n", line: 3, "expected a Chinese term")
        try assertBad(OmegaTGlossary(), "# comment\n伊斯兰国\tIslamic State\n哈里发国\n", line: 3, "source<TAB>target")
        try assertBad(GlossaryJSONLines(), "{\"zh\":\"伊斯兰国\",\"en\":\"Islamic State\"}\n{\"zh\":\"哈里发国\"}\n", line: 2, "\"en\"")
    }

    func testWrittenTBX3PassesTheRelaxNGSchemaAndTheSchematronRules() throws {
        let shared = try Fixtures.shared("formats")
        guard let jing = Tool.find("jing") else { throw XCTSkip("jing is not installed (Debian: jing)") }
        let (_, _, text) = try roundTrip(TBXFormat(languages: settings.languages, version: 3), Self.entries)
        let path = try Fixtures.temporaryDirectory(for: self).appendingPathComponent("out.tbx").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let rng = try Tool.run(jing, [shared + "/tbx-core-v3.rng", path])
        XCTAssertEqual(rng.status, 0, rng.output)
        guard let python = Tool.python(with: "lxml, elementpath") else { throw XCTSkip("python3 lacks lxml or elementpath (pip install lxml elementpath)") }
        let sch = try Tool.run(python, [shared + "/../tools/tbx_schematron_check.py", shared + "/tbx-basic-dca.sch", path])
        XCTAssertEqual(sch.status, 0, sch.output)
    }

    func testFormatsAreToldByNameAndContent() {
        XCTAssertEqual(FormatKind.detect(path: "a.TMX", head: ""), .tmx)
        XCTAssertEqual(FormatKind.detect(path: "terms.utf8", head: ""), .omegat)
        XCTAssertEqual(FormatKind.detect(path: "terms.txt", head: FormatKind.omegaTMagic + "\n"), .omegat)
        XCTAssertEqual(FormatKind.detect(path: "memory", head: "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">"), .tmx)
        XCTAssertEqual(FormatKind.detect(path: "terms", head: "<?xml version=\"1.0\"?>\n<martif type=\"TBX-Basic\">"), .tbx)
        XCTAssertEqual(FormatKind.detect(path: "x", head: "{\"zh_text\": \"a\"}"), .jsonl)
        XCTAssertEqual(FormatKind.detect(path: "x", head: "你好\thello\n"), .tsv)
        XCTAssertNil(FormatKind.detect(path: "x", head: "hello"))
        XCTAssertTrue(FormatKind.tsv.holdsGlossary(head: "zh\ten\tpinyin\n"))
        XCTAssertFalse(FormatKind.tsv.holdsGlossary(head: "你好\thello\t0.9\n"))
    }

    func testLanguageTagsAreCheckedAsBCP47() throws {
        XCTAssertThrowsError(try LanguageTags(zh: "zh_CN")) { XCTAssertTrue("\($0)".contains("write 'zh-CN'"), "\($0)") }
        XCTAssertThrowsError(try LanguageTags(en: "zh-TW"))
        XCTAssertNoThrow(try LanguageTags(zh: "zh-Hans-CN", en: "en"))
        XCTAssertEqual(LanguageTags.language(of: "zh-Hant-TW"), .zh)
        XCTAssertNil(LanguageTags.language(of: "fr"))
    }
}
