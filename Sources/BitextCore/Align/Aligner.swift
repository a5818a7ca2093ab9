import ICUKit

/// Aligns Chinese and English sentences: lexical evidence from the dictionaries, numbers, names
/// and cues; a length model and bead priors estimated from the texts themselves; a banded search
/// (through anchors for long texts); then a lexicon learned from that first pass and a second pass;
/// then a second look, clause by clause, at the regions whose beads are in doubt
/// (`ClauseRefinement`). Not safe for concurrent use.
public final class Aligner {
    /// The dictionary evidence comes from.
    public let dictionary: BilingualDictionary
    /// The tuning constants in force.
    public let parameters: AlignerParameters
    /// At most this many threads work on one alignment; the result does not depend on how many.
    public let workers: Int

    /// An aligner using `dictionary`, tuned by `parameters`, on up to `workers` threads (one per core).
    public init(dictionary: BilingualDictionary, parameters: AlignerParameters = AlignerParameters(), workers: Int = Workers.cores) {
        self.dictionary = dictionary
        self.parameters = parameters
        self.workers = max(1, workers)
    }

    /// What the aligner is doing, for progress display.
    public enum Stage: String, Sendable {
        case features = "reading sentences", firstPass = "first pass", learning = "learning a lexicon",
             secondPass = "second pass"
    }

    /// Aligns `zh` with `en`. `progress` is told the stage and the fraction of it done.
    public func align(zh: [Sentence], en: [Sentence],
                      progress: ((Stage, Double) -> Void)? = nil) throws(ICUError) -> Alignment {
        let n = zh.count, m = en.count
        if n == 0 || m == 0 {
            let beads = (0..<n).map { Bead(zh: $0..<($0 + 1), en: 0..<0) } + (0..<m).map { Bead(zh: n..<n, en: $0..<($0 + 1)) }
            return Alignment(zh: zh, en: en, beads: beads)
        }
        progress?(.features, 0)
        var run = try AlignmentRun(zh: zh, en: en, dictionary: dictionary, parameters: parameters, workers: workers)
        let first = run.firstPass { progress?(.firstPass, $0) }
        progress?(.learning, 0)
        try run.learn(from: first)
        let second = run.secondPass(around: first) { progress?(.secondPass, $0) }
        return Alignment(zh: zh, en: en, beads: try run.beads(second))
    }
}
