import BitextCore
import Foundation
import XCTest

/// The edits the browser editor makes, replayed on beads by hand-checked examples.
final class AlignmentEditTests: XCTestCase {
    /// zh 0-1 ↔ en 0, zh 2 ↔ en 1-2, zh 3 ↔ nothing.
    let beads = [Bead(zh: 0..<2, en: 0..<1, confidence: 0.4), Bead(zh: 2..<3, en: 1..<3, confidence: 0.9), Bead(zh: 3..<4, en: 3..<3, confidence: 0.2)]

    private func applied(_ edit: AlignmentEdit) throws -> [[Int]] {
        var b = beads
        try edit.apply(to: &b)
        return b.map { [$0.zh.lowerBound, $0.zh.upperBound, $0.en.lowerBound, $0.en.upperBound] }
    }

    func testMergeSplitMoveAndUnmatch() throws {
        XCTAssertEqual(try applied(AlignmentEdit(op: .merge, bead: 0, zhStart: 0, enStart: 0)), [[0, 3, 0, 3], [3, 4, 3, 3]])
        XCTAssertEqual(try applied(AlignmentEdit(op: .split, bead: 1, zhStart: 2, enStart: 1, zh: 1, en: 1)), [[0, 2, 0, 1], [2, 3, 1, 2], [3, 3, 2, 3], [3, 4, 3, 3]])
        XCTAssertEqual(try applied(AlignmentEdit(op: .movePrevious, bead: 1, zhStart: 2, enStart: 1, side: .en)), [[0, 2, 0, 2], [2, 3, 2, 3], [3, 4, 3, 3]])
        XCTAssertEqual(try applied(AlignmentEdit(op: .moveNext, bead: 0, zhStart: 0, enStart: 0, side: .zh)), [[0, 1, 0, 1], [1, 3, 1, 3], [3, 4, 3, 3]])
        XCTAssertEqual(try applied(AlignmentEdit(op: .unmatch, bead: 0, zhStart: 0, enStart: 0, side: .zh, sentence: 0)), [[0, 1, 0, 0], [1, 2, 0, 1], [2, 3, 1, 3], [3, 4, 3, 3]])
        XCTAssertEqual(try applied(AlignmentEdit(op: .unmatch, bead: 1, zhStart: 2, enStart: 1, side: .en, sentence: 1)), [[0, 2, 0, 1], [2, 3, 1, 2], [3, 3, 2, 3], [3, 4, 3, 3]])
        // Moving a bead's only sentence away removes the emptied bead.
        XCTAssertEqual(try applied(AlignmentEdit(op: .movePrevious, bead: 2, zhStart: 3, enStart: 3, side: .zh)), [[0, 2, 0, 1], [2, 4, 1, 3]])
    }

    func testEditedBeadsAreSureAndTheOthersKeepTheirConfidence() throws {
        var b = beads
        try AlignmentEdit(op: .merge, bead: 0, zhStart: 0, enStart: 0).apply(to: &b)
        XCTAssertEqual(b.map(\.confidence), [1, 0.2])
    }

    func testEditsThatDoNotFitAreRefusedAndChangeNothing() {
        let refused: [(AlignmentEdit, String)] = [
            (AlignmentEdit(op: .merge, bead: 2, zhStart: 3, enStart: 3), "no next bead"),
            (AlignmentEdit(op: .merge, bead: 1, zhStart: 1, enStart: 1), "the alignment differs"),
            (AlignmentEdit(op: .merge, bead: 7, zhStart: 0, enStart: 0), "there is no bead 7"),
            (AlignmentEdit(op: .split, bead: 0, zhStart: 0, enStart: 0, zh: 2, en: 1), "leaving sentences on both parts"),
            (AlignmentEdit(op: .unmatch, bead: 2, zhStart: 3, enStart: 3, side: .zh, sentence: 0), "unmatched already"),
            (AlignmentEdit(op: .movePrevious, bead: 0, zhStart: 0, enStart: 0, side: .zh), "no previous bead"),
            (AlignmentEdit(op: .moveNext, bead: 1, zhStart: 2, enStart: 1), "needs a side"),
        ]
        for (edit, message) in refused {
            var b = beads
            XCTAssertThrowsError(try edit.apply(to: &b), "\(edit)") { XCTAssertTrue(($0 as! AlignmentEdit.Refusal).reason.contains(message), "\($0)") }
            XCTAssertEqual(b, beads)
        }
    }

    func testTheEditorsJSONDecodesAndTheAlignmentNamesTheFailingEdit() throws {
        let json = #"[{"op":"merge","bead":0,"zh_start":0,"en_start":0},{"op":"move-next","bead":0,"zh_start":0,"en_start":0,"side":"en"}]"#
        let edits = try JSONDecoder().decode([AlignmentEdit].self, from: Data(json.utf8))
        XCTAssertEqual(edits.map(\.op), [.merge, .moveNext])
        let alignment = Alignment(zh: [], en: [], beads: beads)
        XCTAssertEqual(try alignment.applying(edits).beads.map(\.en), [0..<2, 2..<3])
        XCTAssertThrowsError(try alignment.applying([edits[0], edits[0], edits[0]])) { XCTAssertTrue(($0 as! AlignmentEdit.Refusal).reason.hasPrefix("edit 3 (merge)"), "\($0)") }
    }
}
