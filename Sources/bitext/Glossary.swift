import ArgumentParser
import BitextCore
import BitextFormats
import Foundation
import ICUKit

extension GlossaryCuration.Order: ExpressibleByArgument {}

extension Bitext {
    /// `bitext glossary`: bilingual term candidates, paired and scored.
    struct Glossary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Build a bilingual glossary (terms paired with their translations) from parallel texts.",
            discussion: """
                Takes a Chinese and an English file, one mixed-language page, or (--alignment) an alignment \
                saved by `bitext align` as TSV, JSON Lines or TMX. CSV and TSV start with the header \
                zh,en,pinyin,score,frequency,example_zh,example_en,variants; CSV is RFC 4180, UTF-8 without BOM \
                (--excel adds one), and cells starting with = + - @ are guarded against spreadsheet formulas. \
                tbx is TBX-Basic (2008 martif; --tbx-version 3 for ISO 30042:2019), omegat an OmegaT \
                glossary (source, target, pinyin), html a review page.

                Example:
                  bitext glossary Samples/chinamil-post-isis-era.bilingual-excerpt.txt
                  bitext glossary paper.zh paper.en --presegmented --format tsv -o terms.tsv
                """
        )

        /// Output formats of a glossary.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, tsv, jsonl, tbx, omegat, html
        }

        @OptionGroup var input: AlignedTextOptions

        // Unconditional parsing takes a negative number as the value, so that it is refused for
        // what it is rather than read as an unknown option.
        @Option(parsing: .unconditional, help: ArgumentHelp("Keep terms that occur in at least N aligned sentence pairs.", valueName: "N"))
        var minFrequency = 1

        @Option(parsing: .unconditional, help: ArgumentHelp("""
            Leave out entries scoring below S (0…1; the score is the probability that the entry is a term). \
            Default: \(GlossaryCuration.Trim.minimumScore), or 0 (keep all) for texts under \(GlossaryCuration.Trim.shortText) sentence pairs.
            """, valueName: "S"))
        var minScore: Double?

        @Option(help: "Order of the entries: score (best first), frequency, zh or en.")
        var sort: GlossaryCuration.Order = .score

        @Flag(help: "Hide an entry that lies inside a longer one and occurs no more often.")
        var noNested = false

        @Option(help: "Output format.")
        var format: Format = .csv

        @OptionGroup var destination: OutputOptions

        @OptionGroup var dictionary: DictionaryOptions

        @OptionGroup var formats: FormatOptions

        @Flag(help: "Do not print the one-line summary (entries written and left out, time) on standard error.")
        var quiet = false

        func validate() throws {
            if minFrequency < 1 { throw ValidationError("--min-frequency is a number of sentence pairs, 1 or more (not \(minFrequency))") }
            if let minScore, !(0...1).contains(minScore) { throw ValidationError("--min-score is a score in 0…1 (not \(minScore))") }
        }

        func run() throws {
            try reportingErrors {
                let clock = Date()
                let out = try destination.open(inputs: input.inputs + self.dictionary.dictionaries)
                let texts = input.texts
                let dictionary = try self.dictionary.load()
                let builder = try GlossaryBuilder(dictionary: dictionary, minimumFrequency: minFrequency)
                var glossary: BitextCore.Glossary
                let source: String
                let progress = Progress(steps: (input.alignment == nil ? Progress.aligning : [.reading]) + [.glossary, .writing],
                                        files: input.inputs, quiet: quiet)
                progress.report(.reading)
                if let path = input.alignment {
                    source = path
                    let alignment = try FormatFiles.readAlignment(path, settings: formats.settings())
                    progress.report(.glossary)
                    glossary = try builder.build(alignment, source: source)
                } else {
                    let (zh, en) = try texts.read()
                    source = texts.files[0]
                    let aligner = Aligner(dictionary: dictionary)
                    let alignment = try aligner.align(zh: zh, en: en, progress: progress)
                    progress.report(.glossary)
                    glossary = try builder.build(alignment, source: source)
                }
                let built = glossary.entries.count
                let curation = GlossaryCuration(minimumScore: minScore, order: sort, hideNested: noNested)
                glossary = curation.apply(glossary)
                // The terms tell whether the Chinese is Traditional (zh-TW in TBX unless --zh-lang names a tag).
                let terms = format == .tbx ? glossary.entries.prefix(500).map { Sentence(text: $0.zh, language: .zh) } : []
                var settings = try formats.settings(chinese: terms)
                settings.title = "bitext glossary — \(source)"
                progress.report(.writing)
                try settings.glossaryFormat(FormatKind(rawValue: format.rawValue)!, path: destination.output ?? "-").write(glossary.entries, to: out)
                try out.commit()
                progress.finish()
                if !quiet { StandardError.print(summary(written: glossary, built: built, since: clock)) }
            }
        }

        /// The line `glossary` ends with: entries written, how many the curation left out and why, time.
        func summary(written glossary: BitextCore.Glossary, built: Int, since start: Date) -> String {
            let threshold = minScore ?? GlossaryCuration.defaultMinimumScore(for: glossary)
            let leftOut = built - glossary.entries.count
            let why = noNested ? "scoring below \(threshold) or inside longer entries" : "scoring below \(threshold); --min-score 0 keeps them"
            return "bitext: \(glossary.entries.count) entries from \(glossary.sentencePairs) sentence pairs"
                + (leftOut > 0 ? " (\(leftOut) more left out, \(why))" : "") + String(format: ", %.2f s", Date().timeIntervalSince(start))
        }
    }
}
