/// A paragraph of a document: NFC text and the 1-based source line it starts on.
public struct Paragraph: Sendable, Equatable {
    /// Where a further source line of a wrapped paragraph starts: its UTF-8 offset in the
    /// paragraph's text and its line number.
    public struct Continuation: Sendable, Equatable {
        public var offset: Int
        public var line: Int

        public init(offset: Int, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    /// The paragraph text, NFC, lines of a wrapped paragraph joined.
    public var text: String
    /// The 1-based line of the source file where the paragraph starts.
    public var line: Int
    /// The further source lines of a wrapped paragraph, in order (empty for a paragraph on one line).
    public var continuations: [Continuation]

    /// A paragraph with `text` starting at source `line`, its wrapped lines starting at `continuations`.
    public init(text: String, line: Int, continuations: [Continuation] = []) {
        self.text = text
        self.line = line
        self.continuations = continuations
    }

    /// The source line holding the character at UTF-8 offset `offset` of `text`.
    public func line(atOffset offset: Int) -> Int {
        continuations.last { $0.offset <= offset }?.line ?? line
    }
}
