/// Every tuning constant of the sentence aligner, in one value: what each trades off and what it
/// was set on. The defaults are the values `bitext eval` reports its figures with; they were set
/// on the mac-dev and nejm-dev gold sets and the Bible stretch 001–002, never per document.
public struct AlignerParameters: Sendable, Equatable {
    // MARK: Search

    /// Texts up to this many lattice cells (Chinese × English sentences) are searched whole; longer
    /// ones through a band along anchors. Higher searches more texts exactly, at quadratic cost in
    /// time and memory: half a million cells is a 700 × 700-sentence text, ≈ 0.6 s searched whole
    /// (release). Set on the mac-dev documents read one after the other (1,487 × 1,821 sentences):
    /// the band gives the same strict F1 there (0.915) in 0.25 s instead of 4.6 s; every dev
    /// document is below it, so their figures do not depend on it.
    public var fullSearchCells = 500_000
    /// Half-width, in sentences, of the band through a long text's anchors. Wider tolerates
    /// anchors further apart and more reordering, at linear cost; set on the Bible stretch.
    public var anchorWidth = 15
    /// Half-width of the band around the first pass's path that the second pass searches (long
    /// texts). Wider lets the lexicon learned in between move beads further.
    public var refineWidth = 12
    /// Half-width added around the path when a search ran along its band's edge (doubled on the
    /// second widening). Wider recovers from a lost track faster and costs more cells.
    public var widening = 24
    /// How many beads on each side of a place where the path ran along the band's edge are searched
    /// again (the rest of the path stays). Longer lets the new path rejoin the old one further away,
    /// at linear cost; set on the Bible stretch 001–002 and bible/002 concatenated with itself.
    public var reSearchMargin = 100

    // MARK: Clause refinement

    /// Beads below this confidence, and beads of four sentences on a side (the widest the passes
    /// make), with `refineContext` beads on each side, are searched again with their clauses'
    /// alignment in the score (`ClauseRefinement`). Higher looks again at more of the path, at a
    /// cost in time on texts whose confidence is low throughout (the Bible's verse groups). With
    /// the speech tags (`QuoteEdges`), mac-dev odd / even documents give strict F1 0.932 / 0.898 at
    /// 0.5, 0.932 / 0.904 at 0.6, 0.928 / 0.918 at 0.7 (bible/002 then 14–19 % slower than at 0.5,
    /// against about 5 % at 0.6); 0 turns the second look off. Set on those two folds and the Bible
    /// stretch: 0.6 loses on neither fold.
    public var refineBelow = 0.6
    /// Beads on each side of a doubtful one that the second look may change as well (0 and 2 did
    /// no better on either fold).
    public var refineContext = 1
    /// Longest run of beads searched again at once; a longer doubtful run is left as it is (its
    /// clause searches grow with its length).
    public var refineMaxSteps = 12
    /// Shortest clause, in visible characters, Chinese and English: a shorter piece joins the next
    /// (韦小宝一惊， and "said Trinket." stand alone; 是的， does not). Shorter clauses carry too
    /// few words to match; 3/8 and 6/20 gave the same F1 within 0.003 on both folds.
    public var minimumClauseZh = 4
    /// See `minimumClauseZh`.
    public var minimumClauseEn = 12
    /// Half-width, in sentences, of the band around a doubtful region's old beads that the second
    /// look searches: wider finds beads further from the old ones at the cost of more clause
    /// searches (1 lost 0.003–0.004 on both folds, 3 gained nothing).
    public var clauseBand = 2
    /// How much a bead's clauses' best alignment inside it counts beside the bead's own score:
    /// higher trusts the order of clauses over the sentences' bags of words (1 and 1.5 gave
    /// 0.001–0.002 less on both folds and the Bible, 2 and 4 clearly less).
    public var clauseWeight = 0.5

    // MARK: Anchors (long texts)

    /// English words in more sentences than this (of the whole text in the first round of anchor
    /// finding, of the sentence's window in the second) do not vote for anchors: frequent words
    /// vote for everything. Higher finds more anchors in texts with a small vocabulary and more false ones.
    public var anchorMaxFrequency = 30
    /// An anchor's pair similarity must reach this (0…1) …
    public var anchorMinSimilarity = 0.4
    /// … and beat the runner-up's by this much: higher keeps fewer, surer anchors.
    public var anchorMinMargin = 0.1
    /// In the first round of anchor finding, how much less a candidate at the window's edge (an
    /// eighth of the text from the diagonal) weighs in the chain than one on the diagonal: of two
    /// equally similar candidates (a passage that recurs) the nearer wins. Higher trusts the
    /// diagonal more, wrong for a translation that drifts far (a chapter left out). Set on
    /// bible/002 repeated eight times (90 % of beads aligned as the copies, 75 % without it; 0.9
    /// gave the same); bible 001–002 and dev figures do not move.
    public var anchorDiagonalWeight = 0.5

    // MARK: Bead score

    /// How much lexical evidence (per sentence, 0…1) weighs against the log-probability terms
    /// (length, shape prior). Higher trusts the dictionary over lengths; set on mac-dev and nejm-dev.
    public var evidenceWeight = 4.0
    /// How much the length model's log-likelihood weighs. Higher follows sentence lengths more,
    /// which helps texts the dictionary covers poorly and hurts free translations.
    public var lengthWeight = 0.7
    /// What a bead gains for each edge (start, end) where both sides agree on a quotation mark
    /// (a short speech tag before an opening quote counting as part of it, `QuoteEdges`): dialogue
    /// keeps its sentence boundaries. Set on the literary (mac) documents; 0.4–1.0 give mac-dev
    /// strict F1 0.915–0.917 with the speech tags.
    public var quoteWeight = 0.6
    /// What a bead pays for each paragraph break inside one side that the other side does not
    /// match. Higher keeps beads inside paragraphs, wrong where translators merge paragraphs.
    public var paragraphPenalty = 3.0

    // MARK: Length model

    /// The start value of the variance of the length difference per character, times the texts'
    /// length ratio, before it is re-estimated from the first pass: Gale and Church's 6.8 (1993).
    public var lengthVariance = 6.8

    // MARK: Confidence

    /// Logistic weight on the bead's similarity as a z-score against unrelated pairs nearby.
    public var confidenceSimilarity = 0.8
    /// Logistic weight on the squared length deviation (a mismatch lowers confidence).
    public var confidenceLength = 0.3
    /// The logistic's bias: lower makes every bead less confident.
    public var confidenceBias = -1.0
    /// The calibrated confidence is a logistic regression of "the bead is exactly right" on the
    /// evidence above (its log-odds), the bead's margin over its best alternative (`BeadMargin`,
    /// capped at `confidenceMarginCap`) and the log-odds of its posterior (the share of all paths,
    /// weighted by exp(score × `posteriorSharpness`), that hold it). Fitted on the nejm-dev beads
    /// and checked on mac-dev, which it never saw: AUC 0.833 → 0.858, Brier 0.086 → 0.084 against
    /// evidence and margin alone; fitted on mac-dev instead, the feature weights differ by < 0.08
    /// (the bias by 0.53). Higher margin weight trusts the search's runner-up more.
    public var calibratedMargin = 0.114
    /// Weight of the evidence's log-odds in the calibrated confidence.
    public var calibratedEvidence = 0.048
    /// Weight of the posterior's log-odds in the calibrated confidence: higher trusts the global
    /// alternatives (every path) over the local one (the margin).
    public var calibratedPosterior = 1.142
    /// Bias of the calibrated confidence.
    public var calibratedBias = 0.504
    /// How sharply path scores are turned into path probabilities for the posterior: 1 treats the
    /// bead scores as log-probabilities; lower spreads probability to the alternatives, whose scores
    /// are sums of evidence terms sharper than log-probabilities. AUC on mac-dev varies ≤ 0.01 between
    /// 0.35 and 1 (0.856 at 0.5), on nejm-dev ≤ 0.015.
    public var posteriorSharpness = 0.5
    /// Margins above this count as this: past it a bead is as sure as it gets, and a huge margin
    /// (a long sentence with many dictionary words) should not outweigh the rest.
    public var confidenceMarginCap = 20.0

    /// The defaults above.
    public init() {}
}
