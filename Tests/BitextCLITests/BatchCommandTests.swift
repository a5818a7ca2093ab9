import Foundation
import TestSupport
import XCTest

final class BatchCommandTests: XCTestCase {
    /// Small parallel documents, one sentence per line.
    static let documents: [String: (zh: String, en: String)] = [
        "a": ("今天天气很好。\n我们去公园散步。\n陈清扬也来了。\n", "The weather is fine today.\nWe take a walk in the park.\nChen Qingyang came too.\n"),
        "b": ("伊斯兰国失去了领土。\n国际社会必须保持警惕。\n", "Islamic State has lost its territory.\nThe international community must stay vigilant.\n"),
        "c": ("患者接受了化疗。\n研究在2017年结束。\n", "The patients received chemotherapy.\nThe study ended in 2017.\n"),
        "d": ("张锴写了这篇文章。\n", "Zhang Kai wrote this article.\n"),
    ]

    /// A corpus folder with the documents above, one whose English side is empty and one with no English file.
    private func corpus() throws -> URL {
        let dir = try CLI.temporaryDirectory(for: self).appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (id, texts) in Self.documents {
            try texts.zh.write(to: dir.appendingPathComponent("\(id).zh"), atomically: true, encoding: .utf8)
            try texts.en.write(to: dir.appendingPathComponent(id == "d" ? "d.en.txt" : "\(id).en"), atomically: true, encoding: .utf8)
            if id == "d" { try FileManager.default.moveItem(at: dir.appendingPathComponent("d.zh"), to: dir.appendingPathComponent("d.zh.txt")) }
        }
        try "测试。\n".write(to: dir.appendingPathComponent("empty.zh"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("empty.en"), atomically: true, encoding: .utf8)
        try "只有中文。\n".write(to: dir.appendingPathComponent("lonely.zh"), atomically: true, encoding: .utf8)
        return dir
    }

    private func report(_ path: URL) throws -> [[String: Any]] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testAlignsEveryDocumentReportsFailuresAndResumes() throws {
        let dir = try corpus()
        let out = dir.deletingLastPathComponent().appendingPathComponent("out")
        let first = try CLI.run(["batch", dir.path, "-o", out.path, "--presegmented"])
        XCTAssertEqual(first.status, 1, "a failed document makes the exit status 1: \(first.stderr)")
        XCTAssertTrue(first.stderr.hasPrefix("bitext: 6 documents: 4 aligned, 0 up to date, 2 failed"), first.stderr)
        let lines = try report(out.appendingPathComponent("report.jsonl"))
        XCTAssertEqual(lines.map { $0["id"] as? String }, ["a", "b", "c", "d", "empty", "lonely"])
        XCTAssertEqual(lines.map { $0["status"] as? String }, ["aligned", "aligned", "aligned", "aligned", "failed", "failed"])
        XCTAssertEqual(lines[0]["zh_sentences"] as? Int, 3)
        XCTAssertEqual((lines[0]["beads"] as? [String: Int])?["1-1"], 3)
        XCTAssertNotNil(lines[0]["mean_confidence"] as? Double)
        XCTAssertTrue((lines[4]["error"] as? String)?.contains("no sentences in this file") ?? false, "\(lines[4])")
        XCTAssertTrue((lines[5]["error"] as? String)?.contains("no English file") ?? false, "\(lines[5])")
        // Each output is what `bitext align` writes for the pair.
        let single = try CLI.run(["align", dir.appendingPathComponent("a.zh").path, dir.appendingPathComponent("a.en").path, "--presegmented", "--quiet"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.tsv"), encoding: .utf8), single.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("d.tsv").path), "ID.zh.txt / ID.en.txt pairs too")

        let again = try CLI.run(["batch", dir.path, "-o", out.path, "--presegmented"])
        XCTAssertTrue(again.stderr.hasPrefix("bitext: 6 documents: 0 aligned, 4 up to date, 2 failed"), again.stderr)
        let forced = try CLI.run(["batch", dir.path, "-o", out.path, "--presegmented", "--force", "--quiet"])
        XCTAssertEqual(forced.stderr, "")
        XCTAssertEqual(try report(out.appendingPathComponent("report.jsonl")).filter { $0["status"] as? String == "aligned" }.count, 4)
    }

    func testShardsSplitTheCorpusWithoutOverlapAndJobsChangeNothing() throws {
        let dir = try corpus()
        let root = dir.deletingLastPathComponent()
        var seen: [String] = []
        for i in 1...3 {
            _ = try CLI.run(["batch", dir.path, "-o", root.appendingPathComponent("shards").path, "--presegmented", "--shard", "\(i)/3", "--quiet"])
            seen += try report(root.appendingPathComponent("shards/report-\(i)-of-3.jsonl")).compactMap { $0["id"] as? String }
        }
        XCTAssertEqual(seen.sorted(), ["a", "b", "c", "d", "empty", "lonely"], "every document in exactly one shard")
        for jobs in ["1", "2"] {
            _ = try CLI.run(["batch", dir.path, "-o", root.appendingPathComponent("jobs\(jobs)").path, "--presegmented", "--jobs", jobs,
                             "--format", "jsonl", "--quiet"])
        }
        for id in ["a", "b", "c", "d"] {
            XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("jobs1/\(id).jsonl")),
                           try Data(contentsOf: root.appendingPathComponent("jobs2/\(id).jsonl")), "\(id): the same with one worker or two")
        }
        let bad = try CLI.run(["batch", dir.path, "-o", root.appendingPathComponent("x").path, "--shard", "4/3"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--shard is I/N with 1 ≤ I ≤ N"), bad.stderr)
    }

    func testGlossariesAndOneMergedTMXWithEachUnitsDocument() throws {
        let dir = try corpus()
        let root = dir.deletingLastPathComponent()
        let out = root.appendingPathComponent("out"), merged = root.appendingPathComponent("corpus.tmx")
        let r = try CLI.run(["batch", dir.path, "-o", out.path, "--presegmented", "--format", "tmx", "--glossary", "--merge-tmx", merged.path])
        XCTAssertEqual(r.status, 1, "two documents fail, as above: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("; all in \(merged.path)"), r.stderr)
        // Each glossary is what `bitext glossary` writes for the pair.
        let single = try CLI.run(["glossary", dir.appendingPathComponent("b.zh").path, dir.appendingPathComponent("b.en").path,
                                  "--presegmented", "--quiet"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("b.glossary.csv"), encoding: .utf8), single.stdout)
        let lines = try report(out.appendingPathComponent("report.jsonl"))
        XCTAssertEqual(lines[1]["glossary_entries"] as? Int, single.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1,
                       "rows after the header (CSV lines end in CRLF)")

        let tmx = try String(contentsOf: merged, encoding: .utf8)
        let documents = tmx.components(separatedBy: "<prop type=\"x-document\">").dropFirst().map { $0.prefix { $0 != "<" } }
        let beads = Self.documents.mapValues { $0.zh.split(separator: "\n").count }
        XCTAssertEqual(documents, ["a", "b", "c", "d"].flatMap { id in Array(repeating: Substring(id), count: beads[id]!) },
                       "every unit of every aligned document, in corpus order, with its id")
        XCTAssertTrue(tmx.contains("<seg>伊斯兰国失去了领土。</seg>"))
        let dtd = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/formats/tmx14.dtd").path
        if let xmllint = Tool.find("xmllint"), FileManager.default.fileExists(atPath: dtd) {  // else: checked by the unit above only
            let valid = try Tool.run(xmllint, ["--noout", "--dtdvalid", dtd, merged.path], in: root)
            XCTAssertEqual(valid.status, 0, valid.output)
        }

        let beadsOnly = try CLI.run(["batch", dir.path, "-o", out.path, "--format", "beads", "--merge-tmx", merged.path])
        XCTAssertNotEqual(beadsOnly.status, 0)
        XCTAssertTrue(beadsOnly.stderr.contains("beads hold no text"), beadsOnly.stderr)
    }

    func testManifestWithRelativePathsAndIDs() throws {
        let dir = try corpus()
        let manifest = dir.appendingPathComponent("list.tsv")
        try "# zh\ten\tid\na.zh\ta.en\tfirst\nb.zh\tb.en\n".write(to: manifest, atomically: true, encoding: .utf8)
        let out = dir.deletingLastPathComponent().appendingPathComponent("m")
        let r = try CLI.run(["batch", manifest.path, "-o", out.path, "--presegmented", "--format", "beads"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("first.align"), encoding: .utf8), "[0]:[0]\n[1]:[1]\n[2]:[2]\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("b.align").path))
        try "a.zh\ta.en\nb.zh\n".write(to: manifest, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["batch", manifest.path, "-o", out.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("list.tsv:2: error: expected zh_path<TAB>en_path, optionally <TAB>id"), bad.stderr)
    }
}
