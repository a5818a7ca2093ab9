import ArgumentParser
import BitextCore

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
                """
        )

        @Argument(help: "The file to read.")
        var input: String

        @Argument(help: "The file to write (written atomically; - for standard output).")
        var output: String

        @Option(help: "Format of the input (default: told from its name and content).")
        var from: FormatKind?

        @Option(help: "Format of the output (default: told from its name).")
        var to: FormatKind?

        @OptionGroup var formats: FormatOptions

        func run() throws {
            try reportingErrors {
                let settings = try formats.settings()
                let inKind = try FormatFiles.kind(of: input, named: from)
                guard let outKind = to ?? FormatKind.detect(path: output, head: "") else {
                    throw BitextError.unknownFormat(path: output, reason: "cannot tell the output format from the name — add --to FORMAT")
                }
                let isGlossary = inKind.holdsGlossary(head: try FormatFiles.head(of: input))
                // Check the output format before anything is read or written.
                let out: OutputFile
                if isGlossary {
                    let writer = try settings.glossaryFormat(outKind, path: output)
                    let entries = try settings.glossaryFormat(inKind, path: input).read(path: input)
                    out = try OutputFile(path: output)
                    try writer.write(entries, to: out)
                } else {
                    let writer = try settings.alignmentFormat(outKind, path: output)
                    let units = try settings.alignmentFormat(inKind, path: input).read(path: input)
                    out = try OutputFile(path: output)
                    try writer.write(units, to: out)
                }
                try out.commit()
            }
        }
    }
}
