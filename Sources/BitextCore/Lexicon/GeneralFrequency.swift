import Foundation

/// How common words are in general Chinese and English (not in the text at hand): the Zipf
/// frequency (log10 of occurrences per billion words; 7 for 的 and "the", 3 for 手绢 and
/// "handkerchief", 0 for a word outside the list) of the 60,000 most frequent words of each
/// language, from wordfreq's lists (CC BY-SA 4.0), shipped as a resource. The glossary's termhood
/// uses it as the background a domain term stands out from.
public struct GeneralFrequency: Sendable {
    private let zh: KeyTable
    private let en: KeyTable

    /// The shipped lists, read once per process.
    public static let shipped: Result<GeneralFrequency, BitextError> = Result { () throws(BitextError) in try load() }

    private static func load() throws(BitextError) -> GeneralFrequency {
        guard let path = Bundle.module.path(forResource: "general-frequency.tsv", ofType: "gz") else {
            throw .fileNotFound(path: "general-frequency.tsv.gz (bitext's resource bundle)")
        }
        return try GeneralFrequency(tsv: Gzip.decompress(path: path), source: path)
    }

    /// Lists from `LANG<TAB>WORD<TAB>ZIPF×100` lines (`#` lines are comments), read byte by byte:
    /// the word's key is hashed from its UTF-8 as it is decoded, with no string per line (the lists
    /// are read on every glossary run).
    init(tsv bytes: [UInt8], source: String) throws(BitextError) {
        var zh = KeyTable(capacity: 1 << 16), en = KeyTable(capacity: 1 << 16)
        var line = 0
        var start = 0
        let n = bytes.count
        while start < n {
            line += 1
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            guard end > start, bytes[start] != 0x23 else { continue }
            guard let entry = Self.entry(bytes, start, end) else {
                throw .badLine(path: source, line: line, reason: "expected LANG<TAB>WORD<TAB>ZIPF×100")
            }
            if entry.chinese { zh[entry.key] = entry.zipf } else { en[entry.key] = entry.zipf }
        }
        self.zh = zh
        self.en = en
    }

    /// One line's language (zh or not), word key and Zipf × 100; nil when it has not three fields,
    /// a word of valid UTF-8 and a number.
    private static func entry(_ b: [UInt8], _ start: Int, _ end: Int) -> (chinese: Bool, key: UInt64, zipf: Int32)? {
        guard let tab1 = b[start..<end].firstIndex(of: 0x09), let tab2 = b[(tab1 + 1)..<end].firstIndex(of: 0x09),
              !b[(tab2 + 1)..<end].contains(0x09), tab2 + 1 < end else { return nil }
        var key = HanKey()
        var word = b[(tab1 + 1)..<tab2].makeIterator()
        var utf8 = Unicode.UTF8()
        decoding: while true {
            switch utf8.decode(&word) {
            case .scalarValue(let scalar): key.append(scalar)
            case .emptyInput: break decoding
            case .error: return nil
            }
        }
        var zipf: Int32 = 0
        for d in b[(tab2 + 1)..<end] {
            guard (0x30...0x39).contains(d), zipf < 100_000 else { return nil }
            zipf = zipf * 10 + Int32(d - 0x30)
        }
        return (b[start..<tab1].elementsEqual("zh".utf8), key.value, zipf)
    }

    /// The Zipf frequency of the Chinese word `word` (0 when it is not among the common words).
    public func zipf(chinese word: some StringProtocol) -> Double { Double(zh[HanKey(word).value] ?? 0) / 100 }

    /// The Zipf frequency of the English word `word`, any case (0 when it is not among the common words).
    public func zipf(english word: some StringProtocol) -> Double { Double(en[HanKey(word.lowercased()).value] ?? 0) / 100 }
}
