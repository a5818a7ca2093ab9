import BitextCore
import Foundation
import XCTest

final class EvaluationTests: XCTestCase {
    func testBeadNotationRoundTrip() throws {
        let text = "[0]:[0]\n[1,2]:[1]\n[]:[2]\n[3]:[]\n[4]:[3,4,5]\n"
        let beads = try BeadNotation.parse(text, source: "x.align")
        XCTAssertEqual(beads.map(\.zh), [0..<1, 1..<3, 3..<3, 3..<4, 4..<5])
        XCTAssertEqual(beads.map(\.en), [0..<1, 1..<2, 2..<3, 3..<3, 3..<6])
        XCTAssertEqual(beads.map(BeadNotation.line).joined(separator: "\n") + "\n", text)
    }

    func testBadBeadLineNamesFileAndLine() {
        XCTAssertThrowsError(try BeadNotation.parse("[0]:[0]\n[1]-[1]\n", source: "gold.align")) { error in
            XCTAssertEqual("\(error)", "gold.align:2: error: expected a bead such as [0]:[0,1]")
        }
    }

    func testScoresAgreeWithScoreAlignPy() throws {
        let gold = try Fixtures.shared("data/align/mac-dev")
        let scorer = try Fixtures.shared("tools/score_align.py")
        let dir = try Fixtures.temporaryDirectory(for: self)
        // A deliberately imperfect prediction: gold with neighbouring beads merged and split.
        var documents: [(gold: [Bead], test: [Bead])] = []
        for id in ["001", "002"] {
            let g = try BeadNotation.parse(String(contentsOfFile: "\(gold)/\(id).align", encoding: .utf8), source: id)
            var test: [Bead] = []
            var k = 0
            while k < g.count {
                if k % 7 == 3, k + 1 < g.count {
                    test.append(Bead(zh: g[k].zh.lowerBound..<g[k + 1].zh.upperBound, en: g[k].en.lowerBound..<g[k + 1].en.upperBound))
                    k += 2
                } else if k % 11 == 5, g[k].en.count > 1 {
                    test.append(Bead(zh: g[k].zh, en: g[k].en.lowerBound..<(g[k].en.lowerBound + 1)))
                    test.append(Bead(zh: g[k].zh.upperBound..<g[k].zh.upperBound, en: (g[k].en.lowerBound + 1)..<g[k].en.upperBound))
                    k += 1
                } else {
                    test.append(g[k]); k += 1
                }
            }
            documents.append((g, test))
            try test.map(BeadNotation.line).joined(separator: "\n").write(toFile: dir.appendingPathComponent("\(id).align").path,
                                                                           atomically: true, encoding: .utf8)
        }
        let ours = AlignmentScore(documents: documents)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer, gold, dir.path, "--ids", "001,002"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = String(format: "docs=2 strict P=%.3f R=%.3f F1=%.3f | lax P=%.3f R=%.3f F1=%.3f | exact-bead F1=%.3f",
                              ours.strictPrecision, ours.strictRecall, ours.strictF1, ours.laxPrecision, ours.laxRecall,
                              ours.laxF1, ours.exactF1)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), expected)
        XCTAssertLessThan(ours.strictF1, 0.99, "the prediction is imperfect")
    }
}
