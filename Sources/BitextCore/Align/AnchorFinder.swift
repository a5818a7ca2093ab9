/// Finds confident anchor pairs in long texts without comparing every sentence with every other:
/// English words in few sentences vote for the partners of each Chinese sentence (through its
/// translations, within a wide window around the diagonal), the best-voted pairs are checked with
/// the real pair similarity, and the heaviest chain of pairs increasing on both sides is kept. The search band then follows the anchors.
struct AnchorFinder {
    /// Anchor pairs (Chinese sentence, English sentence), increasing on both sides.
    /// (`parameters`: the frequency limit on voting words, the similarity and margin an anchor needs.)
    static func anchors(zh: [ChineseFeatures], en: [EnglishFeatures], vocabularySize: Int,
                        parameters: AlignerParameters = AlignerParameters()) -> [(zh: Int, en: Int)] {
        let n = zh.count, m = en.count
        guard n > 0, m > 0 else { return [] }
        // English sentences by the ids they contain, for ids that are not too common.
        var postings: [Int32: [Int]] = [:]
        for (c, f) in en.enumerated() { for id in f.ids { postings[id, default: []].append(c) } }
        postings = postings.filter { $0.value.count <= parameters.anchorMaxFrequency }
        let window = max(200, m / 8)
        var scratch = RowScratch(vocabularySize: vocabularySize)
        var candidates: [(zh: Int, en: Int, weight: Double)] = []
        var votes: [Int: Double] = [:]
        for r in 0..<n where zh[r].total > 0 {
            votes.removeAll(keepingCapacity: true)
            let center = r * m / n
            var seen: Set<Int32> = []
            for candidate in zh[r].candidates {
                for id in candidate.targets where seen.insert(id).inserted {
                    guard let list = postings[id] else { continue }
                    let vote = 1 / Double(list.count)
                    for c in list where abs(c - center) <= window { votes[c, default: 0] += vote }
                }
            }
            // The real similarity of the few most voted pairs decides, with a margin over the runner-up.
            scratch.load(zh[r], row: r)
            var best = (en: -1, sim: 0.0), second = 0.0
            for (c, _) in votes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(4) {
                let (z, e) = scratch.coveredWeights(zh[r], en[c])
                let sim = ConfidenceModel.pairSimilarity(z, e, zh[r], en[c])
                if sim > best.sim { second = best.sim; best = (c, sim) } else { second = max(second, sim) }
            }
            if best.en >= 0 && best.sim >= parameters.anchorMinSimilarity && best.sim - second >= parameters.anchorMinMargin {
                candidates.append((r, best.en, best.sim))
            }
        }
        return heaviestIncreasingChain(candidates)
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
