/// A bead's shape: how many Chinese and English sentences it links.
struct BeadShape: Hashable, Sendable {
    let zh: Int
    let en: Int

    /// The shapes the aligner considers: up to four sentences on a side, as literary translation needs.
    static let all: [BeadShape] = [
        .init(zh: 1, en: 1), .init(zh: 1, en: 0), .init(zh: 0, en: 1), .init(zh: 1, en: 2), .init(zh: 2, en: 1),
        .init(zh: 2, en: 2), .init(zh: 1, en: 3), .init(zh: 3, en: 1), .init(zh: 1, en: 4), .init(zh: 4, en: 1),
        .init(zh: 2, en: 3), .init(zh: 3, en: 2),
    ]

    /// The most sentences a side of a bead in the second look at a doubtful region: a free
    /// translation renders one long sentence in five or six (mac-dev's gold has 1-5, 1-6, 2-5 and
    /// 3-6 beads; 0.6 % of its beads, but they wreck their neighbours).
    static let maxWideSide = 6

    /// Every shape of up to `maxWideSide` sentences a side, for the clause refinement's second look
    /// at a doubtful region (2-4, 3-3, 1-5 and 3-6 as well: a free translation's long passages).
    static let wide: [BeadShape] = [.init(zh: 1, en: 0), .init(zh: 0, en: 1)]
        + (1...maxWideSide).flatMap { zh in (1...maxWideSide).map { BeadShape(zh: zh, en: $0) } }

    /// The shapes of a long text's first pass, a coarse path that the second pass refines.
    static let coarse: [BeadShape] = [
        .init(zh: 1, en: 1), .init(zh: 1, en: 0), .init(zh: 0, en: 1), .init(zh: 1, en: 2), .init(zh: 2, en: 1),
    ]

    /// A slot for the shape in tables indexed by shape (sides of 0…`maxWideSide` sentences).
    var slot: Int { zh * (Self.maxWideSide + 1) + en }

    /// The size of tables indexed by `slot`.
    static let slotCount = (maxWideSide + 1) * (maxWideSide + 1)

    /// Prior probabilities before anything is known of the text (re-estimated from each text's first pass).
    static let initialPriors: [BeadShape: Double] = [
        .init(zh: 1, en: 1): 0.70, .init(zh: 1, en: 0): 0.01, .init(zh: 0, en: 1): 0.01,
        .init(zh: 1, en: 2): 0.08, .init(zh: 2, en: 1): 0.08, .init(zh: 2, en: 2): 0.02,
        .init(zh: 1, en: 3): 0.025, .init(zh: 3, en: 1): 0.025, .init(zh: 1, en: 4): 0.008,
        .init(zh: 4, en: 1): 0.008, .init(zh: 2, en: 3): 0.008, .init(zh: 3, en: 2): 0.008,
    ]

    /// Whether the shape links sentences on both sides.
    var isLink: Bool { zh > 0 && en > 0 }
}
