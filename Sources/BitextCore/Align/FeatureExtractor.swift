import Foundation
import ICUKit

/// Turns sentences into `EnglishFeatures` and `ChineseFeatures` with ICU word segmentation,
/// the translation table, numbers, pinyin of names and punctuation cues. Not safe for concurrent use.
final class FeatureExtractor {
    static let maxUnits = 128
    let table: TranslationTable
    private let zhWords: WordSegmenter
    private let enWords: WordSegmenter
    private let pinyin: Pinyin
    /// Lower-case forms of capitalised English words seen mid-sentence: the names pinyin may match.
    private(set) var englishNames: Set<String> = []
    /// FNV-1a hashes of `englishNames`, to test pinyin spellings without building strings.
    private var englishNameHashes = KeyTable()
    /// Match-form id (or −1 for a stop word) of every English word form seen so far.
    private var wordIDs: [String: Int32] = [:]

    init(table: TranslationTable) throws(ICUError) {
        self.table = table
        zhWords = try WordSegmenter(language: .zh)
        enWords = try WordSegmenter(language: .en)
        pinyin = try Pinyin(dictionary: table.dictionary)
    }

    private var vocabulary: Vocabulary { table.vocabulary }

    // MARK: English

    func english(_ sentences: [Sentence]) throws(ICUError) -> [EnglishFeatures] {
        var result: [EnglishFeatures] = []
        result.reserveCapacity(sentences.count)
        for s in sentences { result.append(try english(s.text)) }
        Self.weigh(&result, ids: \.ids, weights: \.weights, total: \.total)
        return result
    }

    private func english(_ text: String) throws(ICUError) -> EnglishFeatures {
        var f = EnglishFeatures()
        f.quotes = QuoteEdges(text)
        f.length = Self.visibleLength(text)
        let tokens = try enWords.tokens(in: text)
        var numberRun: [Int] = []
        func add(_ id: Int32) {
            if f.ids.count < FeatureExtractor.maxUnits && !f.ids.contains(id) { f.ids.append(id) }
        }
        func flushNumber() {
            if let value = Self.numberValue(numberRun) { add(vocabulary.id("#\(value)")) }
            numberRun = []
        }
        for (k, t) in tokens.enumerated() {
            switch t.kind {
            case .word:
                let lower = t.text.lowercased()
                if let v = EnglishWords.numberWords[lower] { numberRun.append(v); continue }
                if lower == "and" && !numberRun.isEmpty { continue }
                flushNumber()
                if k > 0, t.text.first?.isUppercase ?? false, tokens[k - 1].text != "\"" && tokens[k - 1].text != "“",
                   englishNames.insert(lower).inserted {
                    englishNameHashes[FNV.hash(lower.utf8)] = 1
                }
                let id = wordIDs[lower] ?? {
                    let id = EnglishWords.stopWords.contains(lower) ? -1 : vocabulary.id(EnglishWords.stem(lower))
                    wordIDs[lower] = id
                    return id
                }()
                if id >= 0 { add(id) }
            case .number:
                flushNumber()
                let digits = t.text.filter { $0 != "," }
                if let v = Int(digits) { add(vocabulary.id("#\(v)")) } else { add(vocabulary.id(digits)) }
            case .punctuation:
                flushNumber()
                if let cue = Self.cue(t.text) { add(vocabulary.id(cue)) }
            case .ideograph:
                flushNumber()
                add(vocabulary.id(t.text))
            }
        }
        flushNumber()
        return f
    }

    /// The value of a run of English number words ("nine hundred sixty nine" → 969); nil for a lone "one".
    static func numberValue(_ run: [Int]) -> Int? {
        if run.isEmpty || run == [1] { return nil }
        var total = 0, current = 0
        for v in run {
            if v == 100 { current = max(current, 1) * 100 } else if v >= 1000 {
                total += max(current, 1) * v
                current = 0
            } else {
                current += v
            }
        }
        return total + current
    }

    /// The punctuation cue a mark gives: questions, exclamations and quoted speech.
    static func cue(_ mark: String) -> String? {
        switch mark {
        case "?", "？": "?"
        case "!", "！": "!"
        case "\"", "“", "”", "「", "」", "‘", "’", "『", "』": "\""
        default: nil
        }
    }

    // MARK: Chinese

    /// What does not change when the lexicon grows: ICU words, units, fixed candidates.
    private struct ChineseAnalysis {
        var base = ChineseFeatures()
        var han: [Unicode.Scalar] = []
        /// Each Han character's unit (below `maxUnits`), −1 for a function character.
        var hanUnit: [Int8] = []
        /// For each Han character, the end of the run of adjacent Han characters it is in.
        var runEnd: [Int32] = []
    }

    private var analyses: [ChineseAnalysis] = []

    /// Features of the Chinese sentences; a second call (after the table learned more) reuses the
    /// first call's segmentation and redoes only the n-gram lookup, unless the first was told it is
    /// the last (`keepingAnalyses` false: the segmentation's memory is freed).
    func chinese(_ sentences: [Sentence], keepingAnalyses: Bool = true) throws(ICUError) -> [ChineseFeatures] {
        if analyses.count != sentences.count {
            analyses = []
            analyses.reserveCapacity(sentences.count)
            for s in sentences { analyses.append(try analyse(s.text)) }
        }
        var result = analyses.map { a -> ChineseFeatures in
            var f = a.base
            addDictionaryCandidates(a, to: &f)
            return f
        }
        Self.weigh(&result, ids: \.unitKeys, weights: \.weights, total: \.total)
        if !keepingAnalyses { analyses = [] }
        return result
    }

    private func analyse(_ text: String) throws(ICUError) -> ChineseAnalysis {
        var a = ChineseAnalysis()
        a.base.quotes = QuoteEdges(text)
        a.base.length = Self.visibleLength(text)
        let tokens = try zhWords.tokens(in: text)
        var runStarts: [Int] = []
        var cues: Set<String> = []
        func newUnit(_ key: UInt32) -> Int {
            guard a.base.unitKeys.count < FeatureExtractor.maxUnits else { return -1 }
            a.base.unitKeys.append(key)
            return a.base.unitKeys.count - 1
        }
        let idKeyBase: UInt32 = 0x110000
        var previousWasHan = false
        for t in tokens {
            switch t.kind {
            case .ideograph:
                if !previousWasHan { runStarts.append(a.han.count) }
                var scalars: [Unicode.Scalar] = []
                var numeral: [Unicode.Scalar] = []
                var numeralUnits: [Int] = []
                func flushNumeral() {
                    if let v = ChineseCharacters.value(numeral) {
                        a.base.addCandidate(units: numeralUnits, targets: [vocabulary.id("#\(v)")])
                    }
                    numeral = []
                    numeralUnits = []
                }
                for s in t.text.unicodeScalars {
                    let unit = ChineseCharacters.isFunction(s) ? -1 : newUnit(s.value)
                    a.han.append(s)
                    a.hanUnit.append(Int8(unit))
                    scalars.append(s)
                    if ChineseCharacters.isNumeral(s) { numeral.append(s); numeralUnits.append(unit) } else { flushNumeral() }
                }
                flushNumeral()
                if !scalars.allSatisfy(ChineseCharacters.isFunction) { a.base.addWord(scalars) }
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
                let id = vocabulary.id(key)
                a.base.addCandidate(units: [newUnit(idKeyBase + UInt32(id))], targets: [id])
            case .punctuation:
                previousWasHan = false
                if let cue = Self.cue(t.text), !cues.contains(cue) {
                    cues.insert(cue)
                    let id = vocabulary.id(cue)
                    a.base.addCandidate(units: [newUnit(idKeyBase + UInt32(id))], targets: [id])
                }
            }
        }
        a.runEnd = [Int32](repeating: Int32(a.han.count), count: a.han.count)
        for (k, start) in runStarts.enumerated() {
            let end = k + 1 < runStarts.count ? runStarts[k + 1] : a.han.count
            for i in start..<end { a.runEnd[i] = Int32(end) }
        }
        // Pinyin of one to three characters against capitalised English words (陈清扬 ↔ Chen Qingyang).
        if !englishNames.isEmpty {
            for start in 0..<a.han.count where a.hanUnit[start] >= 0 {
                var spelled: [UInt8] = []
                for k in start..<min(Int(a.runEnd[start]), start + 3) {
                    spelled += pinyin.syllableBytes(a.han[k])
                    if englishNameHashes[FNV.hash(spelled)] != nil {
                        let name = String(decoding: spelled, as: UTF8.self)
                        if englishNames.contains(name) {
                            a.base.addCandidate(units: a.hanUnit[start...k], targets: [vocabulary.id(EnglishWords.stem(name))])
                        }
                    }
                }
            }
        }
        return a
    }

    /// Adds the dictionary and learned n-grams within each run of Han characters. An n-gram inside
    /// a longer known one (伊斯兰 and 国 inside 伊斯兰国) would add only chance matches and is skipped.
    private func addDictionaryCandidates(_ a: ChineseAnalysis, to f: inout ChineseFeatures) {
        var spans: [(start: Int, end: Int, entry: Int32)] = []
        for start in 0..<a.han.count {
            var key = HanKey()
            for k in start..<min(Int(a.runEnd[start]), start + BilingualDictionary.maxHeadwordLength) {
                key.append(a.han[k])
                if let entry = table.entry(key), !table.targets(entry: entry).isEmpty { spans.append((start, k + 1, entry)) }
                if !table.isPrefix(key) { break }
            }
        }
        var reach = [Int](repeating: 0, count: a.han.count + 1)  // furthest end of a span starting at or before i
        for span in spans { reach[span.start] = max(reach[span.start], span.end) }
        for i in stride(from: 1, to: reach.count, by: 1) { reach[i] = max(reach[i], reach[i - 1]) }
        for span in spans {
            let enclosed = reach[span.start] > span.end || (span.start > 0 && reach[span.start - 1] >= span.end)
            if !enclosed { f.addCandidate(units: a.hanUnit[span.start..<span.end], targets: table.targets(entry: span.entry)) }
        }
    }

    /// Characters other than spaces (ASCII white space and U+3000), counted on the UTF-8 bytes.
    static func visibleLength(_ text: String) -> Int {
        var n = 0
        var previous: (UInt8, UInt8) = (0, 0)
        for b in text.utf8 {
            if b & 0xC0 != 0x80 && b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { n += 1 }
            if previous == (0xE3, 0x80) && b == 0x80 { n -= 1 }  // U+3000 is E3 80 80
            previous = (previous.1, b)
        }
        return n
    }

    // MARK: Weights

    /// Gives every unit the inverse of its sentence frequency in the document: log((N+1)/(df+0.5)), at least 0.1.
    static func weigh<F, K: Hashable>(_ features: inout [F], ids: KeyPath<F, [K]>, weights: WritableKeyPath<F, [Float]>,
                                      total: WritableKeyPath<F, Float>) {
        var df: [K: Int] = [:]
        for f in features { for k in Set(f[keyPath: ids]) { df[k, default: 0] += 1 } }
        let n = Float(features.count)
        for i in features.indices {
            let w = features[i][keyPath: ids].map { max(0.1, log((n + 1) / (Float(df[$0]!) + 0.5))) }
            features[i][keyPath: weights] = w
            features[i][keyPath: total] = w.reduce(0, +)
        }
    }
}

