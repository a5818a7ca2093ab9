/// One sentence of a document, in its language, with where it came from.
public struct Sentence: Sendable, Equatable, Hashable {
    /// The sentence text (NFC, trimmed).
    public var text: String
    /// The sentence's language.
    public var language: Language
    /// The 1-based source line the sentence starts on (0 when unknown).
    public var line: Int
    /// The index of the paragraph the sentence is in, or nil when the text came one sentence per
    /// line and its paragraphs are unknown. The aligner keeps beads from straddling paragraphs.
    public var paragraph: Int?

    /// A sentence in `language` from source `line`, in paragraph `paragraph` if known.
    public init(text: String, language: Language, line: Int = 0, paragraph: Int? = nil) {
        self.text = text
        self.language = language
        self.line = line
        self.paragraph = paragraph
    }

    /// `file:line` of the sentence in `file`; nil when the file or the line is unknown.
    public func reference(in file: String?) -> String? {
        file.flatMap { line > 0 ? "\($0):\(line)" : nil }
    }
}
