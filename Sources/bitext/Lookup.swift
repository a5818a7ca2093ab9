import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext {
    /// `bitext lookup`: a glossary's terms found in a new text.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find a glossary's terms in a text (Chinese or English), with line and column.",
            discussion: """
                Chinese terms are matched longest first, Simplified and Traditional alike, never inside a \
                longer term of the glossary; English terms and their variants case-insensitively at word \
                boundaries, with simple inflections (terrorists finds terrorist); all-capital abbreviations \
                (ISIS, IS) only in capitals. A count per entry goes to standard error.

                Formats:
                  tsv    location, matched text, zh, en, variants, pinyin, score per hit
                  jsonl  one object per hit
                  html   the text with the terms highlighted, translations on hover, and the counts

                Example:
                  bitext lookup Samples/voa-islamic-state-recruits-china.txt \\
                    --glossary Glossaries/chinamil-post-isis-era.csv
                """
        )

        /// Which side of the entries to look for.
        enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
            case zh, en, auto
        }

        /// Output formats of hits.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tsv, jsonl, html
        }

        @Argument(help: "The text to search ('-' reads standard input).")
        var file: String

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: "Look for the Chinese terms (zh), the English ones (en), or both (auto).")
        var lang: LanguageChoice = .auto

        @Option(help: "Output format.")
        var format: Format = .tsv

        @OptionGroup var destination: OutputOptions

        @OptionGroup var input: InputOptions

        func run() throws {
            try reportingErrors {
                let out = try destination.open(inputs: [file] + glossary.glossaries)
                let set = try glossary.load()
                let bytes = file == "-" ? StandardInput.readAll() : try DocumentReader.bytes(at: file)
                let source = file == "-" ? "<stdin>" : file
                let text = try TextDecoder(encoding: input.encoding, lenient: input.lenient).decode(bytes, source: source).text
                let matcher = try TermMatcher(entries: set.entries)
                let languages: Set<Language> = lang == .auto ? [.zh, .en] : [lang == .zh ? .zh : .en]
                let hits = TermLookup.hits(in: text, matcher: matcher, languages: languages)
                switch format {
                case .tsv: try TermReports.writeTSV(hits, entries: set.entries, source: source, to: out)
                case .jsonl: try TermReports.writeJSONLines(hits, entries: set.entries, source: source, to: out)
                case .html: try ReviewPage(title: "bitext lookup — \(source)").write(text: text, hits: hits, entries: set.entries, to: out)
                }
                try out.commit()
                let counts = TermLookup.counts(hits)
                StandardError.print("bitext: \(counts.count) of \(set.entries.count) glossary entries found, \(hits.count) times")
                for (entry, count) in counts {
                    let e = set.entries[entry]
                    StandardError.print("  \(count)\t\(e.zh)\t\(e.en)")
                }
            }
        }
    }
}
