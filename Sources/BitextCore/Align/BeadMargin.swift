/// How much better each bead of a path is than its best alternative: the path's score over the
/// stretch from the start of the bead before to the end of the bead after, minus the best score of
/// any other way through the same stretch that does not contain the bead. A bead the text leaves
/// in doubt (its sentences could as well go to a neighbour) has a small margin.
enum BeadMargin {
    /// How far off the path (in sentences) the scorer must know pair evidence for the alternatives.
    static let reach = 4

    /// The margin of every bead of `path` under `scorer`, in the scorer's units (infinite where
    /// the stretch has no other path).
    static func margins<S: BeadScoring>(of path: [AlignmentSearch.Step], scorer: S) -> [Double] {
        path.indices.map { k in
            let first = max(0, k - 1), last = min(path.count - 1, k + 1)
            let start = (i: path[first].i - path[first].shape.zh, j: path[first].j - path[first].shape.en)
            let end = (i: path[last].i, j: path[last].j)
            let own = (first...last).reduce(0.0) { $0 + scorer.score(path[$1].shape, i: path[$1].i, j: path[$1].j) }
            let window = Window(scorer: scorer, origin: start, excluded: path[k])
            let n = end.i - start.i, m = end.j - start.j
            let alternative = AlignmentSearch.bestPath(n: n, m: m, band: SearchBand(fullWidthFor: n, m), scorer: window)
            let best = alternative.reduce(0.0) { $0 + window.score($1.shape, i: $1.i, j: $1.j) }
            // No other way through the stretch (a border with nothing on one side): nothing to doubt.
            return alternative.isEmpty || !best.isFinite ? .infinity : own - best
        }
    }

    /// The scorer seen from `origin`, with one bead left out.
    private struct Window<S: BeadScoring>: BeadScoring {
        let scorer: S
        let origin: (i: Int, j: Int)
        let excluded: AlignmentSearch.Step

        func score(_ shape: BeadShape, i: Int, j: Int) -> Double {
            let gi = i + origin.i, gj = j + origin.j
            if shape == excluded.shape && gi == excluded.i && gj == excluded.j { return -.infinity }
            return scorer.score(shape, i: gi, j: gj)
        }
    }
}
