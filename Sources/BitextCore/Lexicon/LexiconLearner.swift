/// Learns word translations from the texts being aligned: Dice co-occurrence of Chinese words
/// (ICU segments) and English match forms over the beads of a first alignment pass.
struct LexiconLearner {
    /// A pair must co-occur in at least this many beads.
    static let minimumCount = 2
    /// …and reach this Dice coefficient.
    static let minimumDice = 0.3
    /// Translations kept per Chinese word.
    static let perWord = 3

    /// Learned pairs (Chinese word, English id) from `beads`, best first per word.
    static func learn(zh: [ChineseFeatures], en: [EnglishFeatures], beads: [(zh: Range<Int>, en: Range<Int>)])
        -> [(word: [Unicode.Scalar], english: Int32, dice: Double)] {
        // Each bead's distinct Chinese words and English ids.
        var zhCount: [HanKey: Int] = [:]
        var enCount: [Int32: Int] = [:]
        var beadWords: [[HanKey]] = []
        var beadIDs: [[Int32]] = []
        var spelling: [HanKey: [Unicode.Scalar]] = [:]
        for bead in beads {
            var words: Set<HanKey> = []
            for r in bead.zh {
                for w in zh[r].words {
                    let key = HanKey(String(String.UnicodeScalarView(w)))
                    if words.insert(key).inserted, spelling[key] == nil { spelling[key] = w }
                }
            }
            let ids = Set(bead.en.flatMap { en[$0].ids })
            for w in words { zhCount[w, default: 0] += 1 }
            for id in ids { enCount[id, default: 0] += 1 }
            beadWords.append(Array(words))
            beadIDs.append(Array(ids))
        }
        struct Pair: Hashable { let word: HanKey; let id: Int32 }
        var joint: [Pair: Int] = [:]
        for (words, ids) in zip(beadWords, beadIDs) {
            let frequentIDs = ids.filter { enCount[$0]! >= minimumCount }
            for w in words where zhCount[w]! >= minimumCount {
                for id in frequentIDs { joint[Pair(word: w, id: id), default: 0] += 1 }
            }
        }
        var byWord: [HanKey: [(Int32, Double)]] = [:]
        for (pair, count) in joint where count >= minimumCount {
            let dice = 2 * Double(count) / Double(zhCount[pair.word]! + enCount[pair.id]!)
            if dice >= minimumDice { byWord[pair.word, default: []].append((pair.id, dice)) }
        }
        var result: [(word: [Unicode.Scalar], english: Int32, dice: Double)] = []
        for (word, list) in byWord {
            for (id, dice) in list.sorted(by: { $0.1 > $1.1 }).prefix(perWord) {
                result.append((spelling[word]!, id, dice))
            }
        }
        return result
    }
}
