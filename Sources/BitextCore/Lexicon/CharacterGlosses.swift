/// What single Chinese characters mean inside words, learned from the dictionary itself: an
/// English word belongs to a character when most of the entries glossed with that word contain the
/// character (cardiac → 心, hepatic → 肝, fetal → 胎, pregnant → 孕). This lets compounds the
/// dictionary lacks (心源性死亡 ↔ cardiac death) be explained from their characters.
struct CharacterGlosses {
    /// A word must gloss at least this many entries…
    static let minimumEntries = 3
    /// …and this share of them must contain the character.
    static let minimumShare = 0.5

    /// Characters → English match forms.
    private(set) var words: [Unicode.Scalar: Set<String>] = [:]

    /// The meanings in `lines` as `encoded` writes them ("character<TAB>word word…" per line).
    init(encoded lines: [UInt8]) {
        for line in lines.split(separator: 0x0A) {
            let fields = String(decoding: line, as: UTF8.self).split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let c = fields[0].unicodeScalars.first, fields[0].unicodeScalars.count == 1 else { continue }
            words[c] = Set(fields[1].split(separator: " ").map(String.init))
        }
    }

    /// The meanings as UTF-8 lines, one per character, in code point order.
    var encoded: [UInt8] {
        Array(words.keys.sorted { $0.value < $1.value }.map { "\(Character($0))\t\(words[$0]!.sorted().joined(separator: " "))\n" }.joined().utf8)
    }

    /// Counts, over the dictionary's entries, which characters the entries glossed with each word
    /// contain. Words are hashed while the gloss bytes are scanned, so no string is built per word.
    init(dictionary: BilingualDictionary) {
        let stopHashes = Set(EnglishWords.stopWords.map { FNV.hash($0.utf8) })
        var entriesWithWord = KeyTable(capacity: 1 << 16)
        var together = KeyTable(capacity: 1 << 19)  // (word, character) → entries with both
        var pairs: [(word: UInt64, character: Unicode.Scalar)] = []
        var spelling: [UInt64: String] = [:]
        for (headword, entry) in dictionary.headwords {
            let characters = Set(headword.unicodeScalars.filter { Script($0) == .han })
            guard !characters.isEmpty, characters.count <= 4 else { continue }
            var seen = Set<UInt64>()
            dictionary.forEachGlossWord(entry: entry, skippingParenthesised: true) { hash, word in
                guard !stopHashes.contains(hash), seen.insert(hash).inserted else { return }
                let count = entriesWithWord[hash] ?? 0
                entriesWithWord[hash] = count + 1
                if count == 0 { spelling[hash] = String(decoding: word, as: UTF8.self) }
                for c in characters {
                    let key = hash ^ (UInt64(c.value) &* 0x9E37_79B9_7F4A_7C15)
                    let k = together[key] ?? 0
                    if k == 0 { pairs.append((hash, c)) }
                    together[key] = k + 1
                }
            }
        }
        for (hash, c) in pairs {
            let n = Int(entriesWithWord[hash]!)
            let k = Int(together[hash ^ (UInt64(c.value) &* 0x9E37_79B9_7F4A_7C15)]!)
            guard n >= Self.minimumEntries, Double(k) >= Self.minimumShare * Double(n) else { continue }
            words[c, default: []].insert(EnglishWords.stem(spelling[hash]!))
        }
    }
}

import ICUKit
