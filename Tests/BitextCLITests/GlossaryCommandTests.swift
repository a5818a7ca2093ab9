import Foundation
import XCTest

final class GlossaryCommandTests: XCTestCase {
    let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")

    func testShippedGlossaryIsUpToDate() throws {
        // Regenerate with: bitext glossary Samples/chinamil-post-isis-era.bilingual-excerpt.txt -o Glossaries/chinamil-post-isis-era.csv
        let r = try CLI.run(["glossary", "Samples/chinamil-post-isis-era.bilingual-excerpt.txt"], in: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        let shipped = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Glossaries/chinamil-post-isis-era.csv"), encoding: .utf8)
        XCTAssertEqual(r.stdout, shipped, "Glossaries/ is out of date: regenerate it with the command in README.md")
    }

    func testOutOfRangeValuesAreNamedAndFormatOptionsOfferedWhereTheyMeanSomething() throws {
        let frequency = try CLI.run(["glossary", excerpt, "--min-frequency", "-3"])
        XCTAssertNotEqual(frequency.status, 0)
        XCTAssertTrue(frequency.stderr.contains("--min-frequency is a number of sentence pairs, 1 or more (not -3)"), frequency.stderr)
        let score = try CLI.run(["glossary", excerpt, "--min-score", "-0.5"])
        XCTAssertNotEqual(score.status, 0)
        XCTAssertTrue(score.stderr.contains("--min-score is a score in 0…1 (not -0.5)"), score.stderr)
        let alignHelp = try CLI.run(["align", "--help"]).stdout
        XCTAssertTrue(alignHelp.contains("--zh-lang"), "TMX takes language tags")
        XCTAssertFalse(alignHelp.contains("--excel") || alignHelp.contains("--tbx-version"), "align writes no CSV glossary or TBX")
        let glossaryHelp = try CLI.run(["glossary", "--help"]).stdout
        XCTAssertTrue(glossaryHelp.contains("--excel") && glossaryHelp.contains("--tbx-version"))
    }

    func testSummaryLineSaysWhatTheTrimLeftOut() throws {
        let all = try CLI.run(["glossary", excerpt])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stderr.hasPrefix("bitext: 20 entries from 8 sentence pairs, "), all.stderr)
        // The entries scoring 0.3 or more in the whole list are the ones the trim keeps.
        let scores = try CLI.run(["glossary", excerpt, "--format", "tsv"]).stdout.split(separator: "\n").dropFirst()
            .map { Double($0.split(separator: "\t")[3])! }
        let kept = scores.filter { $0 >= 0.3 }.count
        XCTAssertTrue((1..<20).contains(kept), "\(scores)")
        let trimmed = try CLI.run(["glossary", excerpt, "--min-score", "0.3"])
        XCTAssertTrue(trimmed.stderr.hasPrefix("bitext: \(kept) entries from 8 sentence pairs (\(20 - kept) more left out, scoring below 0.3; "), trimmed.stderr)
        XCTAssertEqual(trimmed.stdout.split(separator: "\r\n").count, kept + 1, "a header and the entries kept")
        XCTAssertEqual(try CLI.run(["glossary", excerpt, "--quiet"]).stderr, "")
    }

    func testCSVIsRFC4180WithHeaderAndFormulaGuard() throws {
        let r = try CLI.run(["glossary", excerpt])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("zh,en,pinyin,score,frequency,example_zh,example_en,variants\r\n"))
        XCTAssertFalse(r.stdout.hasPrefix("\u{FEFF}"))
        XCTAssertTrue(r.stdout.contains("\"\"Post-ISIS Era\"\""), "quotes inside a cell are doubled")
        let dir = try CLI.temporaryDirectory(for: self)
        try "=1+1。\n\n@SUM 测试。\n".write(to: dir.appendingPathComponent("a.zh"), atomically: true, encoding: .utf8)
        try "=1+1.\n\n@SUM test.\n".write(to: dir.appendingPathComponent("a.en"), atomically: true, encoding: .utf8)
        try "zh,en\n测试,@SUM test\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let guarded = try CLI.run(["glossary", "a.zh", "a.en", "--dict", "d.csv"], in: dir)
        XCTAssertEqual(guarded.status, 0, guarded.stderr)
        for line in guarded.stdout.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",") { XCTAssertFalse("=+-@".contains(cell.first ?? " "), String(line)) }
        }
    }

    func testTSVJSONLinesAndReusingASavedAlignment() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let saved = try CLI.run(["align", excerpt, "-o", "a.tsv"], in: dir)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let tsv = try CLI.run(["glossary", "--alignment", "a.tsv", "--format", "tsv"], in: dir)
        XCTAssertEqual(tsv.status, 0, tsv.stderr)
        XCTAssertTrue(tsv.stdout.hasPrefix("zh\ten\tpinyin\tscore\tfrequency\texample_zh\texample_en\tvariants\n"))
        XCTAssertTrue(tsv.stdout.contains("\n伊斯兰国\tIslamic State\tyī sī lán guó\t"))
        let jsonl = try CLI.run(["glossary", excerpt, "--format", "jsonl"])
        let first = try XCTUnwrap(jsonl.stdout.split(separator: "\n").first)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        XCTAssertNotNil(object["references"] as? [String])
        XCTAssertNotNil(object["variants"] as? [String])
    }

    func testBadSavedAlignmentNamesTheLine() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try "伊斯兰国\tIslamic State\t0.9\njust one cell\n".write(to: dir.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["glossary", "--alignment", "a.tsv", "-o", "out.csv"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "bitext: a.tsv:2: error: expected zh<TAB>en<TAB>confidence\n")
        XCTAssertEqual(try CLI.files(in: dir), ["a.tsv"])
    }
}

final class WordAlignCommandTests: XCTestCase {
    func testPharaohAndJSONLinesOnTheShowcase() throws {
        let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")
        let r = try CLI.run(["wordalign", excerpt])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 8, "one line per bead with both sides")
        let byline = lines[1].components(separatedBy: " ||| ")
        XCTAssertEqual(byline[0], "张 锴")
        XCTAssertEqual(byline[1], "By Zhang Kai")
        for line in lines {
            let parts = line.components(separatedBy: " ||| ")
            XCTAssertEqual(parts.count, 3)
            let (zh, en) = (parts[0].split(separator: " ").count, parts[1].split(separator: " ").count)
            for link in parts[2].split(separator: " ") {
                let ij = link.split(separator: "-").compactMap { Int($0) }
                XCTAssertTrue(ij.count == 2 && ij[0] < zh && ij[1] < en, "link \(link) inside the bead")
            }
        }
        XCTAssertTrue(byline[2].split(separator: " ").contains("1-2"), "锴 ↔ Kai by pinyin: \(byline[2])")
        let json = try CLI.run(["wordalign", excerpt, "--format", "jsonl"])
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.split(separator: "\n")[1].utf8)) as? [String: Any])
        XCTAssertEqual(first["zh"] as? [Int], [1])
        XCTAssertEqual(first["en_tokens"] as? [String], ["By", "Zhang", "Kai"])
        XCTAssertNotNil(first["links"] as? [[Int]])
    }
}
