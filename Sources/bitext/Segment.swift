import ArgumentParser
import BitextCore
import BitextFormats

extension Bitext {
    /// `bitext segment`: one sentence per line.
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a text into sentences, one per line.",
            discussion: """
                Reads any common encoding (detected, or --encoding). Paragraphs are blank-line-separated \
                blocks, or lines when the file has no blank lines; an empty file gives empty output.

                Example:
                  bitext segment Samples/chinamil-post-isis-era.txt -o sentences.txt
                  cat chapter.txt | bitext segment - --lang zh
                """
        )

        /// Which sentence rules to apply.
        enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
            case zh, en, auto
        }

        @Argument(help: "The text file to segment ('-' reads standard input).")
        var file: String

        @Option(help: "The text's language; auto decides per paragraph from its script.")
        var lang: LanguageChoice = .auto

        @OptionGroup var destination: OutputOptions

        @OptionGroup var input: InputOptions

        func run() throws {
            try reportingErrors {
                let out = try destination.open(inputs: [file])
                let document = try input.read(file)
                let segmenter = Segmenter(language: lang == .auto ? nil : Language(rawValue: lang.rawValue))
                let sentences = try segmenter.sentences(in: document)
                for s in sentences { try out.write(s.text + "\n") }
                try out.commit()
            }
        }
    }
}
