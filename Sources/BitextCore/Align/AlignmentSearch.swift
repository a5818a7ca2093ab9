import Foundation

/// The alignment search: dynamic programming over the lattice of (Chinese prefix length i,
/// English prefix length j) restricted to a band, maximising the sum of bead scores. A pure
/// function of the sizes, the band, the shapes and the scorer.
///
/// Indexing: `best` holds the best score of aligning the first i Chinese and first j English
/// sentences for the last rows a bead reaches back over only (a `ScoreRing`); `back` holds, for
/// every cell (`rowStarts[i] + j − band.lo[i]`), the index in `shapes` of the last bead (255 = none).
enum AlignmentSearch {
    /// One bead of the best path: its shape and the lattice point it ends at.
    struct Step: Equatable {
        let shape: BeadShape
        let i: Int
        let j: Int

        /// The Chinese sentences the bead links.
        var zhRange: Range<Int> { (i - shape.zh)..<i }
        /// The English sentences the bead links.
        var enRange: Range<Int> { (j - shape.en)..<j }

        /// The same bead seen from lattice point (−di, −dj): moved by (di, dj).
        func moved(_ di: Int, _ dj: Int) -> Step { Step(shape: shape, i: i + di, j: j + dj) }
    }

    /// The best path from (0, 0) to (n, m), in order; empty when n = m = 0.
    static func bestPath<S: BeadScoring>(n: Int, m: Int, band: SearchBand, shapes: [BeadShape] = BeadShape.all,
                                        scorer: S, progress: ((Double) -> Void)? = nil) -> [Step] {
        precondition(band.rows == n + 1, "the band must have a row per Chinese prefix length")
        let rowStart = band.rowStarts
        var back = [UInt8](repeating: 255, count: rowStart[n + 1])
        // The best scores of the rows a bead can reach back to only: memory a few band rows deep
        // instead of a score for every cell of the text.
        var best = ScoreRing(band: band, rows: (shapes.map(\.zh).max() ?? 0) + 1)
        best.scores[0] = 0  // (0, 0): band.lo[0] is 0
        for i in 0...n {
            if let progress, i % 1000 == 0 { progress(Double(i) / Double(max(1, n))) }
            for j in band.lo[i]...band.hi[i] {
                if i == 0 && j == 0 { continue }
                var top = -Double.infinity
                var arg: UInt8 = 255
                for (s, shape) in shapes.enumerated() {
                    guard let p = best.slot(i - shape.zh, j - shape.en) else { continue }
                    let previous = best.scores[p]
                    if previous == -.infinity { continue }
                    let value = previous + scorer.score(shape, i: i, j: j)
                    if value > top {
                        top = value
                        arg = UInt8(s)
                    }
                }
                best.scores[best.slot(i, j)!] = top
                back[rowStart[i] + j - band.lo[i]] = arg
            }
        }
        var steps: [Step] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let s = back[rowStart[i] + j - band.lo[i]]
            guard s != 255 else { break }
            let shape = shapes[Int(s)]
            steps.append(Step(shape: shape, i: i, j: j))
            i -= shape.zh
            j -= shape.en
        }
        return steps.reversed()
    }

    /// For each bead of `path`, the probability that a path through `band` contains it, each path
    /// weighted by exp(its score × `sharpness`) (the forward–backward algorithm). Both passes keep
    /// only the rows a bead reaches over (a ring, as in `bestPath`); the forward score of each path
    /// bead's start is noted as the forward pass leaves its row, its posterior taken as the
    /// backward pass leaves the row it ends in.
    static func posteriors<S: BeadScoring>(of path: [Step], n: Int, m: Int, band: SearchBand, shapes: [BeadShape] = BeadShape.all,
                                          scorer: S, sharpness: Double = 1) -> [Double] {
        precondition(band.rows == n + 1, "the band must have a row per Chinese prefix length")
        var ring = ScoreRing(band: band, rows: (shapes.map(\.zh).max() ?? 0) + 1)
        var terms = [Double](repeating: 0, count: shapes.count)
        var start = [Double](repeating: -.infinity, count: path.count)  // forward score at each bead's start
        var first = 0  // the first path bead whose start is not yet noted
        var total = -Double.infinity
        for i in 0...n {
            for j in band.lo[i]...band.hi[i] {
                var value = 0.0
                if i > 0 || j > 0 {
                    var count = 0
                    for shape in shapes {
                        guard let p = ring.slot(i - shape.zh, j - shape.en), ring.scores[p] > -.infinity else { continue }
                        terms[count] = ring.scores[p] + scorer.score(shape, i: i, j: j) * sharpness
                        count += 1
                    }
                    value = logSumExp(terms[0..<count])
                }
                ring.scores[ring.slot(i, j)!] = value
            }
            while first < path.count, path[first].i - path[first].shape.zh <= i {
                let step = path[first]
                if let p = ring.slot(step.i - step.shape.zh, step.j - step.shape.en) { start[first] = ring.scores[p] }
                first += 1
            }
            if i == n, let end = ring.slot(n, m) { total = ring.scores[end] }
        }
        guard total > -.infinity else { return path.map { _ in 0 } }
        ring.clear()
        var posteriors = [Double](repeating: 0, count: path.count)
        var last = path.count - 1  // the last path bead whose posterior is not yet taken
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: band.hi[i], through: band.lo[i], by: -1) {
                var value = 0.0
                if i < n || j < m {
                    var count = 0
                    for shape in shapes {
                        guard let c = ring.slot(i + shape.zh, j + shape.en), ring.scores[c] > -.infinity else { continue }
                        terms[count] = ring.scores[c] + scorer.score(shape, i: i + shape.zh, j: j + shape.en) * sharpness
                        count += 1
                    }
                    value = logSumExp(terms[0..<count])
                }
                ring.scores[ring.slot(i, j)!] = value
            }
            while last >= 0, path[last].i >= i {
                let step = path[last]
                if start[last] > -.infinity, let c = ring.slot(step.i, step.j) {
                    posteriors[last] = Foundation.exp(start[last] + scorer.score(step.shape, i: step.i, j: step.j) * sharpness + ring.scores[c] - total)
                }
                last -= 1
            }
        }
        return posteriors
    }

    /// Scores of the cells of the last band rows computed (at least `rows`, a power of two, so a
    /// row's slot is a mask away), row i in slot i mod that.
    private struct ScoreRing {
        let band: SearchBand
        let mask: Int, width: Int
        var scores: [Double]

        init(band: SearchBand, rows: Int) {
            self.band = band
            var slots = 1
            while slots < rows { slots <<= 1 }
            mask = slots - 1
            width = (0..<band.rows).lazy.map { band.hi[$0] - band.lo[$0] + 1 }.max() ?? 1
            scores = [Double](repeating: -.infinity, count: slots * width)
        }

        /// Where cell (i, j) is kept; nil outside the band (the caller reads only rows still kept).
        @inline(__always)
        func slot(_ i: Int, _ j: Int) -> Int? {
            guard i >= 0, i < band.rows, j >= band.lo[i], j <= band.hi[i] else { return nil }
            return (i & mask) * width + j - band.lo[i]
        }

        mutating func clear() { scores = [Double](repeating: -.infinity, count: scores.count) }
    }

    /// log Σ exp(x), −∞ for no terms.
    private static func logSumExp(_ xs: ArraySlice<Double>) -> Double {
        guard let top = xs.max(), top > -.infinity else { return -.infinity }
        return top + Foundation.log(xs.reduce(0) { $0 + Foundation.exp($1 - top) })
    }
}
