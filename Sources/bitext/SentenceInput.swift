import BitextCore

/// The Chinese and English sentences named on a command line: two files (Chinese first), or one
/// mixed-language page that is split first; segmented unless pre-segmented.
struct SentenceInput {
    let files: [String]
    let presegmented: Bool
    let input: InputOptions

    func read() throws -> (zh: [Sentence], en: [Sentence]) {
        if files.count == 1 {
            let (zhDoc, enDoc) = LanguageSplitter().split(try input.read(files[0]))
            if presegmented { return (Self.perParagraph(zhDoc, .zh), Self.perParagraph(enDoc, .en)) }
            return (try Segmenter(language: .zh).sentences(in: zhDoc), try Segmenter(language: .en).sentences(in: enDoc))
        }
        var result: [[Sentence]] = []
        for (path, language) in zip(files, [Language.zh, .en]) {
            if presegmented {
                let reader = DocumentReader(encoding: input.encoding, lenient: input.lenient)
                result.append(path == "-"
                    ? try reader.sentencePerLine(bytes: StandardInput.readAll(), source: "<stdin>", language: language)
                    : try reader.readSentencePerLine(path: path, language: language))
            } else {
                result.append(try Segmenter(language: language).sentences(in: input.read(path)))
            }
            if result.last!.isEmpty { throw BitextError.emptyInput(path: path) }
        }
        return (result[0], result[1])
    }

    private static func perParagraph(_ document: Document, _ language: Language) -> [Sentence] {
        document.paragraphs.enumerated().map { Sentence(text: $1.text, language: language, line: $1.line, paragraph: $0) }
    }
}
