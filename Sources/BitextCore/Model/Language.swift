/// The two languages bitext works between.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// The ICU locale used for this language's break rules.
    var icuLocale: String { rawValue }
}
