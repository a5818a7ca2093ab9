/// A paragraph of a document: NFC text and the 1-based source line it starts on.
public struct Paragraph: Sendable, Equatable {
    /// The paragraph text, NFC, lines of a wrapped paragraph joined.
    public var text: String
    /// The 1-based line of the source file where the paragraph starts.
    public var line: Int
    /// Where each further source line of a wrapped paragraph starts: its UTF-8 offset in `text`
    /// and its line number, in order (empty for a paragraph on one line).
    public var continuations: [(offset: Int, line: Int)]

    /// A paragraph with `text` starting at source `line`, its wrapped lines starting at `continuations`.
    public init(text: String, line: Int, continuations: [(offset: Int, line: Int)] = []) {
        self.text = text
        self.line = line
        self.continuations = continuations
    }

    /// The source line holding the character at UTF-8 offset `offset` of `text`.
    public func line(atOffset offset: Int) -> Int {
        continuations.last { $0.offset <= offset }?.line ?? line
    }

    public static func == (a: Paragraph, b: Paragraph) -> Bool {
        a.text == b.text && a.line == b.line && a.continuations.map(\.offset) == b.continuations.map(\.offset)
            && a.continuations.map(\.line) == b.continuations.map(\.line)
    }
}
