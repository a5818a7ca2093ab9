/// The tuning thresholds of glossary building in one place, each with what it trades off and what
/// it was set on (the dev documents: nejm-dev and mac-dev with their partial and complete gold
/// lists, and the chinamil showcase). The termhood model's weights are `Termhood.Weights`; the
/// default trim of the list is `GlossaryCuration.Trim`.
public struct GlossaryParameters: Sendable {
    /// Share of an English long form's content words that the Chinese term defined with the same
    /// abbreviation must explain, its first and last word among them (人表皮生长因子受体2（HER2） ↔
    /// human epidermal growth factor receptor 2 (HER2): all six; 肿瘤淋巴结转移（TNM） ↔
    /// tumor-node-metastasis: tumor, node and metastasis). Lower pairs terms whose Chinese leaves
    /// more of the long form out; the edge words keep out a Chinese term cut short (疗效终点 for
    /// "standardized definitions for efficacy end points").
    public var abbreviatedTermShare = 0.5

    // MARK: Candidates

    /// Longest Chinese candidate, in ICU segments and in characters: longer finds long names of
    /// institutions and procedures (中山大学肿瘤防治中心), at the price of more phrases to rank out;
    /// 6 segments / 12 characters missed such terms on the nejm dev documents and gained no precision.
    public var maxSegments = 8
    /// See `maxSegments`.
    public var maxCharacters = 16
    /// Longest transliterated name, in capitalised English words and in Han characters (陈清扬 ↔ Chen
    /// Qingyang): longer lets pinyin coincidences through.
    public var maxNameWords = 3
    /// See `maxNameWords`.
    public var maxNameCharacters = 4
    /// Longest name paired by word links (`LinkedNameCandidates`), in English words (function words
    /// inside included: Story of the Stone) and in Chinese characters; longer finds long titles and
    /// lets more loose links through.
    public var maxLinkedNameWords = 6
    /// See `maxLinkedNameWords`.
    public var maxLinkedNameCharacters = 8

    // MARK: Occurrences and threads

    /// Occurrences looked at to pair a term (its frequency counts them all): more finds renderings
    /// that vary, at a cost linear in them; fewer in texts above `largeText` pairs.
    public var pairingSample = 12
    /// See `pairingSample`.
    public var largeTextPairingSample = 5
    /// Texts with more sentence pairs than this consider only terms occurring at least twice and
    /// link no words (a book has the co-occurrence counts; linking would double the glossary's time).
    public var largeText = 2000
    /// Terms, and sentence pairs, per extra worker thread: small glossaries are built on one thread.
    public var termsPerWorker = 500
    /// See `termsPerWorker`.
    public var beadsPerWorker = 500

    // MARK: Co-occurrence

    /// A word keeps company with a candidate at this Dice coefficient or more: lower pairs a
    /// topic's frequent words with everything in it.
    public var minimumDice = 0.6
    /// Candidates within this much of the best Dice of a word tie for it (competitive linking).
    public var diceTie = 0.05
    /// A pair seen together twice counts (a name the dictionary lacks: 刘大爹 ↔ Grandpa) when chance
    /// would bring them together this often at most.
    public var chanceOfTwo = 0.1
    /// A word climbs from a candidate to a longer one holding it (放化疗, not 化疗, gets
    /// chemoradiotherapy) when the longer one is with the word, and written, at least this share
    /// as often: lower gives words to longer phrases around the term.
    public var climbShare = 0.9
    /// A transliteration sounds like its English word at least this much (see `SoundAlike`) to win a
    /// word two unrelated candidates tie for (阿比特龙 ↔ abiraterone beside 泼尼松 ↔ prednisone).
    public var soundsAlike = 0.5

    // MARK: Pairing

    /// A pair must explain at least this share of the term's characters and of the span's words:
    /// lower takes fragments (国总部 ↔ headquarters) and phrases with extra words.
    public var explainedTermShare = 0.85
    /// See `explainedTermShare`.
    public var explainedSpanShare = 0.75
    /// A span whose words are all explained and whose first and last words explain the term's first
    /// and last characters (原发肿瘤 ↔ primary tumor: 发 unexplained) needs only this share of
    /// the characters: lower pairs phrases held together at their edges only. On nejm-dev 0.5 and
    /// 0.6 pair the same terms (+4 right, +3 phrases on the complete lists against none).
    public var anchoredTermShare = 0.6
    /// Pairs scoring below this (mean fit, more for a rendering found in more of the term's pairs)
    /// are left out…
    public var minimumPairScore = 0.6
    /// …and below this, unless the term recurs and its rendering has several words.
    public var confidentPairScore = 0.9
    /// A one-word English rendering is generic when the word is at least this common in general
    /// English (Zipf frequency, see `GeneralFrequency`): patients 4.9, treatment 5.0, group 5.6
    /// are; headquarters 4.4, terrorism 4.2, chemotherapy 3.6, anemia 3.2 are not. Lower drops more
    /// everyday words and more of the domain words that are also common (set on the chinamil
    /// showcase and the nejm/mac dev documents: 4.2 loses terrorism and headquarters). Word links
    /// to words this common are not read, and a sentence's first word this common is no name.
    public var genericZipf = 4.5
    /// The share of its (sampled) sentence pairs in which a two-character word not glossed by the
    /// dictionary must be rendered the same way: 1 lost 放疗 ↔ radiotherapy (rendered otherwise in
    /// one of its twelve sampled pairs); lower lets generic words through on the strength of fewer
    /// co-occurrences (set on the nejm dev documents).
    public var nearlyEverywhere = 0.9
    /// How much more a rendering explained by the dictionary or pinyin ranks than one explained by
    /// co-occurrence at a near-equal score.
    public var ownEvidenceBonus = 0.04

    // MARK: Entries

    /// A share of occurrences at or above which a term counts as living inside longer entries
    /// (后伊斯兰国 in 后伊斯兰国时代): lower drops terms that also stand alone now and then.
    public var enclosedShare = 0.9
    /// …unless it is written on its own (outside them) in at least this many sentence pairs: one
    /// lets a modifier seen once alone through (后伊斯兰国); set on nejm-dev (标准治疗, HER2).
    public var ownUses = 2
    /// Sentence pairs in which word links must pair the same name (`LinkedNameCandidates`): one
    /// lets a loose link of a sentence's first word through (Relieved, Well); set on mac-dev.
    public var linkedNameRepeats = 2

    /// The values above.
    public init() {}
}
