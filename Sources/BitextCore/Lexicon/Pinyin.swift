import ICUKit

/// Pinyin through ICU's `Han-Latin` transform: with tone marks for display (伊斯兰国 → yī sī lán guó),
/// toneless per character for matching names (陈 → chen). Not safe for concurrent use.
public final class Pinyin {
    private let marked: Transliterator
    private let toneless: Transliterator
    private var cache: [Unicode.Scalar: String] = [:]
    private var byteCache = KeyTable()
    private var syllableBytes: [[UInt8]] = []
    private var readingCache: [Unicode.Scalar: [String]] = [:]

    /// Opens the ICU transforms.
    public init() throws(ICUError) {
        marked = try Transliterator("Han-Latin")
        toneless = try Transliterator("Han-Latin; Latin-ASCII; Lower")
    }

    /// Pinyin with tone marks, syllables separated by spaces.
    public func withToneMarks(_ text: String) -> String {
        (try? marked.transform(text)) ?? text
    }

    /// The toneless syllable of one Han character as ASCII bytes (empty for anything else), cached.
    public func syllableBytes(_ s: Unicode.Scalar) -> [UInt8] {
        if let k = byteCache[UInt64(s.value)] { return syllableBytes[Int(k)] }
        byteCache[UInt64(s.value)] = Int32(syllableBytes.count)
        syllableBytes.append(Array(syllable(s).utf8))
        return syllableBytes[syllableBytes.count - 1]
    }

    /// Toneless readings of one Han character for matching names: ICU's, then up to two more that
    /// `dictionary` gives it (勒 → lei, le), so 勒都 spells Le Du. Empty for anything else.
    public func readings(_ c: Unicode.Scalar, dictionary: BilingualDictionary) -> [String] {
        if let cached = readingCache[c] { return cached }
        let first = syllable(c)
        let readings = first.isEmpty ? [] : Array(([first] + dictionary.readings(of: c).filter { $0 != first }).prefix(3))
        readingCache[c] = readings
        return readings
    }

    /// The toneless pinyin syllable of one Han character ("" for anything else).
    public func syllable(_ s: Unicode.Scalar) -> String {
        if let cached = cache[s] { return cached }
        let t = (try? toneless.transform(String(Character(s)))) ?? ""
        let syllable = t.unicodeScalars.allSatisfy({ $0.properties.isLowercase }) ? t : ""
        cache[s] = syllable
        return syllable
    }
}
