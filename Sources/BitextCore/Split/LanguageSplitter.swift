/// Splits a mixed Chinese/English document (paragraphs interleaved, as on bilingual news pages)
/// into its Chinese and its English paragraphs, by each paragraph's script content.
public struct LanguageSplitter: Sendable {
    /// Keep paragraphs with neither Han nor Latin letters (dates, numbers), on the English side.
    public var keepNeutral: Bool

    /// A splitter; neutral paragraphs are dropped unless `keepNeutral`.
    public init(keepNeutral: Bool = false) {
        self.keepNeutral = keepNeutral
    }

    /// The Chinese and the English paragraphs of `document`, each in document order.
    public func split(_ document: Document) -> (zh: Document, en: Document) {
        var zh: [Paragraph] = []
        var en: [Paragraph] = []
        for p in document.paragraphs {
            switch ScriptProfile(p.text).language {
            case .zh: zh.append(p)
            case .en: en.append(p)
            case nil: if keepNeutral { en.append(p) }
            }
        }
        return (Document(source: document.source, encoding: document.encoding, paragraphs: zh),
                Document(source: document.source, encoding: document.encoding, paragraphs: en))
    }
}
