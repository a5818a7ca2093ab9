import Foundation
import TestSupport
import XCTest
import ZIPFoundation

final class AlignCommandTests: XCTestCase {
    let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")

    func testMixedPageAlignsToBeadsInScorerFormat() throws {
        let r = try CLI.run(["align", excerpt, "--format", "beads"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "[0]:[0]\n[]:[1]\n[]:[2]\n[]:[3]\n[]:[4]\n[]:[5]\n[1]:[6]\n[2]:[7]\n[3]:[8]\n[4]:[9]\n[5]:[10]\n[6]:[11]\n[7]:[12]\n")
    }

    func testWordAndOpenDocumentFilesAlignAsTheyAre() throws {
        func archive(_ path: URL, _ parts: [(String, String)]) throws {
            let archive = try Archive(url: path, accessMode: .create)
            for (name, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
                    data.subdata(in: Int(p)..<(Int(p) + n))
                }
            }
        }
        let dir = try CLI.temporaryDirectory(for: self)
        let paragraphs = ["伊斯兰国失去了领土。", "国际社会必须保持警惕。"].map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined()
        try archive(dir.appendingPathComponent("zh.docx"), [("word/document.xml",
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(paragraphs)</w:body></w:document>")])
        try archive(dir.appendingPathComponent("en.odt"), [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml",
            "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text>"
                + "<text:p>Islamic State has lost its territory.</text:p><text:p>The international community must stay vigilant.</text:p>"
                + "</office:text></office:body></office:document-content>")])
        let r = try CLI.run(["align", "zh.docx", "en.odt", "--format", "tsv", "--quiet"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        XCTAssertEqual(rows.map { String($0[0]) }, ["伊斯兰国失去了领土。", "国际社会必须保持警惕。"])
        XCTAssertEqual(rows.map { String($0[1]) }, ["Islamic State has lost its territory.", "The international community must stay vigilant."])
        XCTAssertEqual(rows.map { String($0[3]) }, ["zh.docx:1", "zh.docx:2"], "a paragraph's reference is its position")
        let segmented = try CLI.run(["segment", "en.odt"], in: dir)
        XCTAssertEqual(segmented.stdout, "Islamic State has lost its territory.\nThe international community must stay vigilant.\n")
    }

    func testWebPagesAreReadByEveryCommandThatReadsText() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let head = "<!DOCTYPE html>\n<html><head><meta charset=\"gb2312\"><title>标题</title><script>var p = '<p>x</p>'</script></head>\n<body>\n"
        let zh = head + "<h1>伊斯兰国失去了领土。</h1>\n<p>国际社会\n必须保持警惕。</p>\n</body></html>\n"
        try Data(zh.utf8).write(to: dir.appendingPathComponent("utf8.html"))
        let iconv = try Tool.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030", "-o", "zh.html", "utf8.html"], in: dir)
        XCTAssertEqual(iconv.status, 0, iconv.output)
        try Data("<html><body><div>Islamic State has lost its territory.<br>The international\n  community must stay vigilant.</div></body></html>".utf8)
            .write(to: dir.appendingPathComponent("en.xhtml"))
        let r = try CLI.run(["align", "zh.html", "en.xhtml", "--format", "tsv", "--quiet"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(rows.map { $0[0] }, ["伊斯兰国失去了领土。", "国际社会必须保持警惕。"])
        XCTAssertEqual(rows.map { $0[1] }, ["Islamic State has lost its territory.", "The international community must stay vigilant."])
        XCTAssertEqual(rows.map { $0[3] }, ["zh.html:4", "zh.html:5"], "each paragraph's source line")
        XCTAssertEqual(rows.map { $0[4] }, ["en.xhtml:1", "en.xhtml:1"])

        let page = "<html><body><p>伊斯兰国失去了领土。</p><p>Islamic State has lost its territory.</p></body></html>"
        try Data(page.utf8).write(to: dir.appendingPathComponent("page.htm"))
        let split = try CLI.run(["split", "page.htm", "--zh", "p.zh", "--en", "p.en"], in: dir)
        XCTAssertEqual(split.status, 0, split.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("p.zh"), encoding: .utf8), "伊斯兰国失去了领土。\n")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("p.en"), encoding: .utf8), "Islamic State has lost its territory.\n")
    }

    func testSummaryLineOnStandardErrorUnlessQuiet() throws {
        let r = try CLI.run(["align", excerpt, "--format", "beads"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("bitext: 8 beads (8 1-1), unmatched 0 zh / 5 en, "), r.stderr)
        XCTAssertNotNil(r.stderr.range(of: #"below 0\.5, mean confidence 0\.\d+, \d+\.\d\d s\n$"#, options: .regularExpression), r.stderr)
        let quiet = try CLI.run(["align", excerpt, "--format", "beads", "--quiet"])
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(quiet.stdout, r.stdout)
    }

    /// A text large enough to wait for shows one progress display across the stages; with stderr
    /// not a terminal it is plain lines whose percentages only grow and end at 100 % "done".
    func testProgressLinesReachOneHundredPercentUnlessQuiet() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        // Real literary text: the mac-dev documents one after the other (490 KB).
        let corpus = CLI.packageRoot.appendingPathComponent("../shared/data/align/mac-dev").standardized
        guard FileManager.default.fileExists(atPath: corpus.path) else { throw XCTSkip("needs ../shared/data/align/mac-dev") }
        var zh = Data(), en = Data()
        for name in try CLI.files(in: corpus) where name.hasSuffix(".zh") {
            let id = corpus.appendingPathComponent(String(name.dropLast(3)))
            zh += try Data(contentsOf: id.appendingPathExtension("zh"))
            en += try Data(contentsOf: id.appendingPathExtension("en"))
        }
        try zh.write(to: dir.appendingPathComponent("big.zh"))
        try en.write(to: dir.appendingPathComponent("big.en"))
        XCTAssertGreaterThan(zh.count + en.count, 200_000)

        let r = try CLI.run(["align", "big.zh", "big.en", "--presegmented", "--format", "beads", "-o", "out.txt"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("\r"), "no terminal control characters in a log")
        let percents = r.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("bitext: "), let percent = line.dropFirst(8).split(separator: "%").first else { return nil }
            return Int(percent.trimmingCharacters(in: .whitespaces))
        }
        XCTAssertGreaterThan(percents.count, 3, r.stderr)
        XCTAssertEqual(percents, percents.sorted(), r.stderr)
        XCTAssertEqual(percents.last, 100, r.stderr)
        XCTAssertNotNil(r.stderr.range(of: #"bitext: 100% done \(\d+\.\d s\)\n"#, options: .regularExpression), r.stderr)
        XCTAssertNotNil(r.stderr.range(of: #"\nbitext: \d+ beads \("#, options: .regularExpression), "the summary follows: \(r.stderr)")

        let quiet = try CLI.run(["align", "big.zh", "big.en", "--presegmented", "--format", "beads", "-o", "quiet.txt", "--quiet"], in: dir)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("quiet.txt")), try Data(contentsOf: dir.appendingPathComponent("out.txt")))
    }

    func testMinConfidenceLeavesDoubtfulPairsOutAndSaysHowMany() throws {
        let all = try CLI.run(["align", excerpt, "--format", "jsonl", "--quiet"])
        let confidences = try all.stdout.split(separator: "\n").map {
            try XCTUnwrap((JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["confidence"] as? Double)
        }
        let below = confidences.filter { $0 < 0.5 }.count
        XCTAssertGreaterThan(below, 0, "the page has doubtful beads")
        let kept = try CLI.run(["align", excerpt, "--format", "jsonl", "--min-confidence", "0.5"])
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertEqual(kept.stdout.split(separator: "\n").count, confidences.count - below)
        XCTAssertTrue(kept.stderr.hasSuffix("; \(below) below confidence 0.5 left out of the output\n"), kept.stderr)

        let dir = try CLI.temporaryDirectory(for: self)
        try all.stdout.write(to: dir.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        let converted = try CLI.run(["convert", "a.jsonl", "a.tsv", "--min-confidence", "0.5"], in: dir)
        XCTAssertEqual(converted.status, 0, converted.stderr)
        XCTAssertEqual(converted.stderr, "bitext: \(below) below confidence 0.5 left out of the output\n")
        let rows = try String(contentsOf: dir.appendingPathComponent("a.tsv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.count, confidences.count - below)

        for (arguments, message) in [(["align", excerpt, "--format", "beads", "--min-confidence", "0.5"], "the beads and html formats keep the whole alignment"),
                                     (["align", excerpt, "--min-confidence", "2"], "--min-confidence is a confidence in 0…1 (not 2.0)"),
                                     (["convert", CLI.packageRoot.appendingPathComponent("Glossaries/chinamil-post-isis-era.csv").path,
                                       dir.appendingPathComponent("g.tbx").path, "--min-confidence", "0.5"], "a glossary has no alignment confidence")] {
            let refused = try CLI.run(arguments)
            XCTAssertNotEqual(refused.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(refused.stderr.contains(message), refused.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.tbx").path), "nothing written")
    }

    func testTSVAndJSONLines() throws {
        let tsv = try CLI.run(["align", excerpt])
        XCTAssertEqual(tsv.status, 0, tsv.stderr)
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.count, 13)
        XCTAssertTrue(rows.allSatisfy { $0.count == 5 && Double($0[2]) != nil && ($0[0].isEmpty || $0[3].hasPrefix(excerpt + ":"))
            && ($0[1].isEmpty || $0[4].hasPrefix(excerpt + ":")) }, "zh, en, confidence, zh source, en source")
        XCTAssertEqual(rows[1][3...4], ["", "\(excerpt):5"], "an English-only bead has its English reference")
        XCTAssertEqual(rows[9][3...4], ["\(excerpt):20", "\(excerpt):22"])
        XCTAssertEqual(rows[6][0], "张 锴")
        XCTAssertEqual(rows[6][1], "By Zhang Kai")
        XCTAssertEqual(rows[1][0], "")

        let jsonl = try CLI.run(["align", excerpt, "--format", "jsonl"])
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.count, 13)
        XCTAssertEqual(objects[6]["zh_text"] as? String, "张 锴")
        XCTAssertEqual(objects[6]["source"] as? String, excerpt + ":12")
        XCTAssertEqual(objects[6]["en_text"] as? String, "By Zhang Kai")
        XCTAssertNotNil(objects[6]["confidence"] as? Double)
    }

    func testTwoPresegmentedFilesWithAUserDictionary() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try "伊斯兰国的总部在叙利亚。\n他们说了很多话。\n".write(to: dir.appendingPathComponent("a.zh"), atomically: true, encoding: .utf8)
        try "The headquarters of the Islamic State is in Syria.\nThey talked a lot.\n".write(to: dir.appendingPathComponent("a.en"), atomically: true, encoding: .utf8)
        try "zh,en\n叙利亚,Syria\n".write(to: dir.appendingPathComponent("mine.csv"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["align", "a.zh", "a.en", "--presegmented", "--dict", "mine.csv", "--format", "beads", "-o", "a.align"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("a.align"), encoding: .utf8), "[0]:[0]\n[1]:[1]\n")
    }

    func testErrorsLeaveNoOutput() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try "伊斯兰国\n".write(to: dir.appendingPathComponent("a.zh"), atomically: true, encoding: .utf8)
        try Data().write(to: dir.appendingPathComponent("empty.en"))
        let missing = try CLI.run(["align", "a.zh", "nope.en", "-o", "out.tsv"], in: dir)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "bitext: nope.en: error: no such file — check the path\n")
        let empty = try CLI.run(["align", "a.zh", "empty.en", "-o", "out.tsv"], in: dir)
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.stderr, "bitext: empty.en: error: no sentences in this file — nothing to align\n")
        let badDict = try CLI.run(["align", "a.zh", "a.zh", "--dict", "nope.csv", "-o", "out.tsv"], in: dir)
        XCTAssertEqual(badDict.status, 1)
        XCTAssertEqual(try CLI.files(in: dir), ["a.zh", "empty.en"])
    }

    func testEvalPrintsScoresPerDirectory() throws {
        let root = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/align/nejm-dev")
        guard FileManager.default.fileExists(atPath: root.path) else { throw XCTSkip("../shared is not beside the package") }
        let dir = try CLI.temporaryDirectory(for: self)
        for ext in ["zh", "en", "align"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("nejm02.\(ext)"), to: dir.appendingPathComponent("nejm02.\(ext)"))
        }
        let r = try CLI.run(["eval", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("nejm02"), r.stdout)
        XCTAssertTrue(r.stdout.contains("all strict P"), r.stdout)
        XCTAssertTrue(r.stdout.contains("confidence: mean"), r.stdout)
        XCTAssertNotNil(r.stdout.range(of: #"  confidence: AUC (\d\.\d{3}|–) \(exact vs other beads\), Brier \d\.\d{3}; \d+ below 0\.5"#, options: .regularExpression), r.stdout)
        XCTAssertTrue(r.stdout.contains("  confidence  beads   mean  exact\n"), r.stdout)
    }
}

final class AlignmentIndicesTests: XCTestCase {
    let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")

    func testJSONLinesCarrySentenceIndicesAndBothSidesLines() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        XCTAssertEqual(try CLI.run(["split", excerpt, "--zh", "a.zh", "--en", "a.en"], in: dir).status, 0)
        let r = try CLI.run(["align", "a.zh", "a.en", "--format", "jsonl"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let objects = try r.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let byline = try XCTUnwrap(objects.first { $0["zh_text"] as? String == "张 锴" })
        XCTAssertEqual(byline["zh"] as? [Int], [1])
        XCTAssertEqual(byline["en"] as? [Int], [6])
        XCTAssertEqual(byline["source"] as? String, "a.zh:2")
        XCTAssertEqual(byline["en_source"] as? String, "a.en:7")
        let unmatched = try XCTUnwrap(objects.first { $0["en_text"] as? String == "Source" })
        XCTAssertEqual(unmatched["zh"] as? [Int], [])
        XCTAssertEqual(unmatched["en_source"] as? String, "a.en:2", "an English-only bead has its English line")
        // The indices survive a round trip through JSON Lines, so beads can be written from it.
        try r.stdout.write(to: dir.appendingPathComponent("a.jsonl"), atomically: false, encoding: .utf8)
        let beads = try CLI.run(["convert", "a.jsonl", "a.align"], in: dir)
        XCTAssertEqual(beads.status, 0, beads.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("a.align"), encoding: .utf8),
                       try CLI.run(["align", "a.zh", "a.en", "--format", "beads"], in: dir).stdout)
        let noIndices = try CLI.run(["convert", "a.jsonl", "a.tmx"], in: dir)
        XCTAssertEqual(noIndices.status, 0)
        let fromTMX = try CLI.run(["convert", "a.tmx", "b.align"], in: dir)
        XCTAssertEqual(fromTMX.status, 1)
        XCTAssertTrue(fromTMX.stderr.contains("unit 1 has no sentence indices"), fromTMX.stderr)
        let page = try CLI.run(["convert", "a.tmx", "a.html"], in: dir)
        XCTAssertEqual(page.status, 0, page.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("a.html"), encoding: .utf8).contains("[\"张 锴\",\"a.zh:"))
    }
}
