import Foundation
import ICUKit

/// The translation evidence of one English sentence: its content words as match-form ids.
struct EnglishFeatures {
    /// Unique content ids (stems, numbers "#21", cues "?" "!" "\""), at most 128.
    var ids: [Int32] = []
    /// Each id's weight (inverse sentence frequency in the document).
    var weights: [Float] = []
    /// Non-space characters, for the length model.
    var length = 0
    /// Sum of `weights`.
    var total: Float = 0
    /// Whether the sentence opens and closes with a quotation mark (dialogue).
    var quotes = QuoteEdges()
}

/// Whether a sentence starts with an opening and ends with a closing quotation mark.
struct QuoteEdges: Equatable {
    var opens = false
    var closes = false

    init() {}

    init(_ text: String) {
        let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』"]
        opens = text.first.map(quotes.contains) ?? false
        closes = text.last.map(quotes.contains) ?? false
    }
}

/// The translation evidence of one Chinese sentence: content units (Han characters that are not
/// function characters, Latin words, numbers, cues) and candidate n-grams that cover units and
/// translate to English ids.
struct ChineseFeatures {
    /// One candidate: the units it covers (a 128-bit mask) and what it translates to.
    struct Candidate {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var targets: [Int32]
    }

    var candidates: [Candidate] = []
    /// Each unit's weight (inverse sentence frequency in the document), at most 128 units.
    var weights: [Float] = []
    /// Non-space characters, for the length model.
    var length = 0
    /// Sum of `weights`.
    var total: Float = 0
    /// Content words (ICU word segments) as scalars, for learning a lexicon.
    var words: [[Unicode.Scalar]] = []
    /// Unit keys (a Han character's scalar value, or an id offset past the Unicode range), for weighting.
    var unitKeys: [UInt32] = []
    /// Whether the sentence opens and closes with a quotation mark (dialogue).
    var quotes = QuoteEdges()
}

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

    init(table: TranslationTable) throws(ICUError) {
        self.table = table
        zhWords = try WordSegmenter(language: .zh)
        enWords = try WordSegmenter(language: .en)
        pinyin = try Pinyin()
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
        f.length = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
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
                if k > 0, t.text.first?.isUppercase ?? false, tokens[k - 1].text != "\"" && tokens[k - 1].text != "“" {
                    englishNames.insert(lower)
                }
                if !EnglishWords.stopWords.contains(lower) { add(vocabulary.id(EnglishWords.stem(lower))) }
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

    func chinese(_ sentences: [Sentence]) throws(ICUError) -> [ChineseFeatures] {
        var result: [ChineseFeatures] = []
        result.reserveCapacity(sentences.count)
        for s in sentences { result.append(try chinese(s.text)) }
        Self.weigh(&result, ids: \.unitKeys, weights: \.weights, total: \.total)
        return result
    }

    private func chinese(_ text: String) throws(ICUError) -> ChineseFeatures {
        var f = ChineseFeatures()
        f.quotes = QuoteEdges(text)
        let tokens = try zhWords.tokens(in: text)
        // Han characters in order, with the unit each one is (-1 for function characters).
        var han: [Unicode.Scalar] = []
        var hanUnit: [Int] = []
        var runBreaks: Set<Int> = []  // han indices where a new run of adjacent Han characters starts
        var cues: Set<String> = []
        func newUnit(_ key: UInt32) -> Int {
            guard f.unitKeys.count < FeatureExtractor.maxUnits else { return -1 }
            f.unitKeys.append(key)
            return f.unitKeys.count - 1
        }
        func addCandidate(units: [Int], targets: [Int32]) {
            var c = ChineseFeatures.Candidate(targets: targets)
            for u in units where u >= 0 {
                if u < 64 { c.low |= 1 << UInt64(u) } else { c.high |= 1 << UInt64(u - 64) }
            }
            if c.low != 0 || c.high != 0 { f.candidates.append(c) }
        }
        let idKeyBase: UInt32 = 0x110000
        var previousWasHan = false
        for t in tokens {
            switch t.kind {
            case .ideograph:
                if !previousWasHan { runBreaks.insert(han.count) }
                var scalars: [Unicode.Scalar] = []
                var numeral: [Unicode.Scalar] = []
                var numeralUnits: [Int] = []
                func flushNumeral() {
                    if let v = ChineseCharacters.value(numeral) {
                        addCandidate(units: numeralUnits, targets: [vocabulary.id("#\(v)")])
                    }
                    numeral = []
                    numeralUnits = []
                }
                for s in t.text.unicodeScalars {
                    let unit = ChineseCharacters.functionCharacters.contains(s) ? -1 : newUnit(s.value)
                    han.append(s)
                    hanUnit.append(unit)
                    scalars.append(s)
                    if ChineseCharacters.isNumeral(s) { numeral.append(s); numeralUnits.append(unit) } else { flushNumeral() }
                }
                flushNumeral()
                if !scalars.allSatisfy(ChineseCharacters.functionCharacters.contains) { f.words.append(scalars) }
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
                addCandidate(units: [newUnit(idKeyBase + UInt32(id))], targets: [id])
            case .punctuation:
                previousWasHan = false
                if let cue = Self.cue(t.text), !cues.contains(cue) {
                    cues.insert(cue)
                    let id = vocabulary.id(cue)
                    addCandidate(units: [newUnit(idKeyBase + UInt32(id))], targets: [id])
                }
            }
        }
        f.length = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
        // Dictionary and learned n-grams within each run of Han characters.
        var runEnd = Array(repeating: han.count, count: han.count)
        var end = han.count
        for i in stride(from: han.count - 1, through: 0, by: -1) {
            runEnd[i] = end
            if runBreaks.contains(i) { end = i }
        }
        var spans: [(start: Int, end: Int, targets: [Int32])] = []
        for start in 0..<han.count {
            var key = HanKey()
            for k in start..<min(runEnd[start], start + BilingualDictionary.maxHeadwordLength) {
                key.append(han[k])
                if let targets = table.targets(key), !targets.isEmpty { spans.append((start, k + 1, targets)) }
                if !table.isPrefix(key) { break }
            }
        }
        // An n-gram inside a longer known one (伊斯兰 and 国 inside 伊斯兰国) adds only chance matches.
        var reach = [Int](repeating: 0, count: han.count + 1)  // furthest end of a span starting at or before i
        for span in spans { reach[span.start] = max(reach[span.start], span.end) }
        for i in 1..<reach.count { reach[i] = max(reach[i], reach[i - 1]) }
        for span in spans {
            let enclosed = reach[span.start] > span.end
                || (span.start > 0 && reach[span.start - 1] >= span.end)
            if !enclosed { addCandidate(units: Array(hanUnit[span.start..<span.end]), targets: span.targets) }
        }
        // Pinyin of one to three characters against capitalised English words (陈清扬 ↔ Chen Qingyang).
        if !englishNames.isEmpty {
            for start in 0..<han.count where hanUnit[start] >= 0 {
                var spelled = ""
                for k in start..<min(runEnd[start], start + 3) {
                    spelled += pinyin.syllable(han[k])
                    if englishNames.contains(spelled) {
                        addCandidate(units: Array(hanUnit[start...k]), targets: [vocabulary.id(EnglishWords.stem(spelled))])
                    }
                }
            }
        }
        return f
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

