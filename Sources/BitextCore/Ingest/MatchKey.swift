import ICUKit

/// Makes match keys: NFKC, case-folded, Traditional Chinese mapped to Simplified, so that
/// "Ｉｓｌａｍｉｃ", "islamic" and "伊斯蘭國"/"伊斯兰国" meet. Keys are for matching, never for output.
/// Not safe for concurrent use.
public final class MatchKey {
    private let traditionalToSimplified: Transliterator
    private let fold = Normalizer(.nfkcCasefold)

    /// Opens the ICU transforms a key needs.
    public init() throws(ICUError) {
        traditionalToSimplified = try Transliterator("Hant-Hans")
    }

    /// The match key of `text`.
    public func key(_ text: String) -> String {
        var units = Array(text.utf16)
        units = (try? fold.normalize(units)) ?? units
        if ScriptProfile(text).han > 0 {
            units = (try? traditionalToSimplified.transform(units)) ?? units
        }
        return String(decoding: units, as: UTF16.self)
    }
}
