import ArgumentParser
import BitextCore
import BitextFormats

extension Bitext {
    /// `bitext split`: a mixed zh/en page into its Chinese and its English paragraphs.
    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a page of interleaved Chinese and English paragraphs into two files.",
            discussion: """
                Each paragraph goes to the side of its script (Han or Latin letters), one paragraph per \
                line, in order. Paragraphs with neither (a date, a number) are dropped unless --keep-neutral.

                Example:
                  bitext split Samples/chinamil-post-isis-era.bilingual-excerpt.txt \\
                    --zh article.zh --en article.en
                """
        )

        @Argument(help: "The mixed-language file ('-' reads standard input).")
        var file: String

        @Option(help: "Where to write the Chinese paragraphs.")
        var zh: String

        @Option(help: "Where to write the English paragraphs.")
        var en: String

        @Flag(help: "Keep paragraphs with neither Han nor Latin letters, on the English side.")
        var keepNeutral = false

        @Flag(help: "Write an empty side instead of stopping when the page has no Chinese or no English paragraphs.")
        var allowEmpty = false

        @OptionGroup var input: InputOptions


        func run() throws {
            try reportingErrors {
                let zhTarget = try OutputTarget(path: zh, inputs: [file]), enTarget = try OutputTarget(path: en, inputs: [file])
                if zh == en || zhTarget.sameFile(as: enTarget) {
                    throw BitextError.cannotWrite(path: en, reason: "--zh and --en name the same file — give two files")
                }
                let zhOut = try zhTarget.open(), enOut = try enTarget.open()
                let document = try input.read(file)
                let (zhDoc, enDoc) = LanguageSplitter(keepNeutral: keepNeutral).split(document)
                if !allowEmpty && !document.paragraphs.isEmpty {
                    for (doc, language) in [(zhDoc, Language.zh), (enDoc, .en)] where doc.paragraphs.isEmpty {
                        throw BitextError.noParagraphs(path: file, language: language)
                    }
                }
                for p in zhDoc.paragraphs { try zhOut.write(p.text + "\n") }
                for p in enDoc.paragraphs { try enOut.write(p.text + "\n") }
                try zhOut.commit()
                try enOut.commit()
            }
        }
    }
}
