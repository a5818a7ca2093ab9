/// Which cells of the alignment lattice the search visits: for each Chinese prefix length i
/// (0…n), the English prefix lengths lo[i]…hi[i]. Both bounds never decrease, row 0 starts at 0
/// and row n ends at m, so a path from (0, 0) to (n, m) always exists.
struct SearchBand {
    private(set) var lo: [Int]
    private(set) var hi: [Int]

    /// The whole lattice.
    init(fullWidthFor n: Int, _ m: Int) {
        lo = Array(repeating: 0, count: n + 1)
        hi = Array(repeating: m, count: n + 1)
    }

    /// A band of half-width `width(i)` around `center(i)`, repaired to be monotone and connected.
    init(n: Int, m: Int, center: (Int) -> Double, width: (Int) -> Int) {
        lo = (0...n).map { max(0, Int(center($0)) - width($0)) }
        hi = (0...n).map { min(m, Int(center($0).rounded(.up)) + width($0)) }
        lo[0] = 0
        hi[n] = m
        for i in 1...max(1, n) where i <= n { lo[i] = max(lo[i], lo[i - 1]) }
        for i in stride(from: n - 1, through: 0, by: -1) { hi[i] = min(hi[i], hi[i + 1]) }
        for i in 0...n {
            if i > 0 { lo[i] = min(lo[i], hi[i - 1]) }  // each row reachable from the one before
            hi[i] = max(hi[i], lo[i])
        }
    }

    /// A band of half-width `width` around a path of lattice points (i, j).
    init(around path: [(i: Int, j: Int)], n: Int, m: Int, width: Int) {
        var low = Array(repeating: Int.max, count: n + 1)
        var high = Array(repeating: Int.min, count: n + 1)
        for p in path {
            low[p.i] = min(low[p.i], p.j)
            high[p.i] = max(high[p.i], p.j)
        }
        for i in 0...n where low[i] == Int.max {  // rows the path jumps over (it skips at most 3)
            low[i] = i > 0 ? low[i - 1] : 0
            high[i] = low[i]
        }
        self.init(n: n, m: m, center: { Double(low[$0] + high[$0]) / 2 },
                  width: { width + (high[$0] - low[$0] + 1) / 2 })
    }

    /// The part of `band` over lattice rows `rows` and columns `columns`, seen from their first
    /// point; both corners must lie in the band.
    init(slicing band: SearchBand, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        let m = columns.count - 1
        lo = rows.map { min(m, max(0, band.lo[$0] - columns.lowerBound)) }
        hi = rows.map { max(0, min(m, band.hi[$0] - columns.lowerBound)) }
        lo[0] = 0
        hi[hi.count - 1] = m
        for i in lo.indices where lo[i] > hi[i] { hi[i] = lo[i] }
    }

    var rows: Int { lo.count }

    /// Where each row's cells begin when the band's cells are stored row after row; the last
    /// element is the number of cells.
    var rowStarts: [Int] {
        var starts = [Int](repeating: 0, count: rows + 1)
        for i in 0..<rows { starts[i + 1] = starts[i] + (hi[i] - lo[i] + 1) }
        return starts
    }

    /// This band widened by `other`, a band over the stretch of the lattice from (i0, j0).
    func merging(_ other: SearchBand, from i0: Int, _ j0: Int) -> SearchBand {
        var merged = self
        for k in 0..<other.rows {
            merged.lo[i0 + k] = min(lo[i0 + k], other.lo[k] + j0)
            merged.hi[i0 + k] = max(hi[i0 + k], other.hi[k] + j0)
        }
        return merged
    }

    /// The middle of each row (for rows 0…n−1: where the Chinese sentence of that index is expected to pair).
    var centers: [Int] { (0..<(lo.count - 1)).map { (lo[$0] + hi[$0]) / 2 } }

    /// Whether (i, j) lies on the band's edge (not at the lattice's own border).
    func isOnEdge(i: Int, j: Int, m: Int) -> Bool {
        (j == lo[i] && j > 0) || (j == hi[i] && j < m)
    }
}
