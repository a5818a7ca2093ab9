import ArgumentParser
import BitextCore
import BitextFormats

/// The parallel texts named on a command line: two files (Chinese first), or one mixed-language
/// page that is split first; segmented unless pre-segmented. Both sides are checked to be in
/// their language before any work.
struct ParallelTextOptions: ParsableArguments {
    @Argument(help: "The Chinese file and the English file, or one mixed-language file ('-' reads standard input).")
    var files: [String] = []

    @Flag(help: "The files hold one sentence per line already.")
    var presegmented = false

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Read the Chinese file in this encoding (two-file input).", valueName: "NAME"))
    var zhEncoding: String?

    @Option(help: ArgumentHelp("Read the English file in this encoding (two-file input).", valueName: "NAME"))
    var enEncoding: String?

    /// The names the Chinese and the English sentences come from (a mixed page names both).
    var sources: (zh: String, en: String) { (files[0], files.count > 1 ? files[1] : files[0]) }

    /// Checks the number of files (`required`: whether the command needs them).
    func check(required: Bool) throws {
        if required && (files.isEmpty || files.count > 2) {
            throw ValidationError("give a Chinese and an English file, or one mixed-language file")
        }
        if files.count == 2 && files[0] == "-" && files[1] == "-" { throw ValidationError("only one input can be standard input") }
        if files.count < 2 && (zhEncoding != nil || enEncoding != nil) {
            throw ValidationError("--zh-encoding and --en-encoding name the encodings of two files; for one file use --encoding")
        }
    }

    /// The Chinese and English sentences of the files.
    func read() throws -> (zh: [Sentence], en: [Sentence]) {
        if files.count == 1 {
            let (zhDoc, enDoc) = LanguageSplitter().split(try input.read(files[0]))
            for (doc, language) in [(zhDoc, Language.zh), (enDoc, .en)] where doc.paragraphs.isEmpty {
                throw BitextError.noParagraphs(path: files[0], language: language)
            }
            if presegmented { return (Self.perParagraph(zhDoc, .zh), Self.perParagraph(enDoc, .en)) }
            return (try Segmenter(language: .zh).sentences(in: zhDoc), try Segmenter(language: .en).sentences(in: enDoc))
        }
        return try Self.read(zh: files[0], en: files[1], presegmented: presegmented, input: input,
                             zhEncoding: zhEncoding, enEncoding: enEncoding)
    }

    /// The sentences of a Chinese and an English file ('-' is standard input), checked to be
    /// non-empty and in their languages.
    static func read(zh zhPath: String, en enPath: String, presegmented: Bool, input: InputOptions,
                     zhEncoding: String? = nil, enEncoding: String? = nil) throws -> (zh: [Sentence], en: [Sentence]) {
        var result: [[Sentence]] = []
        for (path, language, encoding) in [(zhPath, Language.zh, zhEncoding), (enPath, .en, enEncoding)] {
            let (bytes, source) = try InputOptions.bytes(of: path)
            if presegmented && !OfficeDocument.isArchive(bytes) && !HTMLDocument.isHTML(bytes, source: source) {
                let reader = DocumentReader(encoding: encoding ?? input.encoding, lenient: input.lenient)
                result.append(try reader.sentencePerLine(bytes: bytes, source: source, language: language))
            } else {  // a .docx, .odt or web page presegmented: one sentence per paragraph
                let document = try input.document(bytes, source: source, encoding: encoding)
                result.append(presegmented ? perParagraph(document, language) : try Segmenter(language: language).sentences(in: document))
            }
            if result.last!.isEmpty { throw BitextError.emptyInput(path: path) }
        }
        try LanguageCheck().verify(zh: result[0], zhSource: zhPath, en: result[1], enSource: enPath)
        return (result[0], result[1])
    }

    private static func perParagraph(_ document: Document, _ language: Language) -> [Sentence] {
        document.paragraphs.enumerated().map { Sentence(text: $1.text, language: language, line: $1.line, paragraph: $0) }
    }
}

/// Parallel texts to align, or (`--alignment`) an alignment saved by `bitext align`: the input of
/// commands that work on beads.
struct AlignedTextOptions: ParsableArguments {
    @OptionGroup var texts: ParallelTextOptions

    @Option(help: "Use the beads of an alignment saved by `bitext align` (TSV, JSON Lines or TMX) instead of aligning.")
    var alignment: String?

    func validate() throws {
        try texts.check(required: alignment == nil)
        if alignment != nil && !texts.files.isEmpty { throw ValidationError("--alignment replaces the input files") }
    }

    /// Every file read (so no output may be one of them).
    var inputs: [String] { texts.files + [alignment].compactMap { $0 } }

    /// The alignment (read, or made with `dictionary`) and the names of its Chinese and English sources.
    func aligned(progress: Progress, dictionary: () throws -> BilingualDictionary) throws -> (alignment: BitextCore.Alignment, zhFile: String, enFile: String) {
        progress.report(.reading)
        if let path = alignment {
            return (try FormatFiles.readAlignment(path, settings: FormatSettings(languages: .standard, notes: Notes.shared)), path, path)
        }
        let (zh, en) = try texts.read()
        let alignment = try Aligner(dictionary: try dictionary()).align(zh: zh, en: en, progress: progress)
        return (alignment, texts.sources.zh, texts.sources.en)
    }
}
