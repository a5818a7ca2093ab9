import ICUKit

/// One worker's reader of sentences for `FeatureExtractor`: its own ICU word iterators and pinyin
/// caches, ids from the worker's `VocabularyShard`. Not safe for concurrent use.
final class SentenceReader {
    private let zhWords: WordSegmenter
    private let enWords: WordSegmenter
    private let pinyin: Pinyin

    init(dictionary: BilingualDictionary) throws(ICUError) {
        zhWords = try WordSegmenter(language: .zh)
        enWords = try WordSegmenter(language: .en)
        pinyin = try Pinyin(dictionary: dictionary)
    }

    /// What a worker carries from sentence to sentence of its share of a text.
    struct Share: Sendable {
        /// Ids of the words met, provisional for words the shared vocabulary lacked.
        var ids: VocabularyShard
        /// English words written capitalised mid-sentence (names pinyin may spell).
        var names: Set<String> = []
        /// Match-form id (−1: a stop word) of every English word form met.
        var wordIDs: [String: Int32] = [:]
        /// The first ICU failure (its sentence and those after it read as empty).
        var error: ICUError?
    }

    // MARK: English

    /// The features (unweighted) of one English sentence of `share`'s text.
    func english(_ text: String, share: inout Share) -> EnglishFeatures {
        do throws(ICUError) {
            guard share.error == nil else { return EnglishFeatures() }
            return try english(text, ids: &share.ids, names: &share.names, wordIDs: &share.wordIDs)
        } catch {
            share.error = error
            return EnglishFeatures()
        }
    }

    private func english(_ text: String, ids: inout VocabularyShard, names: inout Set<String>,
                         wordIDs: inout [String: Int32]) throws(ICUError) -> EnglishFeatures {
        var f = EnglishFeatures()
        f.quotes = QuoteEdges(text)
        f.length = FeatureExtractor.visibleLength(text)
        let tokens = try enWords.tokens(in: text)
        var numberRun: [Int] = []
        func add(_ id: Int32) {
            if f.ids.count < FeatureExtractor.maxUnits && !f.ids.contains(id) { f.ids.append(id) }
        }
        func flushNumber() {
            if let value = FeatureExtractor.numberValue(numberRun) { add(ids.id("#\(value)")) }
            numberRun = []
        }
        for (k, t) in tokens.enumerated() {
            switch t.kind {
            case .word:
                let lower = t.text.lowercased()
                if let v = EnglishWords.numberWords[lower] { numberRun.append(v); continue }
                if lower == "and" && !numberRun.isEmpty { continue }
                flushNumber()
                if k > 0, t.text.first?.isUppercase ?? false, tokens[k - 1].text != "\"" && tokens[k - 1].text != "“" {
                    names.insert(lower)
                }
                let id = wordIDs[lower] ?? {
                    let id = EnglishWords.stopWords.contains(lower) ? -1 : ids.id(EnglishWords.stem(lower))
                    wordIDs[lower] = id
                    return id
                }()
                if id >= 0 { add(id) }
            case .number:
                flushNumber()
                let digits = t.text.filter { $0 != "," }
                if let v = Int(digits) { add(ids.id("#\(v)")) } else { add(ids.id(digits)) }
            case .punctuation:
                flushNumber()
                if let cue = FeatureExtractor.cue(t.text) { add(ids.id(cue)) }
            case .ideograph:
                flushNumber()
                add(ids.id(t.text))
            }
        }
        flushNumber()
        return f
    }

    // MARK: Chinese

    /// The segmentation of one Chinese sentence of `share`'s text: ICU words, units, the candidates
    /// that do not depend on the translation table (Latin words, numbers, cues, names spelled by
    /// pinyin in `names`).
    func analyse(_ text: String, share: inout Share, names: EnglishNames) -> ChineseAnalysis {
        do throws(ICUError) {
            guard share.error == nil else { return ChineseAnalysis() }
            return try analyse(text, ids: &share.ids, names: names)
        } catch {
            share.error = error
            return ChineseAnalysis()
        }
    }

    private func analyse(_ text: String, ids: inout VocabularyShard, names: EnglishNames) throws(ICUError) -> ChineseAnalysis {
        var a = ChineseAnalysis()
        a.base.quotes = QuoteEdges(text)
        a.base.length = FeatureExtractor.visibleLength(text)
        let tokens = try zhWords.tokens(in: text)
        var runStarts: [Int] = []
        var cues: Set<String> = []
        func newUnit(_ key: UInt32) -> Int {
            guard a.unitKeys.count < FeatureExtractor.maxUnits else { return -1 }
            a.unitKeys.append(key)
            return a.unitKeys.count - 1
        }
        var previousWasHan = false
        for t in tokens {
            switch t.kind {
            case .ideograph:
                if !previousWasHan { runStarts.append(a.chars.count) }
                var scalars: [Unicode.Scalar] = []
                var numeral: [Unicode.Scalar] = []
                var numeralUnits: [Int] = []
                func flushNumeral() {
                    if let v = ChineseCharacters.value(numeral) {
                        a.base.addCandidate(units: numeralUnits, targets: [ids.id("#\(v)")])
                    }
                    numeral = []
                    numeralUnits = []
                }
                for s in t.text.unicodeScalars {
                    let unit = ChineseCharacters.isFunction(s) ? -1 : newUnit(s.value)
                    a.chars.append(HanCharacter(scalar: s, unit: Int8(unit)))
                    scalars.append(s)
                    if ChineseCharacters.isNumeral(s) { numeral.append(s); numeralUnits.append(unit) } else { flushNumeral() }
                }
                flushNumeral()
                if scalars.count <= Int(UInt8.max) && !scalars.allSatisfy(ChineseCharacters.isFunction) {
                    a.chars[a.chars.count - scalars.count].wordLength = UInt8(scalars.count)
                }
                previousWasHan = true
            case .word, .number:
                previousWasHan = false
                let key: String
                if t.kind == .number {
                    let digits = t.text.filter { $0 != "," }
                    key = Int(digits).map { "#\($0)" } ?? digits
                } else {
                    key = EnglishWords.stem(t.text)
                }
                let id = ids.id(key)
                a.base.addCandidate(units: [newUnit(ChineseAnalysis.idKeyBase + UInt32(id))], targets: [id])
            case .punctuation:
                previousWasHan = false
                if let cue = FeatureExtractor.cue(t.text), !cues.contains(cue) {
                    cues.insert(cue)
                    let id = ids.id(cue)
                    a.base.addCandidate(units: [newUnit(ChineseAnalysis.idKeyBase + UInt32(id))], targets: [id])
                }
            }
        }
        for (k, start) in runStarts.enumerated() {
            let end = k + 1 < runStarts.count ? runStarts[k + 1] : a.chars.count
            for i in start..<end { a.chars[i].runLeft = UInt8(min(end - i, Int(UInt8.max))) }
        }
        // Pinyin of one to three characters against capitalised English words (陈清扬 ↔ Chen Qingyang).
        if !names.isEmpty {
            for start in a.chars.indices where a.chars[start].unit >= 0 {
                var spelled: [UInt8] = []
                for k in start..<a.runEnd(start, within: 3) {
                    spelled += pinyin.syllableBytes(a.chars[k].scalar)
                    if let name = names.name(spelledBy: spelled) {
                        a.base.addCandidate(units: a.units(start...k), targets: [ids.id(EnglishWords.stem(name))])
                    }
                }
            }
        }
        return a
    }
}

/// What does not change when the lexicon grows: ICU words, units, fixed candidates.
struct ChineseAnalysis {
    var base = ChineseFeatures()
    /// The sentence's Han characters, in order (one array per sentence: it is kept for every
    /// sentence of a book between the two passes).
    var chars: [HanCharacter] = []

    /// The end of the run of adjacent Han characters holding character `i`, or `i + limit` if sooner.
    func runEnd(_ i: Int, within limit: Int) -> Int { i + min(Int(chars[i].runLeft), limit) }

    /// Unit keys (a Han character's scalar value, or an id offset past the Unicode range), for
    /// weighting the units (kept here, not in the features: they are not needed after that).
    var unitKeys: [UInt32] = []
    /// Where the keys of id units start: past the Unicode range.
    static let idKeyBase: UInt32 = 0x110000

    /// Replaces every id (candidates' targets, id units' keys) by `final(id)`.
    mutating func finalizeIDs(_ final: (Int32) -> Int32) {
        base.finalizeIDs(final)
        for u in unitKeys.indices where unitKeys[u] >= Self.idKeyBase {
            unitKeys[u] = Self.idKeyBase + UInt32(final(Int32(unitKeys[u] - Self.idKeyBase)))
        }
    }

    /// The content words (ICU words not made only of function characters), for learning a lexicon.
    var words: some Sequence<ArraySlice<HanCharacter>> {
        chars.indices.lazy.filter { chars[$0].wordLength > 0 }.map { chars[$0..<($0 + Int(chars[$0].wordLength))] }
    }

    /// The units of the characters in `range`.
    func units<R: RangeExpression<Int>>(_ range: R) -> LazyMapSequence<ArraySlice<HanCharacter>, Int8> {
        chars[range].lazy.map(\.unit)
    }
}

/// A Han character of a sentence: its scalar, its unit (below `FeatureExtractor.maxUnits`; −1 for
/// a function character), how many characters of its run of adjacent Han characters start at it
/// (at most 255: n-grams are far shorter) and the length of the content word starting at it (0:
/// none; an ICU word of over 255 characters is no content word).
struct HanCharacter {
    var scalar: Unicode.Scalar
    var unit: Int8
    var runLeft: UInt8 = 1
    var wordLength: UInt8 = 0
}

/// A known n-gram (dictionary headword or learned word) inside a run of Han characters of a
/// sentence: its characters `start..<end` and its key.
struct NGramMatch {
    var start: Int32
    var end: Int32
    var key: HanKey

    /// The known n-grams of `a`'s Han runs, by start then length (at most the longest headword).
    static func find(in a: ChineseAnalysis, table: TranslationTable.KnownNGrams) -> [NGramMatch] {
        var found: [NGramMatch] = []
        for start in a.chars.indices {
            var key = HanKey()
            for k in start..<a.runEnd(start, within: BilingualDictionary.maxHeadwordLength) {
                key.append(a.chars[k].scalar)
                if table.knows(key) { found.append(NGramMatch(start: Int32(start), end: Int32(k + 1), key: key)) }
                if !table.isPrefix(key) { break }
            }
        }
        return found
    }
}

/// The lower-case English words written capitalised mid-sentence (names pinyin may spell), with
/// a hash table of them to test a spelling without making a string.
struct EnglishNames {
    private var names: Set<String> = []
    private var hashes = KeyTable()

    var isEmpty: Bool { names.isEmpty }

    mutating func add(_ more: Set<String>) {
        for name in more where names.insert(name).inserted { hashes[FNV.hash(name.utf8)] = 1 }
    }

    /// The name `spelled` (lower-case UTF-8) spells, if it is one.
    func name(spelledBy spelled: [UInt8]) -> String? {
        guard hashes[FNV.hash(spelled)] != nil else { return nil }
        let name = String(decoding: spelled, as: UTF8.self)
        return names.contains(name) ? name : nil
    }
}
