import Foundation
import ICUKit
import Synchronization

/// A Chinese→English dictionary: CC-CEDICT (embedded) plus any user dictionaries, indexed by
/// headword (Simplified and Traditional) for n-gram lookup. Glosses stay as raw text until asked for.
/// A value: copies share their storage until one of them adds entries, and any number of threads
/// may read one (the statistics computed on first use are built under a lock, once).
public struct BilingualDictionary: Sendable {
    /// Headwords longer than this many characters are not looked up as n-grams.
    public static let maxHeadwordLength = 8

    /// All gloss text, CC-CEDICT's and the user dictionaries'.
    private var text = FlatArray<UInt8>()
    /// Per entry: the byte range of its gloss field in `text`, and the next entry with the same headword.
    private var glossStart = FlatArray<Int32>()
    private var glossEnd = FlatArray<Int32>()
    private var next = FlatArray<Int32>()
    private var firstEntry: KeyTable
    /// Keys of every proper prefix of a headword, so an n-gram scan can stop early.
    private var prefixes: KeyTable

    /// Gloss word counts and character meanings, built on first use.
    private var statistics = Statistics()
    /// ICU's toneless syllable of each character of `syllableBlocks` (the embedded dictionary only).
    private var syllables = SyllableTable.empty
    /// Simplified headwords, one per CC-CEDICT line and user entry, as flat (start, end, entry)
    /// triples: the headword's byte range in `text` and its entry.
    private var headwordTriples = FlatArray<Int32>()

    /// Simplified headwords with their entries, one per CC-CEDICT line and user entry.
    var headwords: [(headword: String, entry: Int32)] {
        stride(from: 0, to: headwordTriples.count, by: 3).map {
            (String(decoding: text[Int(headwordTriples[$0])..<Int(headwordTriples[$0 + 1])], as: UTF8.self), headwordTriples[$0 + 2])
        }
    }

    /// An empty dictionary, with room for CC-CEDICT's headwords. (The tables are sized in each
    /// initialiser, not where they are declared, so that one read from an image allocates and
    /// clears no tables it then throws away.)
    public init() {
        firstEntry = KeyTable(capacity: 1 << 18)
        prefixes = KeyTable(capacity: 1 << 18)
    }

    /// Statistics of a dictionary's entries that only some uses need, each built on first use under
    /// a lock, so that threads sharing the dictionary build it once and read it safely. Copies of the
    /// dictionary share them; adding entries gives the dictionary new ones.
    private final class Statistics: Sendable {
        /// How many gloss fields use each lower-case English word (FNV-1a key), counted over the
        /// first `entries` entries.
        let glossWordCounts: Mutex<(counts: KeyTable, entries: Int32)?>
        /// What characters mean inside words.
        let characterGlosses: Mutex<CharacterGlosses?>
        /// The same as an image holds them, decoded on first use (only glossaries need them).
        let encodedCharacterGlosses: [UInt8]?

        init(glossWordCounts: (counts: KeyTable, entries: Int32)? = nil, encodedCharacterGlosses: [UInt8]? = nil) {
            self.glossWordCounts = Mutex(glossWordCounts)
            characterGlosses = Mutex(nil)
            self.encodedCharacterGlosses = encodedCharacterGlosses
        }

        /// The gloss word counts as far as they were counted, if at all.
        var countedSoFar: (counts: KeyTable, entries: Int32)? { glossWordCounts.withLock { $0 } }
    }

    /// Where a program keeps the embedded dictionary's image, given its environment and home
    /// folder: `$BITEXT_CACHE_DIR`, else `$XDG_CACHE_HOME/bitext`, else `~/.cache/bitext`.
    public static func cacheFolder(environment: [String: String], home: String) -> String {
        DictionaryImage.folder(environment: environment, home: home)
    }

    /// The CC-CEDICT dictionary shipped with bitext, with its statistics built. Read from its binary
    /// image in `cacheFolder` (see `DictionaryImage`) when one matches the shipped file; otherwise
    /// parsed, and the image written there for the next run (nothing is written when `cacheFolder`
    /// is nil or cannot be written).
    public static func embedded(cacheFolder: String? = nil) throws(BitextError) -> BilingualDictionary {
        guard let path = Bundle.module.path(forResource: "cedict_1_0_ts_utf-8_mdbg.txt", ofType: "gz") else {
            throw .fileNotFound(path: "cedict_1_0_ts_utf-8_mdbg.txt.gz (bitext's resource bundle)")
        }
        let imagePath = try cacheFolder.map { folder throws(BitextError) in try DictionaryImage.path(forGzip: path, in: folder) }
        if let imagePath, let image = DictionaryImage(path: imagePath) {
            return BilingualDictionary(image: image)
        }
        var dictionary = BilingualDictionary()
        try dictionary.addCEDICT(Gzip.decompress(path: path), source: path)
        dictionary.buildSyllables()
        if let cacheFolder, let imagePath { dictionary.image.write(to: imagePath, folder: cacheFolder) }
        return dictionary
    }

    /// The dictionary held by `image`.
    init(image: DictionaryImage) {
        text = image.text
        glossStart = image.glossStart
        glossEnd = image.glossEnd
        next = image.next
        firstEntry = image.firstEntry
        prefixes = image.prefixes
        statistics = Statistics(glossWordCounts: (image.glossWordCounts, Int32(image.glossStart.count)),
                                encodedCharacterGlosses: image.characterGlosses)
        syllables = SyllableTable(lines: image.syllables)
        headwordTriples = image.headwordRanges
    }

    /// This dictionary as an image, with its statistics.
    var image: DictionaryImage {
        DictionaryImage(text: text, glossStart: glossStart, glossEnd: glossEnd, next: next,
                        headwordRanges: headwordTriples,
                        firstEntry: firstEntry, prefixes: prefixes, glossWordCounts: glossWordCounts(),
                        characterGlosses: characterGlosses().encoded,
                        syllables: syllables.lines)
    }

    /// Number of entries.
    public var count: Int { glossStart.count }

    /// Whether some headword is `key`.
    public func contains(_ key: HanKey) -> Bool { firstEntry[key.value] != nil }

    /// Whether some headword is longer than and starts with the n-gram `key`.
    public func isPrefix(_ key: HanKey) -> Bool { prefixes[key.value] != nil }

    /// The gloss fields ("/a/b/c/" for CC-CEDICT, the English term for a glossary) of headword `key`.
    public func glossFields(_ key: HanKey) -> [Substring] {
        var result: [Substring] = []
        var e = firstEntry[key.value] ?? -1
        while e >= 0 {
            result.append(glossField(entry: e))
            e = next[Int(e)]
        }
        return result
    }

    /// Whether headword `key` is only ever glossed as a verb ("to prevent/to guard against"):
    /// such words are not terms. False for headwords not in the dictionary.
    public func isVerbOnly(_ key: HanKey) -> Bool {
        var glosses = 0, verbsOnly = true
        forEachGloss(of: key) { gloss in
            glosses += 1
            verbsOnly = gloss.starts(with: "to ".utf8)
            return verbsOnly
        }
        return verbsOnly && glosses > 0
    }

    /// The verbs headword `key`'s glosses give, lower-case: the word after "to " in each gloss
    /// that starts with it (接受 "to accept/to receive" → accept, receive).
    func verbs(of key: HanKey) -> [String] {
        var verbs: [String] = []
        forEachGloss(of: key) { gloss in
            guard gloss.starts(with: "to ".utf8) else { return true }
            let word = gloss.dropFirst(3).prefix { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            if !word.isEmpty { verbs.append(String(decoding: word, as: UTF8.self).lowercased()) }
            return true
        }
        return verbs
    }

    /// Calls `body` with each /-separated gloss of every entry of headword `key` (leading spaces
    /// skipped; notes and parenthesised remarks left out) until it returns false.
    private func forEachGloss(of key: HanKey, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        var e = firstEntry[key.value] ?? -1
        while e >= 0 {
            let goOn = withGlossBytes(entry: e) { bytes -> Bool in
                var start = 0
                for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x2F {
                    defer { start = end + 1 }
                    var s = start
                    while s < end && bytes[s] == 0x20 { s += 1 }
                    guard s < end else { continue }
                    let gloss = UnsafeBufferPointer(rebasing: bytes[s..<end])
                    if gloss.first == 0x28 || GlossWords.isNote(gloss) { continue }
                    if !body(gloss) { return false }
                }
                return true
            }
            if !goOn { return }
            e = next[Int(e)]
        }
    }

    /// In how many gloss fields the lower-case English `word` appears: how general a word it is
    /// ("study" is in hundreds, "cisplatin" in one).
    public func glossCount(_ word: String) -> Int {
        Int(glossWordCounts()[FNV.hash(word.lowercased().utf8)] ?? 0)
    }

    /// How many gloss fields use each lower-case English word, counted on first use (and the
    /// entries added since the last count, counted on).
    private func glossWordCounts() -> KeyTable {
        statistics.glossWordCounts.withLock { state in
            let all = Int32(glossStart.count)
            if let state, state.entries == all { return state.counts }
            var (counts, counted) = state ?? (KeyTable(capacity: 1 << 17), 0)
            state = nil  // the counts below are then the only copy, counted on in place
            countGlossWords(ofEntries: counted..<all, into: &counts)
            state = (counts, all)
            return counts
        }
    }

    /// Counts the words of the gloss fields of `entries` into `counts`, each word once per field
    /// (a Traditional and a Simplified headword share one field).
    private func countGlossWords(ofEntries entries: Range<Int32>, into counts: inout KeyTable) {
        var seen = Set<Int32>()
        for entry in entries where seen.insert(glossStart[Int(entry)]).inserted {
            var fieldWords = Set<UInt64>()
            forEachGlossWord(entry: entry, skippingParenthesised: false) { hash, _ in
                if fieldWords.insert(hash).inserted { counts[hash] = (counts[hash] ?? 0) + 1 }
            }
        }
    }

    /// Calls `body` with the FNV-1a key and the lower-case letters of each word (two letters or
    /// more) of entry `entry`'s gloss field, scanning the bytes without building strings; words in
    /// parentheses or brackets are skipped when `skippingParenthesised`.
    func forEachGlossWord(entry: Int32, skippingParenthesised: Bool, _ body: (UInt64, [UInt8]) -> Void) {
        var depth = 0
        var hash = FNV.offset
        var word: [UInt8] = []
        func flush() {
            if word.count > 1 { body(hash, word) }
            hash = FNV.offset
            word.removeAll(keepingCapacity: true)
        }
        withGlossBytes(entry: entry) { bytes in
            for b in bytes {
                switch b {
                case 0x28 where skippingParenthesised, 0x5B where skippingParenthesised: depth += 1; flush()
                case 0x29 where skippingParenthesised, 0x5D where skippingParenthesised: depth = max(0, depth - 1); flush()
                case _ where depth > 0: continue
                case 0x41...0x5A, 0x61...0x7A:
                    let lower = b | 0x20
                    hash = FNV.add(hash, lower)
                    word.append(lower)
                default: flush()
                }
            }
        }
        flush()
    }

    /// The toneless, lower-case pinyin readings CC-CEDICT gives the single character `c` (勒 → le, lei),
    /// most entries first; empty for characters without a CC-CEDICT entry of their own.
    public func readings(of c: Unicode.Scalar) -> [String] {
        var key = HanKey()
        key.append(c)
        var counts: [String: Int] = [:]
        var e = firstEntry[key.value] ?? -1
        while e >= 0 {
            if let reading = reading(entry: e) { counts[reading, default: 0] += 1 }
            e = next[Int(e)]
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The numbered pinyin syllables CC-CEDICT gives headword `key` (`[Yin2 hang2]` → ["yin2", "hang2"]),
    /// from the entry with the most senses among those whose reading has one syllable per character
    /// of `length`; nil when none has.
    public func numberedReading(_ key: HanKey, length: Int) -> [String]? {
        var e = firstEntry[key.value] ?? -1
        var best: (syllables: [String], senses: Int)?
        while e >= 0 {
            // The reading with the most senses is the everyday one (无 wu2 "not to have/no/none/…",
            // not mo2 "used in 南无"); entries are chained last first, so ties go to the first.
            if let syllables = bracketedReading(entry: e), syllables.count == length {
                let senses = glossField(entry: e).filter { $0 == "/" }.count
                if senses >= best?.senses ?? 0 { best = (syllables, senses) }
            }
            e = next[Int(e)]
        }
        return best?.syllables
    }

    /// Whether headword `key` has a CC-CEDICT entry for a proper name: CC-CEDICT writes a proper
    /// noun's pinyin capitalised (北京 [Bei3 jing1] Beijing, 曹雪芹 [Cao2 Xue3 qin2]; 国际社会 [guo2 ji4
    /// she4 hui4] is no name). False for user entries and headwords not in the dictionary.
    public func isProperName(_ key: HanKey) -> Bool {
        var e = firstEntry[key.value] ?? -1
        while e >= 0 {
            if let start = bracketStart(entry: e), start + 1 < text.count, (0x41...0x5A).contains(text[start + 1]) { return true }
            e = next[Int(e)]
        }
        return false
    }

    /// The offset of the "[" before a CC-CEDICT entry's gloss field; nil for user entries.
    private func bracketStart(entry: Int32) -> Int? {
        let end = Int(glossStart[Int(entry)]) - 2  // the "]" before " /"
        guard end > 0, text[end + 1] == 0x20, text[end] == 0x5D else { return nil }
        var start = end - 1
        while start >= 0 && text[start] != 0x5B && text[start] != 0x0A { start -= 1 }
        return start >= 0 && text[start] == 0x5B ? start : nil
    }

    /// The syllables inside the brackets before a CC-CEDICT entry's gloss field, lower-cased; nil for user entries.
    private func bracketedReading(entry: Int32) -> [String]? {
        guard let start = bracketStart(entry: entry) else { return nil }
        let end = Int(glossStart[Int(entry)]) - 2
        return String(decoding: text[(start + 1)..<end], as: UTF8.self).lowercased().split(separator: " ").map(String.init)
    }

    /// The bracketed pinyin before a CC-CEDICT entry's gloss field (`[le4] /…/`), toneless, for a
    /// one-syllable reading; nil for user entries and longer readings.
    private func reading(entry: Int32) -> String? {
        let end = Int(glossStart[Int(entry)]) - 2  // the "]" before " /"
        guard end > 0, text[end + 1] == 0x20, text[end] == 0x5D else { return nil }
        var start = end - 1
        var letters: [UInt8] = []
        while start >= 0 && text[start] != 0x5B {
            let b = text[start]
            if b == 0x20 { return nil }  // several syllables
            if b >= 0x41 && b <= 0x5A || b >= 0x61 && b <= 0x7A { letters.append(b | 0x20) }
            start -= 1
        }
        guard start >= 0, !letters.isEmpty else { return nil }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Builds now the statistics otherwise built by their first use (gloss word counts, character
    /// meanings): a glossary builds them on one thread while it reads the text on the others.
    public func prepareStatistics() {
        _ = glossWordCounts()
        _ = characterGlosses()
    }

    /// The characters whose toneless syllables the embedded dictionary keeps: CJK Unified
    /// Ideographs, Extension A and the compatibility ideographs (names use rare characters, 锴),
    /// and what sits beside them in Chinese text — Latin letters (ICU folds Ａ and é to a, e),
    /// general and CJK punctuation, full-width forms — so that ICU is opened only for the rest.
    static let syllableBlocks: [ClosedRange<UInt32>] = [0x0020...0x024F, 0x2000...0x206F, 0x3000...0x303F, 0x3400...0x4DBF,
                                                        0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF]

    /// Looks up ICU's toneless syllable of every character of `syllableBlocks`, once, before the
    /// dictionary is shared (the embedded dictionary's image keeps them).
    private mutating func buildSyllables() {
        guard let transform = try? Transliterator(Pinyin.tonelessTransform) else { return }
        var found: [UInt32: String] = [:]
        for block in Self.syllableBlocks {
            for c in block { if let scalar = Unicode.Scalar(c) { found[c] = Pinyin.syllable(scalar, transform: transform) } }
        }
        syllables = SyllableTable(found)
    }

    /// ICU's toneless pinyin syllable of character `c` ("" when ICU gives none), for the
    /// characters of `syllableBlocks` in the embedded dictionary; nil for others.
    public func tonelessSyllable(_ c: Unicode.Scalar) -> String? { syllables.syllable(c.value) }

    /// What single characters mean inside words (心 → cardiac), learned from these entries once.
    func characterGlosses() -> CharacterGlosses {
        statistics.characterGlosses.withLock { cached in
            if let cached { return cached }
            let made = statistics.encodedCharacterGlosses.map(CharacterGlosses.init(encoded:)) ?? CharacterGlosses(dictionary: self)
            cached = made
            return made
        }
    }

    /// Gives the dictionary statistics of its own after entries were added: the character meanings
    /// are learned again when next asked for, and gloss word counts already made are counted on
    /// with the new fields when next asked for.
    private mutating func renewStatistics() {
        statistics = Statistics(glossWordCounts: statistics.countedSoFar)
    }

    /// Calls `body` with the UTF-8 bytes of entry `entry`'s gloss field, without copying them.
    func withGlossBytes<T>(entry: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(glossStart[Int(entry)])..<Int(glossEnd[Int(entry)])]))
        }
    }

    /// The gloss field of entry `entry` (an index into `headwords`' entries).
    func glossField(entry: Int32) -> Substring {
        Substring(String(decoding: text[Int(glossStart[Int(entry)])..<Int(glossEnd[Int(entry)])], as: UTF8.self))
    }

    /// Adds one entry: a headword and its English (a CC-CEDICT gloss field or a plain term).
    public mutating func add(headword: some StringProtocol, english: some StringProtocol) {
        defer { renewStatistics() }
        let headwordStart = Int32(text.count)
        text.append(contentsOf: headword.utf8)
        headwordTriples.append(contentsOf: [headwordStart, Int32(text.count), Int32(glossStart.count)])
        let start = Int32(text.count)
        text.append(contentsOf: english.utf8)
        index(headword.unicodeScalars, glossRange: start..<Int32(text.count))
    }

    private mutating func index(_ headword: some Collection<Unicode.Scalar>, glossRange: Range<Int32>) {
        guard !headword.isEmpty, headword.count <= Self.maxHeadwordLength else { return }
        let entry = Int32(glossStart.count)
        glossStart.append(glossRange.lowerBound)
        glossEnd.append(glossRange.upperBound)
        var key = HanKey()
        var n = 0
        for s in headword {
            key.append(s)
            n += 1
            if n < headword.count { prefixes[key.value] = 1 }
        }
        next.append(firstEntry[key.value] ?? -1)
        firstEntry[key.value] = entry
    }

    /// Adds CC-CEDICT-format lines (`傳統 传统 [chuan2 tong3] /tradition/convention/`); `#` lines are comments.
    public mutating func addCEDICT(_ bytes: [UInt8], source: String) throws(BitextError) {
        defer { renewStatistics() }
        let base = Int32(text.count)
        text.append(contentsOf: bytes)
        var lineStart = 0
        var lineNumber = 0
        let n = bytes.count
        while lineStart < n {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if end == lineStart || bytes[lineStart] == 0x23 { continue }  // blank or # comment
            guard let firstSpace = bytes[lineStart..<end].firstIndex(of: 0x20),
                  let secondSpace = bytes[(firstSpace + 1)..<end].firstIndex(of: 0x20),
                  let slash = bytes[secondSpace..<end].firstIndex(of: 0x2F)
            else {
                throw .badDictionaryLine(path: source, line: lineNumber, reason: "expected 'TRADITIONAL SIMPLIFIED [pinyin] /gloss/'")
            }
            let glossRange = (base + Int32(slash))..<(base + Int32(end))
            let traditional = String(decoding: bytes[lineStart..<firstSpace], as: UTF8.self)
            let simplified = String(decoding: bytes[(firstSpace + 1)..<secondSpace], as: UTF8.self)
            headwordTriples.append(contentsOf: [base + Int32(firstSpace + 1), base + Int32(secondSpace), Int32(glossStart.count)])
            index(simplified.unicodeScalars, glossRange: glossRange)
            if traditional != simplified { index(traditional.unicodeScalars, glossRange: glossRange) }
        }
    }
}
