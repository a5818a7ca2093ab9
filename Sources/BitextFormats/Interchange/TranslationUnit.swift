import BitextCore
/// One pair of a translation memory: a Chinese segment, its English translation, and what bitext
/// knows of it (the aligner's confidence, where the Chinese came from). Several sentences of one
/// bead are one segment.
public struct TranslationUnit: Sendable, Equatable {
    public var zh: String
    public var en: String
    /// The aligner's confidence in 0…1; nil when the unit came from a file that has none.
    public var confidence: Double?
    /// `file:line` of the Chinese text; nil when unknown.
    public var source: String?
    /// The language tags the unit came with (zh-TW, en-GB…), kept when it is written again; nil
    /// when the file had none per unit (the writer's tags are used).
    public var zhLanguage: String?
    public var enLanguage: String?
    /// `file:line` of the English text; nil when unknown.
    public var enSource: String?
    /// The 0-based indices of the unit's Chinese and English sentences in their texts, when the unit
    /// comes from an alignment (JSON Lines and the bead notation keep them; TMX and TSV cannot).
    public var zhSentences: Range<Int>?
    public var enSentences: Range<Int>?
    /// The id of the document the unit belongs to, in a TMX of a whole corpus (`batch --merge-tmx`).
    public var document: String?

    /// A unit pairing `zh` with `en`.
    public init(zh: String, en: String, confidence: Double? = nil, source: String? = nil, zhLanguage: String? = nil, enLanguage: String? = nil,
                enSource: String? = nil, zhSentences: Range<Int>? = nil, enSentences: Range<Int>? = nil, document: String? = nil) {
        self.zh = zh
        self.en = en
        self.confidence = confidence
        self.source = source
        self.zhLanguage = zhLanguage
        self.enLanguage = enLanguage
        self.enSource = enSource
        self.zhSentences = zhSentences
        self.enSentences = enSentences
        self.document = document
    }
}

extension Alignment {
    /// The beads as translation units, made one at a time as they are read (so writing a
    /// book-length alignment never holds a second copy of it), with their sentence indices and the
    /// `file:line` of each side's first sentence (`source` names the Chinese file, `enSource` the
    /// English one; the Chinese file when nil).
    public func units(source: String? = nil, enSource: String? = nil) -> LazyMapSequence<[Bead], TranslationUnit> {
        beads.lazy.map { bead in
            TranslationUnit(zh: bead.zh.map { zh[$0].text }.joined(),
                            en: bead.en.map { en[$0].text }.joined(separator: " "),
                            confidence: bead.confidence,
                            source: bead.zh.first.flatMap { zh[$0].reference(in: source) },
                            enSource: bead.en.first.flatMap { en[$0].reference(in: enSource ?? source) },
                            zhSentences: bead.zh, enSentences: bead.en)
        }
    }

    /// An alignment with one bead per unit (an empty side makes an unmatched sentence); the
    /// sentences' lines are the units' positions, 1-based.
    public init(units: [TranslationUnit]) {
        var zh: [Sentence] = [], en: [Sentence] = [], beads: [Bead] = []
        for (k, unit) in units.enumerated() {
            let zhStart = zh.count, enStart = en.count
            if !unit.zh.isEmpty { zh.append(Sentence(text: unit.zh, language: .zh, line: k + 1)) }
            if !unit.en.isEmpty { en.append(Sentence(text: unit.en, language: .en, line: k + 1)) }
            beads.append(Bead(zh: zhStart..<zh.count, en: enStart..<en.count, confidence: unit.confidence ?? 1))
        }
        self.init(zh: zh, en: en, beads: beads)
    }
}
