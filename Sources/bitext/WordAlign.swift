import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext {
    /// `bitext wordalign`: word links inside the aligned sentence pairs.
    struct WordAlign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wordalign",
            abstract: "Link the words of aligned sentence pairs (EM word alignment inside beads).",
            discussion: """
                Aligns the sentences first (or reads --alignment), then links Chinese units (ICU words; \
                the characters of words the dictionaries lack) to English words: IBM Model 1, then a \
                diagonal-preferring model, in both directions, symmetrised by grow-diag-final-and, with \
                the dictionaries, pinyin of names and identical numbers as priors.

                Formats:
                  pharaoh  zh tokens ||| en tokens ||| 0-0 1-2 … per bead (fast_align/eflomal's convention)
                  jsonl    one object per bead: zh and en sentence indices, tokens, links

                Example:
                  bitext wordalign Samples/chinamil-post-isis-era.bilingual-excerpt.txt
                  bitext wordalign paper.zh paper.en --presegmented --format jsonl \\
                    -o links.jsonl
                """
        )

        /// Output formats of word links.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case pharaoh, jsonl
        }

        @OptionGroup var source: AlignedTextOptions

        @Option(help: "Output format.")
        var format: Format = .pharaoh

        @OptionGroup var destination: OutputOptions

        @OptionGroup var dictionary: DictionaryOptions

        func run() throws {
            try reportingErrors {
                let out = try destination.open(inputs: source.inputs + dictionary.dictionaries)
                let dictionary = try self.dictionary.load()
                let progress = Progress(steps: (source.alignment == nil ? Progress.aligning : [.reading]) + [.wordLinks, .writing],
                                        files: source.inputs)
                let aligned = try source.aligned(progress: progress) { dictionary }.alignment
                progress.report(.wordLinks)
                let beads = try WordAligner(dictionary: dictionary).align(aligned)
                progress.report(.writing)
                for bead in beads {
                    try out.write(format == .pharaoh ? Self.pharaoh(bead) + "\n" : JSONLines.line(Self.object(bead)))
                }
                try out.commit()
                progress.finish()
            }
        }

        /// `zh tokens ||| en tokens ||| 0-0 1-2`.
        static func pharaoh(_ b: BeadWordLinks) -> String {
            b.zh.map(\.text).joined(separator: " ") + " ||| " + b.en.map(\.text).joined(separator: " ") + " ||| "
                + b.links.map { "\($0.zh)-\($0.en)" }.joined(separator: " ")
        }

        /// One JSON object: the bead's sentence indices, its tokens and links.
        static func object(_ b: BeadWordLinks) -> [String: Any] {
            ["zh": Array(b.bead.zh), "en": Array(b.bead.en),
             "zh_tokens": b.zh.map(\.text), "en_tokens": b.en.map(\.text),
             "links": b.links.map { [$0.zh, $0.en] }]
        }
    }
}
