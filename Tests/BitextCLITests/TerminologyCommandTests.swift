import Foundation
import XCTest

final class TerminologyCommandTests: XCTestCase {
    private let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")
    private let voa = CLI.sample("voa-islamic-state-recruits-china.txt")
    private let glossary = CLI.packageRoot.appendingPathComponent("Glossaries/chinamil-post-isis-era.csv").path

    func testLookupFindsTheShowcaseTermsInTheVOAArticle() throws {
        let r = try CLI.run(["lookup", voa, "--glossary", glossary])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows[0], ["location", "matched", "zh", "en", "variants", "pinyin", "score"])
        let found = rows.dropFirst().map { "\($0[0].split(separator: ":").dropFirst().first!) \($0[1])" }
        XCTAssertTrue(found.contains("5 Islamic State"), "\(found)")
        XCTAssertTrue(found.contains("19 ISIS"), "\(found)")
        XCTAssertTrue(found.contains("23 ISIS"), "\(found)")
        let islamicState = try XCTUnwrap(rows.first { $0[1] == "Islamic State" })
        XCTAssertEqual(islamicState[2], "伊斯兰国")
        XCTAssertEqual(islamicState[5], "yī sī lán guó")
        XCTAssertTrue(r.stderr.contains("\t伊斯兰国\tIslamic State"), r.stderr)
    }

    func testLookupJSONLinesAndHTML() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let json = try CLI.run(["lookup", voa, "--glossary", glossary, "--format", "jsonl", "--lang", "en"])
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["line"] as? Int, 5)
        XCTAssertEqual(first["column"] as? Int, 1)
        XCTAssertEqual(first["zh"] as? String, "伊斯兰国")
        XCTAssertEqual(first["variants"] as? [String], ["ISIS"])
        let none = try CLI.run(["lookup", voa, "--glossary", glossary, "--lang", "zh"])
        XCTAssertEqual(none.stdout.split(separator: "\n").count, 1, "the English article has no Chinese terms")
        let html = try CLI.run(["lookup", voa, "--glossary", glossary, "--format", "html", "-o", "voa.html"], in: dir)
        XCTAssertEqual(html.status, 0, html.stderr)
        let page = try String(contentsOf: dir.appendingPathComponent("voa.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<mark title=\"伊斯兰国  yī sī lán guó — Islamic State; ISIS\""), page.prefix(2000).description)
        XCTAssertFalse(page.contains("http"), "self-contained: no links out")
    }

    func testCheckOfTheShowcaseAgainstItsOwnGlossaryUsesEveryTerm() throws {
        let r = try CLI.run(["check", excerpt, "--glossary", glossary, "--format", "jsonl"])
        XCTAssertEqual(r.status, 2, "findings (the page's unmatched metadata lines) give exit status 2")
        let kinds = try r.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["kind"] as? String }
        XCTAssertFalse(kinds.contains("term-not-used"), "\(kinds)")
        XCTAssertEqual(kinds.filter { $0 == "missing-translation" }.count, 5, "Source, China Military, Editor, Huang Panyue, Time")
        let clean = try CLI.run(["check", excerpt, "--glossary", glossary, "--skip", "missing-translation", "--skip", "inconsistent",
                                 "--skip", "number-mismatch"])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "kind\tzh_source\ten_source\tterm\texpected\tzh\ten\n")
        XCTAssertEqual(clean.stderr, "bitext: 0 findings\n")
    }

    func testCheckReportsATermRenderedOtherwise() throws {
        // The glossary accepts Islamic State and its variant ISIS: both are replaced, so no accepted rendering is left.
        let dir = try CLI.temporaryDirectory(for: self)
        let page = try String(contentsOfFile: excerpt, encoding: .utf8)
            .replacingOccurrences(of: "Islamic State", with: "Daesh group").replacingOccurrences(of: "ISIS", with: "Daesh group")
        try page.write(to: dir.appendingPathComponent("daesh.txt"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["check", "daesh.txt", "--glossary", glossary, "--skip", "missing-translation"], in: dir)
        XCTAssertEqual(r.status, 2)
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let notUsed = rows.filter { $0[0] == "term-not-used" && $0[3] == "伊斯兰国" }
        XCTAssertEqual(notUsed.map { $0[1] }, ["daesh.txt:16", "daesh.txt:20", "daesh.txt:28"])
        XCTAssertTrue(rows.contains { $0[0] == "term-not-used" && $0[1] == "daesh.txt:24" && $0[3] == "伊斯兰国总部" && $0[4] == "ISIS headquarters" })
        XCTAssertEqual(notUsed.first?[4], "Islamic State | ISIS")
        XCTAssertTrue(notUsed.first?[6].contains("Daesh group") ?? false)
    }

    func testCheckReportsAChangedNumberInARealPaper() throws {
        let base = CLI.packageRoot.appendingPathComponent("../shared/data/align/nejm-dev/nejm01").standardized.path
        guard FileManager.default.fileExists(atPath: base + ".zh") else { throw XCTSkip("needs ../shared/data/align/nejm-dev") }
        let dir = try CLI.temporaryDirectory(for: self)
        try "伊斯兰国,Islamic State\n".write(to: dir.appendingPathComponent("g.csv"), atomically: false, encoding: .utf8)
        var english = try String(contentsOfFile: base + ".en", encoding: .utf8).components(separatedBy: "\n")
        let line = try XCTUnwrap(english.firstIndex { $0.contains(" 480 ") })
        english[line] = english[line].replacingOccurrences(of: " 480 ", with: " 408 ")
        try english.joined(separator: "\n").write(to: dir.appendingPathComponent("changed.en"), atomically: false, encoding: .utf8)
        func numberFindings(_ en: String) throws -> [String] {
            let r = try CLI.run(["check", base + ".zh", en, "--presegmented", "--glossary", "g.csv", "--format", "jsonl",
                                 "--skip", "missing-translation", "--skip", "untranslated"], in: dir)
            return try r.stdout.split(separator: "\n").compactMap {
                let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                return o["kind"] as? String == "number-mismatch" ? "\(o["en_source"]!) \(o["term"]!)" : nil
            }
        }
        let before = Set(try numberFindings(base + ".en").map { $0.split(separator: " ").last.map(String.init)! })
        let after = try numberFindings("changed.en")
        XCTAssertFalse(before.contains("408"))
        XCTAssertTrue(after.contains("changed.en:\(line + 1) 408"), "\(after)")
        XCTAssertTrue(after.contains { $0.hasPrefix("changed.en:\(line + 1) ") && $0.hasSuffix(" 480") }, "\(after)")
    }

    func testLookupAndCheckNeedAGlossary() throws {
        let r = try CLI.run(["lookup", voa])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("give at least one --glossary FILE"), r.stderr)
        let missing = try CLI.run(["check", excerpt, "--glossary", "nope.csv"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "bitext: nope.csv: error: no such file — check the path\n")
    }
}
