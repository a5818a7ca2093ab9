import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext.Bench {
    /// `bitext bench align`: whole-book alignment speed and memory.
    struct AlignBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "align",
            abstract: "Time aligning a long pre-segmented text, dictionary load included; report peak memory.",
            discussion: """
                Example:
                  .build/release/bitext bench align ../shared/data/align/bible/002
                """
        )

        @OptionGroup var options: BenchOptions

        func run() throws {
            try reportingErrors {
                let (zh, en) = try options.sentences()
                var beads = 0
                let seconds = try Stopwatch.fastest(options.repeats) {
                    let aligner = Aligner(dictionary: try DictionaryOptions.embedded())
                    beads = try aligner.align(zh: zh, en: en).beads.count
                }
                let sentences = Double(zh.count + en.count)
                print(String(format: "%d zh + %d en sentences → %d beads: %.2f s (dictionary load included), %.0f sentences/s, peak RSS %.0f MB",
                             zh.count, en.count, beads, seconds, sentences / seconds, Stopwatch.peakResidentMB()))
                print("bitext align: " + (try Stopwatch.processRuns(["align", options.corpus + ".zh", options.corpus + ".en", "--presegmented",
                                                                     "--quiet", "-o", "/dev/null"], repeats: options.repeats)))
            }
        }
    }
}
