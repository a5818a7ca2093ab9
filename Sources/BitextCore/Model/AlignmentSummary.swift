/// How an alignment came out, in the figures a user checks first: beads by shape, sentences left
/// unmatched on each side, beads flagged as doubtful, and the mean confidence.
public struct AlignmentSummary: Sendable, Equatable {
    /// Beads below this confidence are flagged for review (as on the review page).
    public static let flagBelow = 0.5

    /// Beads with sentences on both sides, by shape ("1-1", "1-2", …), most frequent first.
    public let shapes: [(shape: String, count: Int)]
    /// Chinese and English sentences in no bead with the other side.
    public let unmatchedZh: Int
    public let unmatchedEn: Int
    /// Beads with both sides whose confidence is below `flagBelow`.
    public let flagged: Int
    /// Mean confidence of the beads with both sides (0 when there are none).
    public let meanConfidence: Double

    /// The summary of `alignment`.
    public init(_ alignment: Alignment) {
        let paired = alignment.beads.filter { !$0.zh.isEmpty && !$0.en.isEmpty }
        var counts: [String: Int] = [:]
        for b in paired { counts["\(b.zh.count)-\(b.en.count)", default: 0] += 1 }
        shapes = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        unmatchedZh = alignment.beads.filter(\.en.isEmpty).reduce(0) { $0 + $1.zh.count }
        unmatchedEn = alignment.beads.filter(\.zh.isEmpty).reduce(0) { $0 + $1.en.count }
        flagged = paired.filter { $0.confidence < Self.flagBelow }.count
        meanConfidence = paired.isEmpty ? 0 : paired.reduce(0) { $0 + $1.confidence } / Double(paired.count)
    }

    /// One line: `120 beads (98 1-1, 12 1-2, 10 other), unmatched 3 zh / 1 en, 9 below 0.5, mean confidence 0.78`.
    public var line: String {
        let total = shapes.reduce(0) { $0 + $1.count }
        let listed = shapes.prefix(4).map { "\($0.count) \($0.shape)" }
        let other = shapes.dropFirst(4).reduce(0) { $0 + $1.count }
        let parts = listed + (other > 0 ? ["\(other) other"] : [])
        let confidence = (meanConfidence * 100).rounded() / 100
        return "\(total) beads (\(parts.joined(separator: ", "))), unmatched \(unmatchedZh) zh / \(unmatchedEn) en, "
            + "\(flagged) below \(Self.flagBelow), mean confidence \(confidence)"
    }

    public static func == (a: AlignmentSummary, b: AlignmentSummary) -> Bool {
        a.shapes.map(\.shape) == b.shapes.map(\.shape) && a.shapes.map(\.count) == b.shapes.map(\.count)
            && a.unmatchedZh == b.unmatchedZh && a.unmatchedEn == b.unmatchedEn && a.flagged == b.flagged && a.meanConfidence == b.meanConfidence
    }
}
