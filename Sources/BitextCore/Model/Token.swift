/// A word-level token of a sentence: its text, its UTF-16 range in the sentence, and its kind.
public struct Token: Sendable, Equatable, Hashable {
    /// What a token is made of.
    public enum Kind: Sendable, Equatable, Hashable {
        /// Letters (Latin or other alphabetic words).
        case word
        /// Han characters (a dictionary word or a single character).
        case ideograph
        /// A number.
        case number
        /// Punctuation or a symbol.
        case punctuation
    }

    /// The token text.
    public var text: String
    /// UTF-16 offsets of the token in its sentence.
    public var range: Range<Int>
    /// What the token is.
    public var kind: Kind

    /// A token of `kind` spanning `range`.
    public init(text: String, range: Range<Int>, kind: Kind) {
        self.text = text
        self.range = range
        self.kind = kind
    }
}
