import BitextCore
/// The language tags written for the two sides (`zh-CN` and `en-US` by default) and how tags read
/// from files are recognised (any tag whose primary language is zh or en: zh, zh-Hans, zh-CN…).
public struct LanguageTags: Sendable, Equatable {
    public var zh: String
    public var en: String

    /// Tags `zh` and `en`, checked as BCP-47.
    public init(zh: String = "zh-CN", en: String = "en-US") throws(BitextError) {
        for (tag, language) in [(zh, "zh"), (en, "en")] {
            guard Self.isWellFormed(tag) else { throw .badLanguageTag(tag: tag, reason: Self.advice(tag)) }
            guard Self.primaryLanguage(tag) == language else {
                throw .badLanguageTag(tag: tag, reason: "the \(language == "zh" ? "Chinese" : "English") side needs a tag starting with '\(language)'")
            }
        }
        self.zh = zh
        self.en = en
    }

    /// Whether `tag` is a well-formed BCP-47 tag: a primary language of 2–3 letters (or `i`/`x`)
    /// and subtags of 1–8 letters or digits, separated by hyphens.
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count) || first == "x" || first == "i",
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The primary language subtag, lower case (zh-Hans-CN → zh).
    public static func primaryLanguage(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// Which side a tag read from a file belongs to: nil for other languages.
    public static func language(of tag: String) -> Language? {
        switch primaryLanguage(tag) {
        case "zh", "cmn", "zho", "chi": .zh
        case "en", "eng": .en
        default: nil
        }
    }

    private static func advice(_ tag: String) -> String {
        tag.contains("_") ? "not a BCP-47 language tag — write '\(tag.replacingOccurrences(of: "_", with: "-"))' (a hyphen, not an underscore)"
            : "not a BCP-47 language tag — use a tag such as zh-CN, zh-Hans, en-US or en"
    }

    /// zh-CN and en-US, the tags bitext writes unless told otherwise.
    public static var standard: LanguageTags { try! LanguageTags() }  // the defaults are well-formed
}
