import Foundation
import ICUKit

/// Turns sentences into `EnglishFeatures` and `ChineseFeatures` with ICU word segmentation,
/// the translation table, numbers, pinyin of names and punctuation cues. Up to `workers` threads
/// read the sentences, each a consecutive share with a reader (ICU iterators) of its own; ids are
/// made final in the order of the shares, so the features do not depend on how many workers read
/// them. Not safe for concurrent use.
final class FeatureExtractor {
    static let maxUnits = 128
    /// Sentences per worker: a text shorter than this is read by one worker (each worker opens ICU
    /// iterators of its own). Reading is a small part of a short text's time: with 100, a 345 × 380-sentence
    /// chapter (mac-dev/003) aligned in the same time (wall ratio 0.98, 15 runs each).
    static let sentencesPerWorker = 512
    /// How many sentences' dictionary n-grams are looked up (in parallel) before they are added to
    /// the features (in order): memory for that many sentences' matches (about 1 MB), against one
    /// synchronisation per block. Not tuned: any size above a few hundred sentences keeps the
    /// synchronisations a negligible cost.
    static let spanBlock = 4096
    let table: TranslationTable
    /// At most this many threads read the sentences (one per `sentencesPerWorker` sentences).
    let workers: Int
    /// Lower-case forms of capitalised English words seen mid-sentence: the names pinyin may match.
    private var names = EnglishNames()

    init(table: TranslationTable, workers: Int = Workers.cores) throws(ICUError) {
        self.table = table
        self.workers = max(1, workers)
    }

    private var vocabulary: Vocabulary { table.vocabulary }

    /// How many workers share `count` sentences.
    private func workerCount(for count: Int) -> Int { min(workers, count / Self.sentencesPerWorker + 1) }

    /// `read(reader, &share, i)` for each of `count` sentences, read in consecutive shares by the
    /// workers, each with a reader of its own and a vocabulary shard; and the shares as the workers
    /// left them. Throws the first error a share met.
    private func readInShares<F: Sendable>(_ count: Int, _ read: @escaping @Sendable (SentenceReader, inout SentenceReader.Share, Int) -> F)
        throws(ICUError) -> (elements: [F], shares: [SentenceReader.Share]) {
        let dictionary = table.dictionary
        let start = (0..<workerCount(for: count)).map { _ in SentenceReader.Share(ids: VocabularyShard(vocabulary)) }
        let parts = Workers.run(start) { w, share -> (elements: [F], share: SentenceReader.Share) in
            var share = share
            do throws(ICUError) {
                let reader = try SentenceReader(dictionary: dictionary)
                return (Workers.share(w, of: count, among: start.count).map { read(reader, &share, $0) }, share)
            } catch {
                share.error = error
                return ([], share)
            }
        }
        if let error = parts.lazy.compactMap(\.share.error).first { throw error }
        return (Workers.joined(parts.map(\.elements), count: count), parts.map(\.share))
    }

    /// Adopts each share's new words, in the shares' order, and makes the provisional ids of the
    /// elements it read final.
    private func finalizeIDs<F>(_ elements: inout [F], shares: [SentenceReader.Share],
                                _ finalize: (inout F, (Int32) -> Int32) -> Void) {
        for (w, share) in shares.enumerated() {
            let adopted = vocabulary.adopt(share.ids)
            guard !adopted.isEmpty else { continue }
            for i in Workers.share(w, of: elements.count, among: shares.count) {
                finalize(&elements[i]) { share.ids.final($0, adopted: adopted) }
            }
        }
    }

    // MARK: English

    /// Features of the English sentences; the capitalised words they write mid-sentence are kept
    /// as the names the Chinese side's pinyin may spell (read the English first).
    func english(_ sentences: [Sentence]) throws(ICUError) -> [EnglishFeatures] {
        var (result, shares) = try readInShares(sentences.count) { reader, share, i in reader.english(sentences[i].text, share: &share) }
        finalizeIDs(&result, shares: shares) { $0.finalizeIDs($1) }
        for share in shares { names.add(share.names) }
        Self.weigh(&result, keys: result.map(\.ids), weights: \.weights, total: \.total)
        return result
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

    /// The segmentation of the Chinese sentences last read, while it is kept (see `chinese`).
    private(set) var analyses: [ChineseAnalysis] = []

    /// Features of the Chinese sentences; a second call (after the table learned more) reuses the
    /// first call's segmentation and redoes only the n-gram lookup, unless the first was told it is
    /// the last (`keepingAnalyses` false: the segmentation's memory is freed).
    func chinese(_ sentences: [Sentence], keepingAnalyses: Bool = true) throws(ICUError) -> [ChineseFeatures] {
        if analyses.count != sentences.count { analyses = try analyse(sentences) }
        var result: [ChineseFeatures] = []
        result.reserveCapacity(analyses.count)
        let (known, segmented) = (table.known, analyses)
        for block in stride(from: 0, to: segmented.count, by: Self.spanBlock) {
            let range = block..<min(segmented.count, block + Self.spanBlock)
            // Finding matches only reads: the workers need no reader or shard.
            let found = Workers.map(range.count, states: Array(repeating: (), count: workerCount(for: range.count))) { _, i in
                NGramMatch.find(in: segmented[range.lowerBound + i], table: known)
            }
            for (a, matches) in zip(segmented[range], found.elements) {
                var f = a.base
                addDictionaryCandidates(matches, of: a, to: &f)
                result.append(f)
            }
        }
        Self.weigh(&result, keys: analyses.map(\.unitKeys), weights: \.weights, total: \.total)
        if !keepingAnalyses { analyses = [] }
        return result
    }

    /// The segmentation of every sentence, read in shares; the names pinyin matches must be known.
    private func analyse(_ sentences: [Sentence]) throws(ICUError) -> [ChineseAnalysis] {
        let names = names
        var (result, shares) = try readInShares(sentences.count) { reader, share, i in
            reader.analyse(sentences[i].text, share: &share, names: names)
        }
        finalizeIDs(&result, shares: shares) { $0.finalizeIDs($1) }
        return result
    }

    /// Adds the dictionary and learned n-grams `matches` of `a` (in order) that translate to some
    /// English. An n-gram inside a longer known one (伊斯兰 and 国 inside 伊斯兰国) would add only
    /// chance matches and is skipped. Table entries are made here, in the sentences' order.
    private func addDictionaryCandidates(_ matches: [NGramMatch], of a: ChineseAnalysis, to f: inout ChineseFeatures) {
        var spans: [(start: Int, end: Int, entry: Int32)] = []
        for match in matches {
            if let entry = table.entry(match.key), !table.targets(entry: entry).isEmpty {
                spans.append((Int(match.start), Int(match.end), entry))
            }
        }
        var reach = [Int](repeating: 0, count: a.chars.count + 1)  // furthest end of a span starting at or before i
        for span in spans { reach[span.start] = max(reach[span.start], span.end) }
        for i in stride(from: 1, to: reach.count, by: 1) { reach[i] = max(reach[i], reach[i - 1]) }
        let kept = spans.filter { span in
            !(reach[span.start] > span.end || (span.start > 0 && reach[span.start - 1] >= span.end))  // not enclosed
        }
        f.candidates.reserveCapacity(f.candidates.count + kept.count)  // one allocation of the size needed, kept for the whole run
        for span in kept { f.addCandidate(units: a.units(span.start..<span.end), targets: table.targets(entry: span.entry)) }
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

    /// Gives every unit the inverse of its sentence frequency in the document: log((N+1)/(df+0.5)),
    /// at least 0.1; feature i's units are `keys[i]`.
    static func weigh<F, K: Hashable>(_ features: inout [F], keys: [[K]], weights: WritableKeyPath<F, [Float]>,
                                      total: WritableKeyPath<F, Float>) {
        var df: [K: Int] = [:]
        for units in keys { for k in Set(units) { df[k, default: 0] += 1 } }
        let n = Float(features.count)
        for i in features.indices {
            let w = keys[i].map { max(0.1, log((n + 1) / (Float(df[$0]!) + 0.5))) }
            features[i][keyPath: weights] = w
            features[i][keyPath: total] = w.reduce(0, +)
        }
    }
}
