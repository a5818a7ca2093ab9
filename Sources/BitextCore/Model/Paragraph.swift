/// A paragraph of a document: NFC text and the 1-based source line it starts on.
public struct Paragraph: Sendable, Equatable {
    /// The paragraph text, NFC, lines of a wrapped paragraph joined.
    public var text: String
    /// The 1-based line of the source file where the paragraph starts.
    public var line: Int

    /// A paragraph with `text` starting at source `line`.
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
