/// A decoded text file: its name, the encoding it was read in, and its paragraphs.
public struct Document: Sendable, Equatable {
    /// Where the text came from (a path, or "-" for standard input).
    public var source: String
    /// The charset the bytes were decoded from (ICU name).
    public var encoding: String
    /// The paragraphs, in order.
    public var paragraphs: [Paragraph]

    /// A document from `source` with `paragraphs`.
    public init(source: String, encoding: String = "UTF-8", paragraphs: [Paragraph]) {
        self.source = source
        self.encoding = encoding
        self.paragraphs = paragraphs
    }
}
