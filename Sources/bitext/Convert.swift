import ArgumentParser
import BitextCore
import BitextFormats

extension FormatKind: ExpressibleByArgument {}

extension Bitext {
    /// `bitext convert`: between alignment formats, or between glossary formats.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an alignment (tmx, tsv, jsonl) or a glossary (tbx, omegat, csv, tsv, jsonl) to another format.",
            discussion: """
                Formats are told from the file names (.tmx .tbx .utf8 .csv .tsv .jsonl; a .txt starting with \
                OmegaT's magic line is an OmegaT glossary) and, for the input, from its content; --from and \
                --to name them. TSV and JSON Lines hold either kind: a TSV with a zh<TAB>en… header, or JSON \
                objects without zh_text, are glossaries.

                Example:
                  bitext convert book.tsv book.tmx
                  bitext convert terms.csv terms.tbx --tbx-version 3
                  bitext convert terms.tbx terms.txt --to omegat
                  some-tool | bitext convert - memory.tmx --from tsv
                """
        )

        @Argument(help: "The file to read ('-' reads standard input; give --from).")
        var input: String

        @Argument(help: "The file to write (written atomically; - for standard output).")
        var output: String

        @Option(help: "Format of the input (default: told from its name and content).")
        var from: FormatKind?

        @Option(help: "Format of the output (default: told from its name).")
        var to: FormatKind?

        @OptionGroup var formats: FormatOptions

        @OptionGroup var confidence: ConfidenceOptions

        @Option(help: ArgumentHelp("Read a text-based input (TSV, CSV, OmegaT, JSON Lines) in this encoding instead of detecting it; XML says its own.",
                                   valueName: "NAME"))
        var encoding: String?

        func validate() throws {
            if input == "-" && from == nil { throw ValidationError("standard input has no name to tell its format by: add --from FORMAT") }
        }

        func run() throws {
            try reportingErrors {
                var settings = try formats.settings()
                settings.encoding = encoding
                let target = try OutputTarget(path: output, inputs: [input])
                // Standard input is read whole; a file is only looked at here, and read (XML streamed) by its format.
                let stdin = input == "-" ? StandardInput.readAll() : nil
                let head = if let stdin { FormatKind.head(stdin) } else { try FormatKind.head(path: input) }
                let inKind = try FormatFiles.kind(of: input, head: head, named: from)
                guard let outKind = to ?? FormatKind.detect(path: output, head: "") else {
                    throw BitextError.unknownFormat(path: output, reason: "cannot tell the output format from the name — add --to FORMAT")
                }
                // Both formats are checked before anything is read or written.
                // Units go from the reader to the writer one at a time (TMX and TBX are read from the file as they are written).
                var dropped = 0
                func copy<Unit>(_ reader: any InterchangeFormat<Unit>, _ writer: any InterchangeFormat<Unit>) throws(BitextError) {
                    let out = try target.open()
                    try writer.begin(out)
                    var number = 0
                    func write(_ unit: Unit) throws(BitextError) {
                        if let pair = unit as? TranslationUnit, !confidence.keeps(pair) { dropped += 1; return }
                        number += 1
                        try writer.write(unit, number: number, to: out)
                    }
                    if let stdin {
                        for unit in try reader.read(stdin, source: "<stdin>") { try write(unit) }
                    } else {
                        try reader.forEach(path: input, write)
                    }
                    try writer.end(out)
                    try out.commit()
                }
                if inKind.holdsGlossary(head: head) {
                    if confidence.minConfidence != nil {
                        throw BitextError.unknownFormat(path: input, reason: "a glossary has no alignment confidence: --min-confidence is for translation memories")
                    }
                    try copy(settings.glossaryFormat(inKind, path: input), settings.glossaryFormat(outKind, path: output))
                } else {
                    try copy(settings.alignmentFormat(inKind, path: input), settings.alignmentFormat(outKind, path: output))
                }
                if dropped > 0 { StandardError.print("bitext:" + confidence.note(dropped: dropped).dropFirst()) }
            }
        }
    }
}
