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

    /// Lists from `LANG<TAB>WORD<TAB>ZIPF×100` lines (`#` lines are comments).
    init(tsv bytes: [UInt8], source: String) throws(BitextError) {
        var zh = KeyTable(capacity: 1 << 16), en = KeyTable(capacity: 1 << 16)
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            guard end > start, bytes[start] != 0x23 else { continue }
            let fields = bytes[start..<end].split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 3, let zipf = Int32(String(decoding: fields[2], as: UTF8.self)) else {
                throw .badLine(path: source, line: line, reason: "expected LANG<TAB>WORD<TAB>ZIPF×100")
            }
            let key = HanKey(String(decoding: fields[1], as: UTF8.self)).value
            if fields[0].elementsEqual("zh".utf8) { zh[key] = zipf } else { en[key] = zipf }
        }
        self.zh = zh
        self.en = en
    }

    /// The Zipf frequency of the Chinese word `word` (0 when it is not among the common words).
    public func zipf(chinese word: some StringProtocol) -> Double { Double(zh[HanKey(word).value] ?? 0) / 100 }

    /// The Zipf frequency of the English word `word`, any case (0 when it is not among the common words).
    public func zipf(english word: some StringProtocol) -> Double { Double(en[HanKey(word.lowercased()).value] ?? 0) / 100 }
}
