import ArgumentParser
import BitextCore

extension Bitext {
    /// `bitext split`: a mixed zh/en page into its Chinese and its English paragraphs.
    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a page of interleaved Chinese and English paragraphs into two files.",
            discussion: """
                Each paragraph goes to the side of its script (Han or Latin letters), one paragraph per \
                line, in order. Paragraphs with neither (a date, a number) are dropped unless --keep-neutral.

                Example:
                  bitext split Samples/chinamil-post-isis-era.bilingual-excerpt.txt --zh article.zh --en article.en
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

        @OptionGroup var input: InputOptions

        func validate() throws {
            if zh == en { throw ValidationError("--zh and --en must name different files") }
        }

        func run() throws {
            try reportingErrors {
                let (zhDoc, enDoc) = LanguageSplitter(keepNeutral: keepNeutral).split(try input.read(file))
                let zhOut = try OutputFile(path: zh)
                let enOut = try OutputFile(path: en)
                for p in zhDoc.paragraphs { try zhOut.write(p.text + "\n") }
                for p in enDoc.paragraphs { try enOut.write(p.text + "\n") }
                try zhOut.commit()
                try enOut.commit()
            }
        }
    }
}
