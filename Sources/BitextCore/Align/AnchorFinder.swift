/// Finds confident anchor pairs in long texts without comparing every sentence with every other:
/// English words in few sentences vote for the partners of each Chinese sentence (through its
/// translations, within a wide window around the diagonal), the best-voted pairs are checked with
/// the real pair similarity, and the heaviest chain of pairs increasing on both sides is kept. The search band then follows the anchors.
struct AnchorFinder {
    /// Anchor pairs (Chinese sentence, English sentence), increasing on both sides: a first round
    /// over windows around the diagonal with words rare in the whole text, then a second round over
    /// windows around the first round's band with words rare in the window. The second round finds
    /// anchors at the same density whatever the text's length, and is not misled by a word's (or a
    /// passage's) occurrences far away.
    /// (`parameters`: the frequency limit on voting words, the similarity and margin an anchor needs.)
    /// `workers` (at most) share the sentences; the anchors do not depend on how many.
    static func anchors(zh: [ChineseFeatures], en: [EnglishFeatures], vocabularySize: Int,
                        parameters: AlignerParameters = AlignerParameters(), workers: Int = Workers.cores) -> [(zh: Int, en: Int)] {
        let n = zh.count, m = en.count
        guard n > 0, m > 0 else { return [] }
        // English sentences by the ids they contain, in order.
        var postings: [Int32: [Int]] = [:]
        for (c, f) in en.enumerated() { for id in f.ids { postings[id, default: []].append(c) } }
        let voter = Voter(zh: zh, en: en, postings: postings, vocabularySize: vocabularySize, parameters: parameters)
        let window = max(200, m / 8)
        let first = heaviestIncreasingChain(voter.anchors(rows: n, workers: workers, diagonalReach: window) { r in
            let center = r * m / n
            return max(0, center - window)...min(m - 1, center + window)
        })
        let band = Self.band(anchors: first, n: n, m: m, width: parameters.anchorWidth)
        return heaviestIncreasingChain(voter.anchors(rows: n, workers: workers, diagonalReach: nil) { r in
            let lo = max(0, band.lo[r] - parameters.anchorWidth), hi = min(m - 1, band.hi[r + 1] + parameters.anchorWidth)
            return lo...max(lo, hi)
        })
    }

    /// Sentences per worker of the anchor search: fewer would cost more in threads than they save.
    static let rowsPerWorker = 2000

    /// Votes for the English partner of one Chinese sentence at a time.
    private struct Voter {
        let zh: [ChineseFeatures]
        let en: [EnglishFeatures]
        let postings: [Int32: [Int]]
        let parameters: AlignerParameters
        var scratch: RowScratch
        /// Votes per English sentence, and the sentences voted for (reset after each Chinese sentence).
        var votes: [Double]
        var voted: [Int] = []
        var seen: Set<Int32> = []

        init(zh: [ChineseFeatures], en: [EnglishFeatures], postings: [Int32: [Int]], vocabularySize: Int, parameters: AlignerParameters) {
            self.zh = zh
            self.en = en
            self.postings = postings
            self.parameters = parameters
            scratch = RowScratch(vocabularySize: vocabularySize)
            votes = [Double](repeating: 0, count: en.count)
        }

        /// The candidates of every Chinese sentence r < `rows`, among English sentences `window(r)`,
        /// in order; the rows are dealt out to `workers` in consecutive shares.
        func anchors(rows: Int, workers: Int, diagonalReach: Int?,
                     window: @escaping @Sendable (Int) -> ClosedRange<Int>) -> [(zh: Int, en: Int, weight: Double)] {
            let count = max(1, min(workers, Workers.count(for: rows, perWorker: AnchorFinder.rowsPerWorker)))
            let shares = (0..<count).map { (range: Workers.share($0, of: rows, among: count), voter: self) }
            return Workers.run(shares) { _, share in
                var voter = share.voter
                return share.range.flatMap { voter.anchors($0, window: window($0), diagonalReach: diagonalReach) }
            }.flatMap { $0 }
        }

        /// The anchor candidates for Chinese sentence r among English sentences `window`: English
        /// words in few sentences (of the whole text in the first round, where `diagonalReach` is
        /// the window's half-width around the diagonal; else of the window) vote for the sentences
        /// they are in, and the real similarity of the most voted decides. The best is a candidate
        /// when it beats the runner-up by a margin; in the first round, where a passage may recur
        /// far away, the best two are when they are about as good (the chain of anchors chooses
        /// between them), and none when more are.
        mutating func anchors(_ r: Int, window: ClosedRange<Int>, diagonalReach: Int?) -> [(zh: Int, en: Int, weight: Double)] {
            guard zh[r].total > 0 else { return [] }
            let global = diagonalReach != nil
            for c in voted { votes[c] = 0 }
            voted.removeAll(keepingCapacity: true)
            seen.removeAll(keepingCapacity: true)
            for candidate in zh[r].candidates {
                for id in candidate.targets where seen.insert(id).inserted {
                    guard let list = postings[id] else { continue }
                    let inWindow = list.positions(ofValuesIn: window)
                    let count = global ? list.count : inWindow.count
                    guard count <= parameters.anchorMaxFrequency, !inWindow.isEmpty else { continue }
                    let vote = 1 / Double(count)
                    for c in list[inWindow] {
                        if votes[c] == 0 { voted.append(c) }
                        votes[c] += vote
                    }
                }
            }
            scratch.load(zh[r], row: r)
            // The four most voted (ties to the earlier sentence), without sorting them all.
            var top: [Int] = []
            for c in voted {
                let k = top.firstIndex { votes[c] > votes[$0] || (votes[c] == votes[$0] && c < $0) } ?? top.count
                if k < 4 {
                    top.insert(c, at: k)
                    if top.count > 4 { top.removeLast() }
                }
            }
            var ranked: [(en: Int, sim: Double)] = []
            for c in top {
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                ranked.append((c, ConfidenceModel.pairSimilarity(z, e, zh[r], en[c])))
            }
            ranked.sort { $0.sim != $1.sim ? $0.sim > $1.sim : $0.en < $1.en }
            guard let best = ranked.first, best.sim >= parameters.anchorMinSimilarity else { return [] }
            let close = ranked.filter { best.sim - $0.sim < parameters.anchorMinMargin }
            guard close.count == 1 || (global && close.count == 2) else { return [] }
            guard let reach = diagonalReach else { return close.map { (r, $0.en, $0.sim) } }
            // In the first round a candidate far from the diagonal weighs less in the chain: of two
            // equally similar ones (a recurring passage) the nearer is the likelier.
            let diagonal = r * en.count / zh.count
            return close.map { c in
                let distance = min(1, Double(abs(c.en - diagonal)) / Double(max(1, reach)))
                return (r, c.en, c.sim * (1 - parameters.anchorDiagonalWeight * distance))
            }
        }

    }

    /// The subsequence of `pairs` (sorted by zh) strictly increasing in both coordinates with the
    /// greatest total weight: O(k log k) with a Fenwick tree of running maxima over English positions.
    static func heaviestIncreasingChain(_ pairs: [(zh: Int, en: Int, weight: Double)]) -> [(zh: Int, en: Int)] {
        guard !pairs.isEmpty else { return [] }
        let size = (pairs.map(\.en).max() ?? 0) + 2
        var tree = [(weight: Double, index: Int)](repeating: (0, -1), count: size + 1)
        var total = [Double](repeating: 0, count: pairs.count)
        var previous = [Int](repeating: -1, count: pairs.count)
        var k = 0
        while k < pairs.count {
            // pairs with the same zh index must not chain to each other: query all, then update all
            var group = k
            while group < pairs.count && pairs[group].zh == pairs[k].zh { group += 1 }
            for p in k..<group {
                var x = pairs[p].en  // best chain ending at an English position < en
                var bestWeight = 0.0, bestIndex = -1
                while x > 0 {
                    if tree[x].weight > bestWeight { bestWeight = tree[x].weight; bestIndex = tree[x].index }
                    x -= x & -x
                }
                total[p] = bestWeight + pairs[p].weight
                previous[p] = bestIndex
            }
            for p in k..<group {
                var x = pairs[p].en + 1
                while x <= size {
                    if total[p] > tree[x].weight { tree[x] = (total[p], p) }
                    x += x & -x
                }
            }
            k = group
        }
        var end = total.indices.max { total[$0] < total[$1] }!
        var chain: [(zh: Int, en: Int)] = []
        while end >= 0 {
            chain.append((pairs[end].zh, pairs[end].en))
            end = previous[end]
        }
        return chain.reversed()
    }

    /// A band through the anchors (linear between them), wider where anchors are far apart.
    static func band(anchors: [(zh: Int, en: Int)], n: Int, m: Int, width: Int) -> SearchBand {
        let points = [(zh: 0, en: 0)] + anchors.map { (zh: $0.zh + 1, en: $0.en + 1) } + [(zh: n, en: m)]
        var center = [Double](repeating: 0, count: n + 1)
        var halfWidth = [Int](repeating: width, count: n + 1)
        for k in 1..<points.count {
            let (a, b) = (points[k - 1], points[k])
            guard b.zh >= a.zh else { continue }
            let gap = max(b.zh - a.zh, abs(b.en - a.en))
            for i in a.zh...b.zh {
                let t = b.zh == a.zh ? 0 : Double(i - a.zh) / Double(b.zh - a.zh)
                center[i] = Double(a.en) + t * Double(b.en - a.en)
                halfWidth[i] = max(halfWidth[i], min(400, width + gap / 3))
            }
        }
        return SearchBand(n: n, m: m, center: { center[$0] }, width: { halfWidth[$0] })
    }
}
