import Foundation
import ICUKit

/// Pinyin through ICU's `Han-Latin` transform: with tone marks for display (伊斯兰国 → yī sī lán guó),
/// toneless per character for matching names (陈 → chen). The toneless syllables of the
/// dictionary's characters come precomputed with its statistics (see
/// `BilingualDictionary.tonelessSyllable(_:)`); the ICU transforms, slow to open, are opened only
/// for what that table lacks. Not safe for concurrent use.
public final class Pinyin {
    /// The ICU transform giving toneless syllables.
    static let tonelessTransform = "Han-Latin; Latin-ASCII; Lower"

    private let dictionary: BilingualDictionary?
    private lazy var marked: Transliterator? = try? Transliterator("Han-Latin")
    private lazy var toneless: Transliterator? = try? Transliterator(Self.tonelessTransform)
    private var cache: [Unicode.Scalar: String] = [:]
    private var byteCache = KeyTable()
    private var syllableBytes: [[UInt8]] = []
    private var readingCache: [Unicode.Scalar: [String]] = [:]

    /// Pinyin reading toneless syllables from `dictionary`'s table where it has them; the ICU
    /// transforms open on first need (an ICU failure then reads as no pinyin).
    public init(dictionary: BilingualDictionary? = nil) throws(ICUError) {
        self.dictionary = dictionary
    }

    /// Pinyin with tone marks, syllables separated by spaces, read character by character by ICU.
    public func withToneMarks(_ text: String) -> String {
        marked.flatMap { try? $0.transform(text) } ?? text
    }

    /// Pinyin with tone marks from `dictionary`'s word readings: the longest headword at each point
    /// gives its syllables (银行 → yín háng, 长江 → cháng jiāng, the same for 長江), a character no
    /// word covers its reading as a word of its own, and ICU `Han-Latin` whatever the dictionary lacks.
    public func reading(_ text: String, dictionary: BilingualDictionary) -> String {
        let chars = Array(text.unicodeScalars)
        var parts: [String] = []
        var pending = ""  // text no headword covers, read by ICU
        func flush() {
            // ICU reads the Han characters; Latin letters and digits stay as they are (HER2).
            let han = pending.unicodeScalars.contains { Script($0) == .han }
            if !pending.isEmpty { parts.append((han ? withToneMarks(pending) : pending).trimmingCharacters(in: .whitespaces)) }
            pending = ""
        }
        var i = 0
        while i < chars.count {
            var matched: (length: Int, syllables: [String])?
            var key = HanKey()
            for j in i..<min(chars.count, i + BilingualDictionary.maxHeadwordLength) {
                key.append(chars[j])
                if let syllables = dictionary.numberedReading(key, length: j - i + 1) { matched = (j - i + 1, syllables) }
                if !dictionary.isPrefix(key) { break }
            }
            if let matched, matched.syllables.allSatisfy({ $0.last?.isNumber ?? false }) {
                flush()
                parts.append(matched.syllables.map(Self.toneMarked).joined(separator: " "))
                i += matched.length
            } else {
                pending.unicodeScalars.append(chars[i])
                i += 1
            }
        }
        flush()
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A numbered syllable with its tone mark (yin2 → yín, lu:4 → lǜ, xx5 → xx); the mark goes on a
    /// or e, on the o of ou, otherwise on the last vowel.
    static func toneMarked(_ numbered: String) -> String {
        guard let tone = numbered.last?.wholeNumberValue else { return numbered }
        var letters = Array(numbered.dropLast().replacingOccurrences(of: "u:", with: "ü").replacingOccurrences(of: "v", with: "ü"))
        guard (1...4).contains(tone) else { return String(letters) }
        let marks: [Character: [Character]] = ["a": ["ā", "á", "ǎ", "à"], "e": ["ē", "é", "ě", "è"], "i": ["ī", "í", "ǐ", "ì"],
                                               "o": ["ō", "ó", "ǒ", "ò"], "u": ["ū", "ú", "ǔ", "ù"], "ü": ["ǖ", "ǘ", "ǚ", "ǜ"]]
        let target = letters.firstIndex(of: "a") ?? letters.firstIndex(of: "e")
            ?? (letters.firstIndex(of: "o").flatMap { o in o + 1 < letters.count && letters[o + 1] == "u" ? o : nil })
            ?? letters.lastIndex { marks[$0] != nil }
        if let t = target, let marked = marks[letters[t]] { letters[t] = marked[tone - 1] }
        return String(letters)
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
        let syllable = dictionary?.tonelessSyllable(s) ?? toneless.map { Self.syllable(s, transform: $0) } ?? ""
        cache[s] = syllable
        return syllable
    }

    /// What `transform` (`tonelessTransform`) makes of `s`, when that is a lower-case syllable; else "".
    static func syllable(_ s: Unicode.Scalar, transform: Transliterator) -> String {
        let t = (try? transform.transform(String(Character(s)))) ?? ""
        return t.unicodeScalars.allSatisfy({ $0.properties.isLowercase }) ? t : ""
    }
}
