/// Learns word translations from the texts being aligned: Dice co-occurrence of Chinese words
/// (ICU segments) and English match forms over the beads of a first alignment pass.
struct LexiconLearner {
    /// A pair must co-occur in at least this many beads.
    static let minimumCount = 2
    /// …and reach this Dice coefficient.
    static let minimumDice = 0.3
    /// Beads learned from must reach this mean per-sentence evidence.
    static let minimumSupport = 0.2
    /// Translations kept per Chinese word.
    static let perWord = 3

    /// Whether a word seen in `a` beads and an id seen in `b` could reach `minimumDice` at all: at
    /// best they co-occur in all beads of the rarer one. Pairs that cannot (a rare word and a very
    /// common id) are not counted, which changes nothing learned and saves most of the counting.
    static func mayReachDice(_ a: Int, _ b: Int) -> Bool {
        2 * Double(min(a, b)) / Double(a + b) >= minimumDice
    }

    /// Learned pairs (Chinese word, English id) from `beads`, best first per word.
    static func learn(zh: [ChineseAnalysis], en: [EnglishFeatures], beads: [(zh: Range<Int>, en: Range<Int>)])
        -> [(word: [Unicode.Scalar], english: Int32, dice: Double)] {
        // Each bead's distinct Chinese words and English ids.
        var zhCount = KeyTable(capacity: 1 << 14)
        var enCount: [Int32: Int] = [:]
        // Bead b's words are beadWords[wordEnds[b − 1] ..< wordEnds[b]] (and its ids alike): two flat
        // arrays for the whole text, not two small ones per bead left scattered over the heap.
        var beadWords: [UInt64] = [], wordEnds: [Int] = []
        var beadIDs: [Int32] = [], idEnds: [Int] = []
        var spelling: [UInt64: [Unicode.Scalar]] = [:]
        var words: Set<UInt64> = [], ids: Set<Int32> = []
        for bead in beads {
            words.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            for r in bead.zh {
                for word in zh[r].words {
                    var key = HanKey()
                    for c in word { key.append(c.scalar) }
                    if words.insert(key.value).inserted && spelling[key.value] == nil { spelling[key.value] = word.map(\.scalar) }
                }
            }
            for c in bead.en { ids.formUnion(en[c].ids) }
            for w in words { zhCount[w] = (zhCount[w] ?? 0) + 1 }
            for id in ids { enCount[id, default: 0] += 1 }
            beadWords += words
            wordEnds.append(beadWords.count)
            beadIDs += ids
            idEnds.append(beadIDs.count)
        }
        // Joint counts keyed by word key mixed with the English id (a collision merely merges two rare pairs).
        var joint = KeyTable(capacity: 1 << 16)
        var pairs: [(word: UInt64, id: Int32)] = []
        for b in wordEnds.indices {
            let words = beadWords[(b == 0 ? 0 : wordEnds[b - 1])..<wordEnds[b]]
            let ids = beadIDs[(b == 0 ? 0 : idEnds[b - 1])..<idEnds[b]]
            let frequentIDs = ids.compactMap { id in enCount[id].flatMap { $0 >= minimumCount ? (id, $0) : nil } }
            for w in words {
                let wordCount = Int(zhCount[w]!)
                guard wordCount >= minimumCount else { continue }
                for (id, idCount) in frequentIDs where mayReachDice(wordCount, idCount) {
                    let key = w ^ (UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15)
                    let c = joint[key] ?? 0
                    if c == 0 { pairs.append((w, id)) }
                    joint[key] = c + 1
                }
            }
        }
        var byWord: [UInt64: [(Int32, Double)]] = [:]
        for (w, id) in pairs {
            let count = Int(joint[w ^ (UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15)]!)
            guard count >= minimumCount else { continue }
            let dice = 2 * Double(count) / Double(Int(zhCount[w]!) + enCount[id]!)
            if dice >= minimumDice { byWord[w, default: []].append((id, dice)) }
        }
        var result: [(word: [Unicode.Scalar], english: Int32, dice: Double)] = []
        for (word, list) in byWord {
            for (id, dice) in list.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }).prefix(perWord) {
                result.append((spelling[word]!, id, dice))
            }
        }
        // Hash order differs between runs: sort so that the same texts always learn the same way.
        return result.sorted { a, b in
            a.dice != b.dice ? a.dice > b.dice
                : (a.english != b.english ? a.english < b.english : a.word.lexicographicallyPrecedes(b.word) { $0.value < $1.value })
        }
    }
}
