/// What a bead scorer reads of translation evidence between the sentences the search can put in
/// one bead: for Chinese sentence r, the weight of its units covered by English sentences c ..< c+b
/// (their union, not a sum, so shared matches count once), for English sentence c, the weight
/// covered by Chinese sentences r−a+1 … r, and what unrelated neighbours cover by chance. Exact
/// for beads of up to `maxSide` sentences a side inside the band; 0 outside it.
protocol PairCoverage {
    /// Evidence for the pairs a search in `band` needs, for beads of up to `maxSide` sentences a
    /// side. `expected[r]` is the English sentence expected to pair with Chinese sentence r: chance
    /// levels are measured against sentences a few places away from it; `chance` gives them
    /// instead (a stretch of a longer text takes the whole text's).
    init(zh: [ChineseFeatures], en: [EnglishFeatures], band: SearchBand, vocabularySize: Int, expected: [Int],
         maxSide: Int, chance: (zh: [Float], en: [Float])?)
    /// The most sentences a side of a bead has in this search (4, or 2 for a coarse first pass).
    var maxSide: Int { get }
    /// What a neighbouring, unrelated English sentence covers of each Chinese sentence, on average.
    var zhChance: [Float] { get }
    /// What a neighbouring, unrelated Chinese sentence covers of each English sentence, on average.
    var enChance: [Float] { get }
    /// Makes the rows up to row `r` readable (the last a bead ending there reads).
    func prepare(through r: Int)
    /// Weight of Chinese sentence r covered by English sentences `en`.
    func zhCovered(_ r: Int, by en: Range<Int>) -> Float
    /// Weight of English sentence c covered by Chinese sentences `zh`.
    func enCovered(_ c: Int, by zh: Range<Int>) -> Float
}

/// Where the evidence of each pair lies: row r (Chinese sentence r) covers English sentences
/// `first[r] ..< first[r] + count[r]`, what the beads of a search in the band ending in row r reach,
/// from cell `offset[r]` of a table holding all rows.
struct EvidenceLayout: Sendable {
    /// The most sentences a side of a bead can have.
    let maxSide: Int
    let first: [Int]
    let offset: [Int]
    let count: [Int]
    /// Cells of all rows.
    let cells: Int

    /// The layout for the beads of up to `maxSide` sentences a side of a search in `band` over n × m sentences.
    init(band: SearchBand, n: Int, m: Int, maxSide: Int) {
        self.maxSide = maxSide
        var first: [Int] = [], offset: [Int] = [], count: [Int] = []
        first.reserveCapacity(n)
        offset.reserveCapacity(n)
        count.reserveCapacity(n)
        var cells = 0
        for r in 0..<n {
            let lower = max(0, band.lo[r + 1] - maxSide)
            let upper = min(m, band.hi[min(n, r + maxSide)])
            first.append(lower)
            offset.append(cells)
            count.append(max(0, upper - lower))
            cells += count[r]
        }
        (self.first, self.offset, self.count, self.cells) = (first, offset, count, cells)
    }

    /// Where in row r the weight of Chinese sentence r covered by English sentences `en` is (nil
    /// outside the band or for more than `maxSide` sentences).
    @inline(__always)
    func zhCell(_ r: Int, by en: Range<Int>) -> Int? {
        let k = en.lowerBound - first[r]
        guard k >= 0 && k < count[r], !en.isEmpty, en.count <= maxSide else { return nil }
        return k * maxSide + en.count - 1
    }

    /// Where in row `zh.upperBound − 1` the weight of English sentence c covered by Chinese
    /// sentences `zh` is (nil outside the band or for more than `maxSide` sentences).
    @inline(__always)
    func enCell(_ c: Int, by zh: Range<Int>) -> Int? {
        let k = c - first[zh.upperBound - 1]
        guard k >= 0 && k < count[zh.upperBound - 1], !zh.isEmpty, zh.count <= maxSide else { return nil }
        return k * maxSide + zh.count - 1
    }

    /// The chance levels to use (`chance`, or measured against the `expected` partners) and the
    /// rows' computer, its scratch ready.
    static func rows(zh: [ChineseFeatures], en: [EnglishFeatures], layout: EvidenceLayout, vocabularySize: Int, expected: [Int],
                     chance: (zh: [Float], en: [Float])?) -> (chance: (zh: [Float], en: [Float]), rows: UnionRows) {
        var scratch = RowScratch(vocabularySize: vocabularySize)
        let levels = chance ?? PairEvidence.chanceLevels(zh: zh, en: en, expected: expected, scratch: &scratch)
        return (levels, UnionRows(zh: zh, en: en, first: layout.first, count: layout.count, maxSide: layout.maxSide, scratch: scratch))
    }
}

/// Pair evidence kept whole, for reading in any order and by any number of threads (see
/// `PairCoverage`).
struct PairEvidence: PairCoverage, Sendable {
    /// The most sentences a side of a bead can have.
    static let maxSide = 4
    private let layout: EvidenceLayout
    /// zhUnion[(offset[r] + c − first[r]) × maxSide + b − 1]: weight of r covered by c ..< c+b.
    private let zhUnion: [Float]
    /// enUnion[(offset[r] + c − first[r]) × maxSide + a − 1]: weight of c covered by r−a+1 … r.
    private let enUnion: [Float]
    let zhChance: [Float]
    let enChance: [Float]

    var maxSide: Int { layout.maxSide }

    /// Computes the evidence for the pairs a search in `band` needs (see `PairCoverage.init`).
    init(zh: [ChineseFeatures], en: [EnglishFeatures], band: SearchBand, vocabularySize: Int, expected: [Int],
         maxSide: Int = PairEvidence.maxSide, chance: (zh: [Float], en: [Float])? = nil) {
        let n = zh.count
        let layout = EvidenceLayout(band: band, n: n, m: en.count, maxSide: maxSide)
        self.layout = layout
        let (levels, rows) = EvidenceLayout.rows(zh: zh, en: en, layout: layout, vocabularySize: vocabularySize, expected: expected, chance: chance)
        (zhChance, enChance) = levels
        var zhUnion = [Float](repeating: 0, count: layout.cells * maxSide)
        var enUnion = [Float](repeating: 0, count: layout.cells * maxSide)
        zhUnion.withUnsafeMutableBufferPointer { zhOut in
            enUnion.withUnsafeMutableBufferPointer { enOut in
                for r in 0..<n {
                    let base = layout.offset[r] * maxSide
                    rows.compute(r, zh: zhOut.baseAddress! + base, en: enOut.baseAddress! + base)
                }
            }
        }
        self.zhUnion = zhUnion
        self.enUnion = enUnion
    }

    /// The summed weights of the set bits of a 128-bit unit mask.
    @inline(__always)
    static func weight(_ mask: (UInt64, UInt64), _ weights: [Float]) -> Float {
        var total: Float = 0
        var lo = mask.0, hi = mask.1
        while lo != 0 {
            total += weights[lo.trailingZeroBitCount]
            lo &= lo - 1
        }
        while hi != 0 {
            total += weights[64 + hi.trailingZeroBitCount]
            hi &= hi - 1
        }
        return total
    }

    @inline(__always)
    func prepare(through r: Int) {}

    @inline(__always)
    func zhCovered(_ r: Int, by en: Range<Int>) -> Float {
        layout.zhCell(r, by: en).map { zhUnion[layout.offset[r] * layout.maxSide + $0] } ?? 0
    }

    @inline(__always)
    func enCovered(_ c: Int, by zh: Range<Int>) -> Float {
        layout.enCell(c, by: zh).map { enUnion[layout.offset[zh.upperBound - 1] * layout.maxSide + $0] } ?? 0
    }

    /// Offsets from a sentence's expected partner at which its neighbours are sampled.
    static let chanceOffsets = [-8, -6, -4, -3, 3, 4, 6, 8]

    /// Mean coverage between each sentence and nearby sentences of the other side that are not its
    /// partner (`offsets` places from the expected one, by default 3 to 8): what neighbouring text
    /// shares by topic alone.
    static func chanceLevels(zh: [ChineseFeatures], en: [EnglishFeatures], expected: [Int], offsets: [Int] = chanceOffsets,
                             scratch: inout RowScratch) -> ([Float], [Float]) {
        let n = zh.count, m = en.count
        var zhChance = [Float](repeating: 0, count: n)
        var enChance = [Float](repeating: 0, count: m)
        var enSamples = [Int](repeating: 0, count: m)
        for r in 0..<n {
            scratch.load(zh[r], row: r)
            let own = min(m - 1, expected[r])
            var taken = 0
            for k in offsets {
                let c = own + k
                guard c >= 0 && c < m else { continue }
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                zhChance[r] += z
                enChance[c] += e
                enSamples[c] += 1
                taken += 1
            }
            if taken > 0 { zhChance[r] /= Float(taken) }
        }
        let enMean = enChance.reduce(0, +) / Float(max(1, enSamples.reduce(0, +)))
        for c in 0..<m { enChance[c] = enSamples[c] > 0 ? enChance[c] / Float(enSamples[c]) : enMean }
        return (zhChance, enChance)
    }
}

/// Pair evidence kept only for the last `maxSide` rows, computed as the reader moves on
/// (`prepare(through:)`): the search reads the rows in order and never further back than a bead
/// reaches, so its evidence takes a few band rows of memory instead of the whole band (at 80,000
/// sentence pairs, peak memory 478 → 391 MB at the same speed). For one reader on one thread.
struct StreamingPairEvidence: PairCoverage {
    private let layout: EvidenceLayout
    /// The rows computed on demand, and (read without reference counting in the search's inner
    /// loop) where they are.
    private let rows: UnionRows
    private let window: UnionRows.Window
    let zhChance: [Float]
    let enChance: [Float]

    var maxSide: Int { layout.maxSide }

    /// Evidence for the pairs a search in `band` needs, as `PairEvidence.init` measures it.
    init(zh: [ChineseFeatures], en: [EnglishFeatures], band: SearchBand, vocabularySize: Int, expected: [Int],
         maxSide: Int = PairEvidence.maxSide, chance: (zh: [Float], en: [Float])? = nil) {
        layout = EvidenceLayout(band: band, n: zh.count, m: en.count, maxSide: maxSide)
        let (levels, rows) = EvidenceLayout.rows(zh: zh, en: en, layout: layout, vocabularySize: vocabularySize, expected: expected, chance: chance)
        (zhChance, enChance) = levels
        self.rows = rows
        window = rows.window
    }

    /// Computes the rows up to row `r`.
    @inline(__always)
    func prepare(through r: Int) {
        if r > window.computed.pointee { rows.advance(to: r) }
    }

    /// `PairEvidence.zhCovered`, for a row r among the last `maxSide` computed.
    @inline(__always)
    func zhCovered(_ r: Int, by en: Range<Int>) -> Float {
        layout.zhCell(r, by: en).map { window.zh[(r & window.slotMask) * window.rowStride + $0] } ?? 0
    }

    /// `PairEvidence.enCovered`, for a row `zh.upperBound − 1` among the last computed.
    @inline(__always)
    func enCovered(_ c: Int, by zh: Range<Int>) -> Float {
        layout.enCell(c, by: zh).map { window.en[((zh.upperBound - 1) & window.slotMask) * window.rowStride + $0] } ?? 0
    }
}

/// The union weights of pair evidence, row by row in order (see `PairEvidence`): row r's cell k
/// holds, at k × maxSide + b − 1, the weight of Chinese sentence r covered by English sentences
/// first[r] + k ..< first[r] + k + b (`zh`), and at k × maxSide + a − 1 the weight of English
/// sentence first[r] + k covered by Chinese sentences r − a + 1 … r (`en`). A row is computed into
/// the whole table's memory (`compute`) or into a ring of the last rows (`advance(to:)`, streaming);
/// the cover masks are kept for the last `maxSide` rows only: a cell's unions need its own row's
/// and those of the rows above it.
final class UnionRows {
    private let zh: [ChineseFeatures], en: [EnglishFeatures]
    private let first: [Int], count: [Int]
    private let maxSide: Int
    private var scratch: RowScratch
    /// Row r's cover masks in slot r & slotMask (a ring of at least `maxSide` rows, a power of two).
    private var masks: [[CoverMasks]]

    /// Where the kept rows are: row r's unions at (r & slotMask) × rowStride of `zh` and `en`, and
    /// the last row computed (−1: none). Memory owned by the `UnionRows`, valid while it lives.
    struct Window {
        let zh: UnsafeMutablePointer<Float>, en: UnsafeMutablePointer<Float>
        let computed: UnsafeMutablePointer<Int>
        let rowStride: Int, slotMask: Int
    }
    let window: Window

    init(zh: [ChineseFeatures], en: [EnglishFeatures], first: [Int], count: [Int], maxSide: Int, scratch: RowScratch) {
        (self.zh, self.en, self.first, self.count, self.maxSide, self.scratch) = (zh, en, first, count, maxSide, scratch)
        var slots = 1
        while slots < maxSide { slots <<= 1 }
        masks = Array(repeating: [], count: slots)
        let rowStride = (count.max() ?? 0) * maxSide
        let computed = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        computed.initialize(to: -1)
        window = Window(zh: .allocate(capacity: max(1, rowStride * slots)), en: .allocate(capacity: max(1, rowStride * slots)),
                        computed: computed, rowStride: rowStride, slotMask: slots - 1)
    }

    deinit {
        window.zh.deallocate()
        window.en.deallocate()
        window.computed.deallocate()
    }

    /// Computes the rows after the last computed up to `r`.
    func advance(to r: Int) {
        while window.computed.pointee < r {
            let next = window.computed.pointee + 1
            let slot = (next & window.slotMask) * window.rowStride
            compute(next, zh: window.zh + slot, en: window.en + slot)
            window.computed.pointee = next
        }
    }

    /// Computes row r (the row after the last computed) into `zhOut` and `enOut` (count[r] × maxSide each).
    func compute(_ r: Int, zh zhOut: UnsafeMutablePointer<Float>, en enOut: UnsafeMutablePointer<Float>) {
        // Worked on as locals, put back at the end: a class's stored arrays would be checked for
        // exclusive access at every read in the loops below.
        var masks = self.masks, scratch = self.scratch
        (self.masks, self.scratch) = ([], RowScratch(vocabularySize: 0))
        defer { (self.masks, self.scratch) = (masks, scratch) }
        let slot = r & window.slotMask
        scratch.load(zh[r], row: r)
        masks[slot].removeAll(keepingCapacity: true)
        for c in first[r]..<(first[r] + count[r]) { masks[slot].append(scratch.cover(en[c])) }
        let zhWeights = zh[r].weights
        for k in 0..<count[r] {
            let c = first[r] + k
            let cell = k * maxSide
            var zlo: UInt64 = 0, zhi: UInt64 = 0
            for b in 0..<maxSide {
                if k + b < count[r] {  // English sentence c + b in row r
                    let mask = masks[slot][k + b]
                    zlo |= mask.zhLow; zhi |= mask.zhHigh
                }
                zhOut[cell + b] = PairEvidence.weight((zlo, zhi), zhWeights)
            }
            let enWeights = en[c].weights
            var elo: UInt64 = 0, ehi: UInt64 = 0
            for a in 0..<maxSide {
                let row = r - a
                if row >= 0 {
                    let kk = c - first[row]
                    if kk >= 0 && kk < count[row] {
                        let mask = masks[row & window.slotMask][kk]
                        elo |= mask.enLow; ehi |= mask.enHigh
                    }
                }
                enOut[cell + a] = PairEvidence.weight((elo, ehi), enWeights)
            }
        }
    }
}

/// Which units of a Chinese sentence and of an English sentence match each other.
struct CoverMasks {
    var zhLow: UInt64 = 0, zhHigh: UInt64 = 0
    var enLow: UInt64 = 0, enHigh: UInt64 = 0
}

/// Per-row scratch space: for the current Chinese sentence, which of its units each English id covers.
struct RowScratch {
    private var stamp: [Int32]
    private var low: [UInt64]
    private var high: [UInt64]
    private var current: Int32 = -1

    init(vocabularySize: Int) {
        stamp = Array(repeating: -1, count: vocabularySize)
        low = Array(repeating: 0, count: vocabularySize)
        high = Array(repeating: 0, count: vocabularySize)
    }

    /// Indexes the candidates of Chinese sentence `row` by the English ids they translate to.
    mutating func load(_ z: ChineseFeatures, row: Int) {
        current = Int32(truncatingIfNeeded: row)
        if current == -1 { current = -2 }
        for c in z.candidates {
            let mask = c.mask
            for t in c.targets where Int(t) < stamp.count {
                let k = Int(t)
                if stamp[k] != current {
                    stamp[k] = current
                    low[k] = 0
                    high[k] = 0
                }
                low[k] |= mask.low
                high[k] |= mask.high
            }
        }
    }

    /// Which units of the loaded Chinese sentence and of English sentence `e` match.
    func cover(_ e: EnglishFeatures) -> CoverMasks {
        var m = CoverMasks()
        for (k, id) in e.ids.enumerated() where Int(id) < stamp.count && stamp[Int(id)] == current {
            m.zhLow |= low[Int(id)]
            m.zhHigh |= high[Int(id)]
            if k < 64 { m.enLow |= 1 << UInt64(k) } else { m.enHigh |= 1 << UInt64(k - 64) }
        }
        return m
    }

    /// Covered weights of the loaded Chinese sentence `z` and of English sentence `e`.
    func coveredWeights(_ z: ChineseFeatures, _ e: EnglishFeatures) -> (Float, Float) {
        let m = cover(e)
        return (PairEvidence.weight((m.zhLow, m.zhHigh), z.weights), PairEvidence.weight((m.enLow, m.enHigh), e.weights))
    }
}
