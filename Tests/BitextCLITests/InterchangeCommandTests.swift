import Foundation
import TestSupport
import XCTest

/// The interchange formats through the command line: align/glossary output, `convert`, `--dict`
/// with every glossary format, bad input, and real consumers (translate-toolkit, Chromium).
final class InterchangeCommandTests: XCTestCase {
    let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")

    static let zh = "尼日利亚北部今年的雨季来得很晚。\n农民们一直在等待下雨。\n卡杜纳和扎里亚下了大雨。\n索科托的农民说今年雨水很少，庄稼都快枯死了，他们很担心。\n政府承诺提供帮助。\n专家说气候正在变化。\n"
    static let en = "The rainy season came late in northern Nigeria this year.\nFarmers had been waiting for rain.\nIt rained hard in Kaduna.\nZaria had rain too.\nSokoto farmers worry.\nThe government promised help.\nExperts say the climate is changing.\n"

    func testAUserGlossaryInAnyFormatTurnsAMisalignmentRight() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try Self.zh.write(to: dir.appendingPathComponent("a.zh"), atomically: true, encoding: .utf8)
        try Self.en.write(to: dir.appendingPathComponent("a.en"), atomically: true, encoding: .utf8)
        let wrong = try CLI.run(["align", "a.zh", "a.en", "--presegmented", "--format", "beads"], in: dir)
        XCTAssertEqual(wrong.stdout, "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3,4]\n[4]:[5]\n[5]:[6]\n", "without the glossary Zaria goes with 索科托")
        // The same three place names as an OmegaT glossary, then converted to TBX, CSV and JSON Lines.
        try "# Glossary in tab-separated format -*- coding: utf-8 -*-\n卡杜纳\tKaduna\t\n扎里亚\tZaria\t\n索科托\tSokoto\t\n"
            .write(to: dir.appendingPathComponent("places.txt"), atomically: true, encoding: .utf8)
        for name in ["places.txt", "places.tbx", "places.csv", "places.jsonl"] {
            if name != "places.txt" {
                let c = try CLI.run(["convert", "places.txt", name], in: dir)
                XCTAssertEqual(c.status, 0, c.stderr)
            }
            let right = try CLI.run(["align", "a.zh", "a.en", "--presegmented", "--format", "beads", "--dict", name], in: dir)
            XCTAssertEqual(right.status, 0, right.stderr)
            XCTAssertEqual(right.stdout, "[0]:[0]\n[1]:[1]\n[2]:[2,3]\n[3]:[4]\n[4]:[5]\n[5]:[6]\n", name)
        }
    }

    func testAlignmentToTMXAndBackThroughEveryAlignmentFormat() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let tsv = try CLI.run(["align", excerpt, "-o", "a.tsv"], in: dir)
        XCTAssertEqual(tsv.status, 0, tsv.stderr)
        let tmx = try CLI.run(["align", excerpt, "--format", "tmx", "--zh-lang", "zh-Hans", "-o", "a.tmx"], in: dir)
        XCTAssertEqual(tmx.status, 0, tmx.stderr)
        let written = try String(contentsOf: dir.appendingPathComponent("a.tmx"), encoding: .utf8)
        XCTAssertTrue(written.contains("<tuv xml:lang=\"zh-Hans\"><seg>张 锴</seg></tuv>"), written)
        XCTAssertTrue(written.contains("<prop type=\"x-confidence\">"))
        for (from, to) in [("a.tmx", "b.jsonl"), ("b.jsonl", "c.tsv"), ("c.tsv", "d.tmx")] {
            let r = try CLI.run(["convert", from, to], in: dir)
            XCTAssertEqual(r.status, 0, "\(from) → \(to): \(r.stderr)")
        }
        // The beads with both sides come back with their texts, confidences and sources.
        let paired = try String(contentsOf: dir.appendingPathComponent("a.tsv"), encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("\t") && !$0.contains("\t\t") }
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("c.tsv"), encoding: .utf8).split(separator: "\n"), paired)
        let again = try String(contentsOf: dir.appendingPathComponent("d.tmx"), encoding: .utf8)
        XCTAssertEqual(again.components(separatedBy: "<tu>").count, written.components(separatedBy: "<tu>").count)
    }

    func testGlossaryFormatsFromTheCommandAndConverted() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let tbx = try CLI.run(["glossary", excerpt, "--format", "tbx", "-o", "g.tbx"], in: dir)
        XCTAssertEqual(tbx.status, 0, tbx.stderr)
        let text = try String(contentsOf: dir.appendingPathComponent("g.tbx"), encoding: .utf8)
        XCTAssertTrue(text.contains("<martif type=\"TBX-Basic\""))
        XCTAssertTrue(text.contains("<term>伊斯兰国</term>"))
        XCTAssertTrue(text.contains("<note>pinyin: yī sī lán guó</note>"))
        XCTAssertTrue(text.contains("admittedTerm-admn-sts"))
        XCTAssertFalse(text.contains("preferredTerm"))
        let v3 = try CLI.run(["glossary", excerpt, "--format", "tbx", "--tbx-version", "3"])
        XCTAssertTrue(v3.stdout.contains("<tbx type=\"TBX-Basic\" style=\"dca\""), v3.stderr)
        for (from, to) in [("g.tbx", "g.utf8"), ("g.tbx", "g.csv"), ("g.csv", "g.tsv"), ("g.tsv", "g.jsonl"), ("g.jsonl", "g2.tbx")] {
            let r = try CLI.run(["convert", from, to], in: dir)
            XCTAssertEqual(r.status, 0, "\(from) → \(to): \(r.stderr)")
        }
        let omegat = try String(contentsOf: dir.appendingPathComponent("g.utf8"), encoding: .utf8)
        XCTAssertTrue(("\n" + omegat).contains("\n伊斯兰国\tIslamic State\tyī sī lán guó\n"), omegat)  // .utf8 has no magic line: the best entry may be the first line
        let csv = try CLI.run(["glossary", excerpt, "--excel"])
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}zh,en,"))
        let html = try CLI.run(["glossary", excerpt, "--format", "html"])
        XCTAssertTrue(html.stdout.contains("<td lang=\"zh\" class=\"term\">伊斯兰国</td>"))
    }

    func testBadInputNamesTheFileAndLineAndLeavesNoOutput() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let files = [
            "broken.tmx": "<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"zh\"><seg>你好</seg></tuv>\n</body></tmx>\n",
            "root.tmx": "<?xml version=\"1.0\"?>\n<martif/>\n",
            "one.tmx": "<tmx version=\"1.4\"><body>\n<tu>\n<tuv xml:lang=\"zh-CN\"><seg>你好</seg></tuv>\n</tu></body></tmx>\n",
            "tag.tmx": "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh_CN\"><seg>你好</seg></tuv><tuv xml:lang=\"en\"><seg>hi</seg></tuv></tu>\n</body></tmx>\n",
            "quote.csv": "zh,en\n伊斯兰国,Islamic State\n\"哈里发国,caliphate\n",
        ]
        for (name, content) in files { try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let expected = [
            ("broken.tmx", "out.tsv", "broken.tmx:4:"), ("root.tmx", "out.tsv", "root.tmx:2: error: the root element is <martif>"),
            ("one.tmx", "out.tsv", "one.tmx:1: error: no <tu> has both a Chinese and an English side (languages found: zh-CN)"),
            ("tag.tmx", "out.tsv", "tag.tmx:2: error: unknown language tag 'zh_CN'"), ("quote.csv", "out.tbx", "quote.csv:3: error: a quoted field is never closed"),
        ]
        for (input, output, message) in expected {
            let r = try CLI.run(["convert", input, output], in: dir)
            XCTAssertEqual(r.status, 1, input)
            XCTAssertTrue(r.stderr.hasPrefix("bitext: " + message), "\(input): \(r.stderr)")
        }
        let lang = try CLI.run(["align", excerpt, "--format", "tmx", "--zh-lang", "zh_CN", "-o", "out.tmx"], in: dir)
        XCTAssertNotEqual(lang.status, 0)
        XCTAssertTrue(lang.stderr.contains("write 'zh-CN'"), lang.stderr)
        let kind = try CLI.run(["convert", "quote.csv", "out.tmx"], in: dir)
        XCTAssertEqual(kind.status, 1)
        XCTAssertTrue(kind.stderr.contains("tmx holds aligned sentences, not glossaries"), kind.stderr)
        XCTAssertEqual(try CLI.files(in: dir), files.keys.sorted(), "no output file, not even a partial one")
    }

    /// translate-toolkit (PyPI), a reader that is not ours, finds the same units and languages.
    func testTranslateToolkitReadsOurFiles() throws {
        guard let python = Tool.python(with: "translate.storage.tmx") else {
            throw XCTSkip("translate-toolkit is not installed (pip install translate-toolkit); .ci/run installs it")
        }
        let dir = try CLI.temporaryDirectory(for: self)
        for arguments in [["align", excerpt, "--format", "tmx", "-o", "a.tmx"], ["glossary", excerpt, "--format", "tbx", "-o", "g.tbx"],
                          ["glossary", excerpt, "--format", "omegat", "-o", "g.utf8"], ["glossary", excerpt, "-o", "g.csv"],
                          ["glossary", excerpt, "--format", "jsonl", "-o", "g.jsonl"], ["align", excerpt, "--format", "jsonl", "-o", "a.jsonl"]] {
            let r = try CLI.run(arguments, in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let script = """
            import json, sys
            from translate.storage import tmx, tbx, omegat, csvl10n
            XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
            def pairs(store): return [(u.source, u.target) for u in store.units]
            def languages(store): return {n.get(XML_LANG) for u in store.units for n in u.getlanguageNodes()}
            ours = [json.loads(l) for l in open("a.jsonl", encoding="utf-8")]
            want = [(o["zh_text"], o["en_text"]) for o in ours if o["zh_text"] and o["en_text"]]
            t = tmx.tmxfile.parsefile("a.tmx")
            assert pairs(t) == want, ("tmx", pairs(t)[:2], want[:2])
            assert t.getsourcelanguage() == "zh-CN", t.getsourcelanguage()
            assert languages(t) == {"zh-CN", "en-US"}, languages(t)
            terms = [(o["zh"], o["en"]) for o in (json.loads(l) for l in open("g.jsonl", encoding="utf-8"))]
            b = tbx.tbxfile.parsefile("g.tbx")
            assert pairs(b) == terms, ("tbx", pairs(b)[:3], terms[:3])
            assert languages(b) == {"zh-CN", "en-US"}, languages(b)
            o = omegat.OmegaTFile.parsefile("g.utf8")
            assert pairs(o) == terms, ("omegat", pairs(o)[:3], terms[:3])
            # translate-toolkit names CSV columns source/target; ours are zh,en (a header row it reads as a unit).
            with open("g.csv", "rb") as f: c = csvl10n.csvfile(f, fieldnames=["source", "target"])
            got = [(u.source, u.target) for u in c.units]
            assert got[0] == ("zh", "en") and got[1:] == terms, ("csv", got[:3], terms[:3])
            print("tmx", len(want), "tbx", len(terms))
            """
        try script.write(to: dir.appendingPathComponent("check.py"), atomically: true, encoding: .utf8)
        let r = try Tool.run(python, ["check.py"], in: dir)
        XCTAssertEqual(r.status, 0, r.output)
    }

    /// The editor in real Chromium through WebDriver: merge the first two beads, export TMX, TSV and
    /// the edits. The TMX is valid TMX 1.4b and holds the merged unit; the TSV is what
    /// `bitext align --apply-edits` writes from the exported edits, byte for byte.
    func testEditorMergesAndExportsInChromiumThroughWebDriver() throws {
        guard Tool.find("chromedriver") != nil, FileManager.default.fileExists(atPath: "/usr/bin/chromium") else {
            throw XCTSkip("chromium and chromium-driver are not installed (Debian); .ci/run installs them")
        }
        guard let python = Tool.python(with: "selenium") else { throw XCTSkip("PyPI selenium is not installed; .ci/run installs it") }
        let dir = try CLI.temporaryDirectory(for: self)
        let r = try CLI.run(["align", excerpt, "--format", "html", "-o", "showcase.html"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let downloads = dir.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let driver = CLI.packageRoot.appendingPathComponent("Tests/BitextCLITests/EditorDriver.py").path
        let run = try Tool.run(python, [driver, dir.appendingPathComponent("showcase.html").path, downloads.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("13 before, 12 after the merge"), run.output)
        let tmx = downloads.appendingPathComponent("showcase.edited.tmx")
        let text = try String(contentsOf: tmx, encoding: .utf8)
        let first = try CLI.run(["align", excerpt, "--format", "tsv", "--quiet"]).stdout.split(separator: "\n").prefix(2).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertTrue(text.contains("<seg>\(first[0][1]) \(first[1][1])</seg>".replacingOccurrences(of: "\"", with: "&quot;")), "the merged unit: \(text.prefix(900))")
        if let xmllint = Tool.find("xmllint") {
            let formats = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/formats/tmx14.dtd").path
            if FileManager.default.fileExists(atPath: formats) {
                let valid = try Tool.run(xmllint, ["--noout", "--dtdvalid", formats, tmx.path])
                XCTAssertEqual(valid.status, 0, valid.output)
            }
        }
        let replay = try CLI.run(["align", excerpt, "--apply-edits", downloads.appendingPathComponent("showcase.edits.json").path, "--quiet"], in: dir)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertEqual(replay.stdout, try String(contentsOf: downloads.appendingPathComponent("showcase.edited.tsv"), encoding: .utf8))
        XCTAssertGreaterThan(try Data(contentsOf: downloads.appendingPathComponent("editor.png")).count, 10_000)
    }

    /// The review page renders in headless Chromium, with its text and a PNG.
    func testReviewPageRendersInChromium() throws {
        guard let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(Tool.find).first else {
            throw XCTSkip("Chromium is not installed (Debian: chromium); .ci/run installs it")
        }
        let dir = try CLI.temporaryDirectory(for: self)
        let r = try CLI.run(["align", excerpt, "--format", "html", "-o", "a.html"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let page = dir.appendingPathComponent("a.html").absoluteString
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(dir.path)/profile"]
        let dom = try Tool.run(chromium, flags + ["--dump-dom", page], in: dir)
        XCTAssertEqual(dom.status, 0, dom.output)
        let beads = try CLI.run(["align", excerpt, "--format", "jsonl", "--quiet"]).stdout.split(separator: "\n")
        let doubtful = try beads.filter {
            try XCTUnwrap((JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["confidence"] as? Double) < 0.5
        }.count
        XCTAssertTrue(dom.output.contains("Check first: \(doubtful) doubtful bead\(doubtful == 1 ? "" : "s")<"), "the beads below 0.5 of the JSON Lines: \(doubtful)\n" + dom.output)
        XCTAssertTrue(dom.output.contains("<tr id=\"bead-0\""), "the script drew the beads")
        XCTAssertTrue(dom.output.contains("张 锴") && dom.output.contains("By Zhang Kai"))
        let shot = try Tool.run(chromium, flags + ["--screenshot=\(dir.path)/a.png", "--window-size=1200,900", page], in: dir)
        XCTAssertEqual(shot.status, 0, shot.output)
        let png = try Data(contentsOf: dir.appendingPathComponent("a.png"))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        XCTAssertGreaterThan(png.count, 10_000, "a page with text on it, not a blank image")
    }
}

final class ConvertStandardInputTests: XCTestCase {
    func testConvertReadsStandardInputWhenTheFormatIsNamed() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let tsv = Data("你好\t\"Go,\" he said.\t0.9\n".utf8)
        let r = try CLI.run(["convert", "-", "m.jsonl", "--from", "tsv"], stdin: tsv, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("m.jsonl"), encoding: .utf8),
                       "{\"confidence\":0.9,\"en_text\":\"\\\"Go,\\\" he said.\",\"zh_text\":\"你好\"}\n")
        let unnamed = try CLI.run(["convert", "-", "m2.jsonl"], stdin: tsv, in: dir)
        XCTAssertEqual(unnamed.status, 64)
        XCTAssertTrue(unnamed.stderr.contains("add --from FORMAT"), unnamed.stderr)
    }
}
