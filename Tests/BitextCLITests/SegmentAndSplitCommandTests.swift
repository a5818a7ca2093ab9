import Foundation
import XCTest

final class SegmentAndSplitCommandTests: XCTestCase {
    func testSplitWritesSixChineseParagraphs() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let r = try CLI.run(["split", CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt"), "--zh", "a.zh", "--en", "a.en"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let zh = try String(contentsOf: dir.appendingPathComponent("a.zh"), encoding: .utf8)
        let en = try String(contentsOf: dir.appendingPathComponent("a.en"), encoding: .utf8)
        XCTAssertEqual(zh.split(separator: "\n").count, 6)
        XCTAssertEqual(zh.split(separator: "\n")[1], "张 锴")
        XCTAssertTrue(en.hasPrefix("International community should prepare for \"Post-ISIS Era\"\nSource\n"))
        XCTAssertEqual(try CLI.files(in: dir), ["a.en", "a.zh"])
    }

    func testSegmentWritesOneSentencePerLineFromStdin() throws {
        let r = try CLI.run(["segment", "-", "--lang", "en"], stdin: Data("Dr. Smith left. He came back.\n".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Dr. Smith left.\nHe came back.\n")
    }

    func testSegmentReadsGB18030WithEncodingOption() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let file = dir.appendingPathComponent("gb.txt")
        let gb = Data([0xB9, 0xFA, 0xBC, 0xCA, 0xC9, 0xE7, 0xBB, 0xE1, 0xA1, 0xA3, 0xBA, 0xC3, 0xA1, 0xA3])  // 国际社会。好。
        try gb.write(to: file)
        let r = try CLI.run(["segment", file.path, "--encoding", "GB18030", "-o", "out.txt"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8), "国际社会。\n好。\n")
    }

    func testUndecodableInputFailsWithoutLeavingAnOutputFile() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let file = dir.appendingPathComponent("bad.txt")
        try Data(Array("伊斯兰国时代".utf8).dropLast()).write(to: file)
        let r = try CLI.run(["segment", file.path, "-o", "out.txt"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "bitext: \(file.path): byte 15: error: truncated UTF-8 byte sequence — the file is damaged or in another encoding; pass --encoding NAME, or --lenient to replace bad bytes with U+FFFD\n")
        XCTAssertEqual(try CLI.files(in: dir), ["bad.txt"], "no output and no temporary file is left behind")
    }

    func testBinaryAndMissingFiles() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]).write(to: dir.appendingPathComponent("a.out"))
        let binary = try CLI.run(["segment", "a.out"], in: dir)
        XCTAssertEqual(binary.status, 1)
        XCTAssertTrue(binary.stderr.contains("a.out: byte 7: error: NUL byte: this is a binary file"), binary.stderr)
        let missing = try CLI.run(["split", "nope.txt", "--zh", "z", "--en", "e"], in: dir)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "bitext: nope.txt: error: no such file — check the path\n")
        XCTAssertEqual(try CLI.files(in: dir), ["a.out"])
    }

    func testEmptyFileGivesEmptyOutput() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        let r = try CLI.run(["segment", "empty.txt", "-o", "out.txt"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("out.txt")).count, 0)
    }

    func testVersionAndHelpWithExamples() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count, 3)
        for command in ["segment", "split", "bench"] {
            let help = try CLI.run([command, "--help"])
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.stdout.contains("Example"), "\(command) --help shows an example")
        }
        let top = try CLI.run(["--help"]).stdout
        XCTAssertTrue(top.contains("glossary"))
        XCTAssertFalse(top.contains("bench"), "the benchmarks are for developers, not in the command list")
    }
}
