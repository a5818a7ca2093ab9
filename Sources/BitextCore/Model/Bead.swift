/// One link of an alignment: a run of Chinese sentences, a run of English sentences (either may
/// be empty), and how sure the aligner is that they translate each other (0…1).
public struct Bead: Sendable, Hashable, Codable {
    /// Indices of the Chinese sentences.
    public var zh: Range<Int>
    /// Indices of the English sentences.
    public var en: Range<Int>
    /// Confidence in 0…1.
    public var confidence: Double

    /// A bead linking `zh` to `en` sentences.
    public init(zh: Range<Int>, en: Range<Int>, confidence: Double = 1) {
        self.zh = zh
        self.en = en
        self.confidence = confidence
    }
}

/// Sentence alignment of a Chinese and an English text: both sentence lists and the beads that
/// link them, in order, covering every sentence exactly once.
public struct Alignment: Sendable {
    /// The Chinese sentences.
    public var zh: [Sentence]
    /// The English sentences.
    public var en: [Sentence]
    /// The beads, in text order.
    public var beads: [Bead]

    /// An alignment of `zh` and `en` by `beads`.
    public init(zh: [Sentence], en: [Sentence], beads: [Bead]) {
        self.zh = zh
        self.en = en
        self.beads = beads
    }
}
