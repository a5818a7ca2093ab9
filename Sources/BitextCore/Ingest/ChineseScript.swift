import ICUKit

/// Whether Chinese text is written in Traditional characters: for the language tag bitext writes
/// (zh-TW rather than zh-CN) when the user names none.
public enum ChineseScript {
    /// The share of Han characters that ICU's `Hant-Hans` changes above which a text is Traditional.
    /// In Simplified text almost none change; in Traditional text a quarter or more do (國, 說, 們…):
    /// 5 % leaves room for Traditional names quoted in Simplified text.
    public static let traditionalShare = 0.05

    /// Whether the Han characters of `sentences` (the first 5,000 looked at) are mostly Traditional.
    public static func isTraditional(_ sentences: [Sentence]) throws(ICUError) -> Bool {
        let toSimplified = try Transliterator("Hant-Hans")
        var han = 0, changed = 0
        var cache: [Unicode.Scalar: Bool] = [:]
        outer: for s in sentences {
            for c in s.text.unicodeScalars where Script(c) == .han {
                han += 1
                if let known = cache[c] {
                    if known { changed += 1 }
                } else {
                    let differs = (try? toSimplified.transform(String(Character(c)))) != String(Character(c))
                    cache[c] = differs
                    if differs { changed += 1 }
                }
                if han >= 5000 { break outer }
            }
        }
        return han > 0 && Double(changed) / Double(han) > traditionalShare
    }
}
