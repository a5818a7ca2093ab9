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

    func testAlignmentSummaryCountsShapesUnmatchedAndFlagged() {
        let sentences = (0..<9).map { Sentence(text: "s\($0)", language: .zh) }
        let beads = [Bead(zh: 0..<1, en: 0..<1, confidence: 0.9), Bead(zh: 1..<2, en: 1..<3, confidence: 0.4),
                     Bead(zh: 2..<3, en: 3..<3, confidence: 0.2), Bead(zh: 3..<3, en: 3..<5, confidence: 0.1),
                     Bead(zh: 3..<4, en: 5..<6, confidence: 0.8), Bead(zh: 4..<6, en: 6..<8, confidence: 0.3)]
        let summary = AlignmentSummary(Alignment(zh: sentences, en: sentences, beads: beads))
        XCTAssertEqual(summary.shapes.map(\.shape), ["1-1", "1-2", "2-2"])
        XCTAssertEqual(summary.shapes.map(\.count), [2, 1, 1])
        XCTAssertEqual(summary.unmatchedZh, 1)
        XCTAssertEqual(summary.unmatchedEn, 2)
        XCTAssertEqual(summary.flagged, 2, "0.4 and 0.3; the unmatched ones are not beads with two sides")
        XCTAssertEqual(summary.meanConfidence, 0.6, accuracy: 1e-9)
        XCTAssertEqual(summary.line, "4 beads (2 1-1, 1 1-2, 1 2-2), unmatched 1 zh / 2 en, 2 below 0.5, mean confidence 0.6")
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

    func testNonContiguousGoldBeadsAreReadAndScored() throws {
        // InterText exports may skip a sentence inside a bead: [1,3]:[1] with 2 in a bead of its own.
        let goldText = "[0]:[0]\n[1,3]:[1]\n[2]:[2]\n[4]:[3,5]\n[]:[4]\n"
        let gold = try BeadNotation.parseIndexed(goldText, source: "x.align")
        XCTAssertEqual(gold[1], IndexedBead(zh: [1, 3], en: [1]))
        XCTAssertEqual(gold.map(BeadNotation.line).joined(separator: "\n") + "\n", goldText)
        XCTAssertThrowsError(try BeadNotation.parse(goldText, source: "x.align"), "a contiguous bead list cannot hold it")
        let test = [Bead(zh: 0..<1, en: 0..<1), Bead(zh: 1..<2, en: 1..<2), Bead(zh: 2..<4, en: 2..<3), Bead(zh: 4..<5, en: 3..<6)]
        let score = AlignmentScore(documents: [(gold, test.map(IndexedBead.init))])
        // Exact: [0]:[0] only of 4 test and 5 gold beads. Strict precision 1/4; lax: [1]:[1] and
        // [2,3]:[2] share a link with gold, [4]:[3,4,5] too: 4/4. Recall over gold 2-sided beads:
        // [0]:[0] exact of 4; lax all 4 reach a test bead.
        XCTAssertEqual(score.strictPrecision, 0.25, accuracy: 1e-9)
        XCTAssertEqual(score.laxPrecision, 1, accuracy: 1e-9)
        XCTAssertEqual(score.strictRecall, 0.25, accuracy: 1e-9)
        XCTAssertEqual(score.laxRecall, 1, accuracy: 1e-9)
        XCTAssertEqual(score.exactF1, 2 * (1.0 / 4) * (1.0 / 5) / (1.0 / 4 + 1.0 / 5), accuracy: 1e-9)
        // The same figures as the shared scorer, where it is present.
        let scorer = try Fixtures.shared("tools/score_align.py")
        let dir = try Fixtures.temporaryDirectory(for: self)
        let goldDir = dir.appendingPathComponent("gold"), testDir = dir.appendingPathComponent("test")
        for d in [goldDir, testDir] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try goldText.write(to: goldDir.appendingPathComponent("x.align"), atomically: true, encoding: .utf8)
        try test.map(BeadNotation.line).joined(separator: "\n").write(to: testDir.appendingPathComponent("x.align"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer, goldDir.path, testDir.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines),
                       String(format: "docs=1 strict P=%.3f R=%.3f F1=%.3f | lax P=%.3f R=%.3f F1=%.3f | exact-bead F1=%.3f",
                              score.strictPrecision, score.strictRecall, score.strictF1, score.laxPrecision, score.laxRecall,
                              score.laxF1, score.exactF1))
    }

    func testBadIndexListsNameFileAndLine() {
        for bad in ["[0]:[0]\n[1,x]:[1]\n", "[0]:[0]\n[-1]:[1]\n", "[0]:[0]\n[1,,2]:[1]\n"] {
            XCTAssertThrowsError(try BeadNotation.parseIndexed(bad, source: "gold.align")) { error in
                XCTAssertEqual("\(error)", "gold.align:2: error: expected a bead such as [0]:[0,1]")
            }
        }
    }

    /// Figures worked by hand: of 3 exact × 3 wrong pairs, 6 are ordered right and one is a tie.
    func testConfidenceCalibrationByHand() {
        let c = ConfidenceCalibration([(0.9, true), (0.8, false), (0.7, true), (0.3, false), (0.3, true), (0.1, false), (1.0, true)])
        XCTAssertEqual(c.count, 7)
        XCTAssertEqual(c.auc!, (6.5 + 3) / 12, accuracy: 1e-12)
        XCTAssertEqual(c.brier, (0.01 + 0.64 + 0.09 + 0.09 + 0.49 + 0.01 + 0) / 7, accuracy: 1e-12)
        XCTAssertEqual(c.flagged, 3)
        XCTAssertEqual(c.wrongShareOfFlagged, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(c.flaggedShareOfWrong, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(c.bins.map(\.count), [0, 1, 0, 2, 0, 0, 0, 1, 1, 2], "1.0 falls in the last bin")
        XCTAssertEqual(c.bins[3].meanConfidence, 0.3, accuracy: 1e-12)
        XCTAssertEqual(c.bins[3].exactShare, 0.5)
        XCTAssertEqual(c.bins[9].exactShare, 1)
    }

    func testConfidenceThatOrdersPerfectlyHasAUCOneAndChanceHasOneHalf() {
        XCTAssertEqual(ConfidenceCalibration([(0.9, true), (0.2, false)]).auc, 1)
        XCTAssertEqual(ConfidenceCalibration([(0.2, true), (0.9, false)]).auc, 0)
        XCTAssertEqual(ConfidenceCalibration([(0.5, true), (0.5, false)]).auc, 0.5)
        XCTAssertNil(ConfidenceCalibration([(0.5, true)]).auc, "no wrong bead: no AUC")
        XCTAssertEqual(ConfidenceCalibration([]).count, 0)
    }
}
