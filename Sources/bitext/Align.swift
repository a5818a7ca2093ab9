import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext {
    /// `bitext align`: sentence pairs from a Chinese and an English text, or from one mixed page.
    struct Align: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align Chinese and English sentences.",
            discussion: """
                With two files, the first is Chinese and the second English; with one file (a page of \
                interleaved Chinese and English paragraphs) it is split first. Each bead links Chinese \
                and English sentences (1-1, 1-2, 2-1, … up to 4 a side, or a sentence left unmatched) \
                with a confidence in 0…1.

                Formats:
                  tsv    zh<TAB>en<TAB>confidence per bead (several sentences joined)
                  beads  [0]:[0,1] per bead, 0-based indices, zh first (score_align.py's format)
                  jsonl  one object per bead: zh_text, en_text, confidence, source
                  tmx    TMX 1.4b (beads with both sides), confidence and source as x- props
                  html   an editor for the browser: check, merge, split, move, export

                Example:
                  bitext align Samples/chinamil-post-isis-era.bilingual-excerpt.txt
                  bitext align book.zh book.en --presegmented --format beads -o book.align
                  bitext align a.zh a.en --format html -o a.html   (edit, export edits)
                  bitext align a.zh a.en --apply-edits a.edits.json --format tmx -o a.tmx
                """
        )

        /// Output formats of an alignment.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tsv, beads, jsonl, tmx, html
        }

        @OptionGroup var texts: ParallelTextOptions

        @Option(help: "Output format.")
        var format: Format = .tsv

        @OptionGroup var destination: OutputOptions

        @OptionGroup var dictionary: DictionaryOptions

        @OptionGroup var languages: LanguageTagOptions

        @OptionGroup var confidence: ConfidenceOptions

        @Option(help: ArgumentHelp("Replay the edits exported from the html editor (a JSON list) on the alignment before writing it.", valueName: "EDITS.json"))
        var applyEdits: String?

        @Flag(help: "Do not print the one-line summary (beads by shape, unmatched, flagged, time) on standard error.")
        var quiet = false

        func validate() throws {
            try texts.check(required: true)
            if confidence.minConfidence != nil && (format == .beads || format == .html) {
                throw ValidationError("--min-confidence is for tsv, jsonl and tmx output: the beads and html formats keep the whole alignment")
            }
        }

        func run() throws {
            try reportingErrors {
                let clock = Date()
                let out = try destination.open(inputs: texts.files + dictionary.dictionaries + (applyEdits.map { [$0] } ?? []))
                let edits = try applyEdits.map { path throws(BitextError) in (path, try EditsFile.read(path)) }
                let progress = Progress(steps: Progress.aligning + [.writing], files: texts.files, quiet: quiet)
                progress.report(.reading)
                let (zh, en) = try texts.read()
                var alignment = try Aligner(dictionary: try dictionary.load()).align(zh: zh, en: en, progress: progress)
                if let (path, list) = edits { alignment = try EditsFile.apply(list, from: path, to: alignment) }
                let sources = texts.sources
                let units = alignment.units(source: sources.zh, enSource: sources.en)
                var settings = try languages.settings(chinese: format == .tmx || format == .html ? zh : [])
                settings.title = "bitext alignment — \(texts.files.joined(separator: " + "))"
                progress.report(.writing)
                if format == .html {
                    try settings.editor(destination.output ?? "-").write(alignment, zhFile: sources.zh, enFile: sources.en, to: out)
                } else {
                    try settings.alignmentFormat(FormatKind(rawValue: format.rawValue)!, path: destination.output ?? "-")
                        .write(units.filter(confidence.keeps), to: out)
                }
                try out.commit()
                progress.finish()
                if !quiet {
                    let dropped = alignment.beads.filter { !confidence.keeps(confidence: $0.confidence) }.count
                    StandardError.print(Self.summary(alignment, since: clock) + confidence.note(dropped: dropped))
                }
            }
        }

        /// The line `align` ends with: the alignment's summary and the time taken.
        static func summary(_ alignment: BitextCore.Alignment, since start: Date) -> String {
            String(format: "bitext: %@, %.2f s", AlignmentSummary(alignment).line, Date().timeIntervalSince(start))
        }
    }
}
