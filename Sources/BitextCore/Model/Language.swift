/// The two languages bitext works between.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// The ICU locale used for this language's break rules.
    var icuLocale: String { rawValue }
}

extension Language {
    /// The other language of the pair.
    var other: Language { self == .zh ? .en : .zh }
    /// The language's name in messages.
    var name: String { self == .zh ? "Chinese" : "English" }
}
