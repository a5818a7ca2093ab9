import Foundation

/// The alignment search: dynamic programming over the lattice of (Chinese prefix length i,
/// English prefix length j) restricted to a band, maximising the sum of bead scores. A pure
/// function of the sizes, the band, the shapes and the scorer.
///
/// Indexing: `best[row i][j − band.lo[i]]` is the best score of aligning the first i Chinese and
/// first j English sentences (kept for the last rows a bead reaches back over only); `back` holds,
/// for every cell, the index in `shapes` of the last bead (255 = none).
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
    }

    /// The best path from (0, 0) to (n, m), in order; empty when n = m = 0.
    static func bestPath<S: BeadScoring>(n: Int, m: Int, band: SearchBand, shapes: [BeadShape] = BeadShape.all,
                                        scorer: S, progress: ((Double) -> Void)? = nil) -> [Step] {
        precondition(band.rows == n + 1, "the band must have a row per Chinese prefix length")
        let rowStart = band.rowStarts
        var back = [UInt8](repeating: 255, count: rowStart[n + 1])
        // The best scores of the rows a bead can reach back to only, in a ring of `ring` rows (a
        // power of two, so a row's slot is a mask away): memory a few band rows deep instead of a
        // score for every cell of the text.
        var ring = 1
        while ring <= (shapes.map(\.zh).max() ?? 0) { ring <<= 1 }
        let width = (0...n).lazy.map { band.hi[$0] - band.lo[$0] + 1 }.max() ?? 1
        var best = [Double](repeating: -.infinity, count: ring * width)
        best[0] = 0  // (0, 0): band.lo[0] is 0
        for i in 0...n {
            if let progress, i % 1000 == 0 { progress(Double(i) / Double(max(1, n))) }
            let base = (i & (ring - 1)) * width
            for j in band.lo[i]...band.hi[i] {
                if i == 0 && j == 0 { continue }
                var top = -Double.infinity
                var arg: UInt8 = 255
                for (s, shape) in shapes.enumerated() {
                    let pi = i - shape.zh, pj = j - shape.en
                    guard pi >= 0, pj >= band.lo[max(0, pi)], pj <= band.hi[max(0, pi)] else { continue }
                    let previous = best[(pi & (ring - 1)) * width + pj - band.lo[pi]]
                    if previous == -.infinity { continue }
                    let value = previous + scorer.score(shape, i: i, j: j)
                    if value > top {
                        top = value
                        arg = UInt8(s)
                    }
                }
                best[base + j - band.lo[i]] = top
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
    /// weighted by exp(its score × `sharpness`) (the forward–backward algorithm).
    static func posteriors<S: BeadScoring>(of path: [Step], n: Int, m: Int, band: SearchBand, shapes: [BeadShape] = BeadShape.all,
                                          scorer: S, sharpness: Double = 1) -> [Double] {
        precondition(band.rows == n + 1, "the band must have a row per Chinese prefix length")
        let rowStart = band.rowStarts
        func cell(_ i: Int, _ j: Int) -> Int? {
            guard i >= 0, i <= n, j >= band.lo[i], j <= band.hi[i] else { return nil }
            return rowStart[i] + j - band.lo[i]
        }
        var forward = [Double](repeating: -.infinity, count: rowStart[n + 1])
        forward[0] = 0
        var terms = [Double](repeating: 0, count: shapes.count)
        for i in 0...n {
            for j in band.lo[i]...band.hi[i] where i > 0 || j > 0 {
                var count = 0
                for shape in shapes {
                    guard let p = cell(i - shape.zh, j - shape.en), forward[p] > -.infinity else { continue }
                    terms[count] = forward[p] + scorer.score(shape, i: i, j: j) * sharpness
                    count += 1
                }
                forward[rowStart[i] + j - band.lo[i]] = logSumExp(terms[0..<count])
            }
        }
        var backward = [Double](repeating: -.infinity, count: rowStart[n + 1])
        guard let end = cell(n, m), forward[end] > -.infinity else { return path.map { _ in 0 } }
        backward[end] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: band.hi[i], through: band.lo[i], by: -1) where i < n || j < m {
                var count = 0
                for shape in shapes {
                    guard let c = cell(i + shape.zh, j + shape.en), backward[c] > -.infinity else { continue }
                    terms[count] = backward[c] + scorer.score(shape, i: i + shape.zh, j: j + shape.en) * sharpness
                    count += 1
                }
                backward[rowStart[i] + j - band.lo[i]] = logSumExp(terms[0..<count])
            }
        }
        return path.map { step in
            guard let p = cell(step.i - step.shape.zh, step.j - step.shape.en), let c = cell(step.i, step.j) else { return 0 }
            return Foundation.exp(forward[p] + scorer.score(step.shape, i: step.i, j: step.j) * sharpness + backward[c] - forward[end])
        }
    }

    /// log Σ exp(x), −∞ for no terms.
    private static func logSumExp(_ xs: ArraySlice<Double>) -> Double {
        guard let top = xs.max(), top > -.infinity else { return -.infinity }
        return top + Foundation.log(xs.reduce(0) { $0 + Foundation.exp($1 - top) })
    }
}
