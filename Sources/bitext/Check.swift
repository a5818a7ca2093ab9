import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension TerminologyCheck.Kind: ExpressibleByArgument {}

extension Bitext {
    /// `bitext check`: terminology QA of a translation against glossaries.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a translation's terminology, numbers and completeness against glossaries.",
            discussion: """
                Aligns the texts (or reads --alignment), then reports per bead: term-not-used (a glossary \
                term in the Chinese whose English, or any variant, is not in the English), inconsistent \
                (a term rendered by different glossary renderings in the text), number-mismatch (a number \
                in digits on one side found on the other in no form: digits, Chinese numerals, English \
                number words), untranslated (Chinese characters in the English), missing-translation (an \
                unmatched sentence). --skip KIND leaves a kind out. Exit status: 0 nothing found, 2 \
                findings reported, 1 an error.

                Example:
                  bitext check Samples/chinamil-post-isis-era.bilingual-excerpt.txt \\
                    --glossary Glossaries/chinamil-post-isis-era.csv
                  bitext check book.zh book.en --presegmented --glossary terms.tbx \\
                    --skip missing-translation --format html -o qa.html
                """
        )

        /// Output formats of findings.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tsv, jsonl, html
        }

        @OptionGroup var source: AlignedTextOptions

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: ArgumentHelp("Leave out findings of this kind (term-not-used, inconsistent, number-mismatch, untranslated, missing-translation); repeatable.",
                                   valueName: "KIND"))
        var skip: [TerminologyCheck.Kind] = []

        @Option(help: "Output format.")
        var format: Format = .tsv

        @OptionGroup var destination: OutputOptions

        @OptionGroup var dictionary: DictionaryOptions

        func run() throws {
            var found = 0
            try reportingErrors {
                let out = try destination.open(inputs: source.inputs + glossary.glossaries + dictionary.dictionaries)
                let set = try glossary.load()
                let progress = Progress(steps: (source.alignment == nil ? Progress.aligning : [.reading]) + [.checking, .writing],
                                        files: source.inputs)
                let (aligned, zhFile, enFile) = try source.aligned(progress: progress) { try dictionary.load() }
                progress.report(.checking)
                let check = TerminologyCheck(matcher: try TermMatcher(entries: set.entries),
                                             kinds: Set(TerminologyCheck.Kind.allCases).subtracting(skip))
                let findings = check.findings(in: aligned, zhFile: zhFile, enFile: enFile)
                progress.report(.writing)
                switch format {
                case .tsv: try TermReports.writeTSV(findings, to: out)
                case .jsonl: try TermReports.writeJSONLines(findings, to: out)
                case .html: try ReviewPage(title: "bitext check — \(zhFile)").write(findings: findings, to: out)
                }
                try out.commit()
                progress.finish()
                let byKind = Dictionary(grouping: findings, by: \.kind).mapValues(\.count)
                StandardError.print("bitext: \(findings.count) findings" + (findings.isEmpty ? "" : ": ")
                    + TerminologyCheck.Kind.allCases.compactMap { k in byKind[k].map { "\($0) \(k.rawValue)" } }.joined(separator: ", "))
                found = findings.count
            }
            if found > 0 { throw ExitCode(2) }
        }
    }
}
