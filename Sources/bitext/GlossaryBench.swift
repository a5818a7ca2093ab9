import ArgumentParser
import BitextCore
import BitextFormats
import Foundation
import ICUKit

extension Bitext.Bench {
    /// `bitext bench glossary`: glossary building speed on a long text, alignment included.
    struct GlossaryBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Time building a glossary from a long pre-segmented text, alignment and dictionary load included, and each part alone.",
            discussion: """
                Example:
                  .build/release/bitext bench glossary ../shared/data/align/bible/002
                """
        )

        @OptionGroup var options: BenchOptions

        func run() throws {
            try reportingErrors {
                let (zh, en) = try options.sentences()
                var entries = 0
                let seconds = try Stopwatch.fastest(options.repeats) {
                    let dictionary = try DictionaryOptions.embedded()
                    let aligner = Aligner(dictionary: dictionary)
                    entries = try GlossaryBuilder(dictionary: dictionary).build(try aligner.align(zh: zh, en: en)).entries.count
                }
                print(String(format: "%d zh + %d en sentences → %d entries: %.2f s (alignment and dictionary load included), peak RSS %.0f MB",
                             zh.count, en.count, entries, seconds, Stopwatch.peakResidentMB()))
                // The two parts on their own: the alignment, then the glossary of that alignment.
                let dictionary = try DictionaryOptions.embedded()
                let aligner = Aligner(dictionary: dictionary)
                var alignment: Alignment? = nil
                let aligning = try Stopwatch.fastest(options.repeats) { alignment = try aligner.align(zh: zh, en: en) }
                let building = try Stopwatch.fastest(options.repeats) { _ = try GlossaryBuilder(dictionary: dictionary).build(alignment!) }
                print(String(format: "alignment %.2f s; glossary of the alignment %.2f s (%.2f× the alignment)", aligning, building, building / aligning))
                let timing = try Stopwatch.processRuns(["glossary", options.corpus + ".zh", options.corpus + ".en", "--presegmented",
                                                        "--quiet", "-o", "/dev/null"], repeats: options.repeats)
                print("bitext glossary: \(timing)")
            }
        }
    }
}
