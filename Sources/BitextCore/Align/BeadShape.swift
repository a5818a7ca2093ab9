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

    /// Every shape of up to four sentences a side, for the clause refinement's second look at a
    /// doubtful region (2-4, 3-3 and 4-4 as well: a free translation's long passages).
    static let wide: [BeadShape] = [.init(zh: 1, en: 0), .init(zh: 0, en: 1)]
        + (1...4).flatMap { zh in (1...4).map { BeadShape(zh: zh, en: $0) } }

    /// The shapes of a long text's first pass, a coarse path that the second pass refines.
    static let coarse: [BeadShape] = [
        .init(zh: 1, en: 1), .init(zh: 1, en: 0), .init(zh: 0, en: 1), .init(zh: 1, en: 2), .init(zh: 2, en: 1),
    ]

    /// A slot for the shape in tables indexed by shape (sides of 0…4 sentences).
    var slot: Int { zh * 5 + en }

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
