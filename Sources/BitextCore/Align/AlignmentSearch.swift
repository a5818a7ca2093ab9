/// The alignment search: dynamic programming over the lattice of (Chinese prefix length i,
/// English prefix length j) restricted to a band, maximising the sum of bead scores. A pure
/// function of the sizes, the band, the shapes and the scorer.
///
/// Indexing: `best[row i][j − band.lo[i]]` is the best score of aligning the first i Chinese and
/// first j English sentences; `back` holds the index in `shapes` of the last bead (255 = none).
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
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + (band.hi[i] - band.lo[i] + 1) }
        var best = [Double](repeating: -.infinity, count: rowStart[n + 1])
        var back = [UInt8](repeating: 255, count: rowStart[n + 1])
        best[0] = 0  // (0, 0): band.lo[0] is 0
        for i in 0...n {
            if let progress, i % 1000 == 0 { progress(Double(i) / Double(max(1, n))) }
            for j in band.lo[i]...band.hi[i] {
                let cell = rowStart[i] + j - band.lo[i]
                if i == 0 && j == 0 { continue }
                var top = -Double.infinity
                var arg: UInt8 = 255
                for (s, shape) in shapes.enumerated() {
                    let pi = i - shape.zh, pj = j - shape.en
                    guard pi >= 0, pj >= band.lo[max(0, pi)], pj <= band.hi[max(0, pi)] else { continue }
                    let previous = best[rowStart[pi] + pj - band.lo[pi]]
                    if previous == -.infinity { continue }
                    let value = previous + scorer.score(shape, i: i, j: j)
                    if value > top {
                        top = value
                        arg = UInt8(s)
                    }
                }
                best[cell] = top
                back[cell] = arg
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
}
