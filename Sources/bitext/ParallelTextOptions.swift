import ArgumentParser
import BitextCore

/// The parallel texts named on a command line: two files (Chinese first), or one mixed-language
/// page that is split first; segmented unless pre-segmented.
struct ParallelTextOptions: ParsableArguments {
    @Argument(help: "The Chinese file and the English file, or one mixed-language file ('-' reads standard input).")
    var files: [String] = []

    @Flag(help: "The files hold one sentence per line already.")
    var presegmented = false

    @OptionGroup var input: InputOptions

    /// Checks the number of files (`required`: whether the command needs them).
    func check(required: Bool) throws {
        if required && (files.isEmpty || files.count > 2) {
            throw ValidationError("give a Chinese and an English file, or one mixed-language file")
        }
        if files.count == 2 && files[0] == "-" && files[1] == "-" { throw ValidationError("only one input can be standard input") }
    }

    /// The Chinese and English sentences of the files.
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
