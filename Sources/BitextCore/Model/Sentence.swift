/// One sentence of a document, in its language, with the source line it came from.
public struct Sentence: Sendable, Equatable, Hashable {
    /// The sentence text (NFC, trimmed).
    public var text: String
    /// The sentence's language.
    public var language: Language
    /// The 1-based source line of the paragraph the sentence is in (0 when unknown).
    public var line: Int

    /// A sentence in `language` from source `line`.
    public init(text: String, language: Language, line: Int = 0) {
        self.text = text
        self.language = language
        self.line = line
    }
}
