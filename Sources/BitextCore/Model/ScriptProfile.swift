import ICUKit

/// How much Han and Latin a text holds; tells a Chinese paragraph from an English one.
public struct ScriptProfile: Sendable, Equatable {
    /// Number of Han characters.
    public private(set) var han = 0
    /// Number of Latin letters.
    public private(set) var latin = 0

    /// Counts the scripts of `text`.
    public init<S: StringProtocol>(_ text: S) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { latin += 1 }
                continue
            }
            switch Script(scalar) {
            case .han: han += 1
            case .latin: latin += 1
            case .other: break
            }
        }
    }

    /// Adds the counts of `other` (the profile of more text).
    public mutating func add(_ other: ScriptProfile) {
        han += other.han
        latin += other.latin
    }

    /// The text's language: Chinese when Han characters are at least a third as many as Latin
    /// letters (a Han character carries about a word), English when there are Latin letters,
    /// nil for neutral text (numbers, dates, punctuation).
    public var language: Language? {
        if han > 0 && han * 3 >= latin { return .zh }
        if latin > 0 { return .en }
        return nil
    }
}
