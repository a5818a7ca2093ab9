import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext {
    /// `bitext bench`: throughput benchmarks on a long corpus (release builds); for bitext's
    /// developers, so not listed in the top-level help.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure bitext's speed on a long corpus (use a release build).",
            discussion: """
                Example:
                  swift build -c release
                  .build/release/bitext bench segment ../shared/data/align/bible/002
                """,
            shouldDisplay: false,
            subcommands: [SegmentBench.self, AlignBench.self, GlossaryBench.self, LookupBench.self, ConvertBench.self]
        )
    }
}

/// Options every benchmark shares.
struct BenchOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Corpus path without extension: CORPUS.zh and CORPUS.en are read, one sentence per line.",
                                 valueName: "CORPUS"))
    var corpus: String

    @Option(help: "Timed repetitions; the fastest is reported.")
    var repeats = 5

    func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
    }

    /// The corpus as pre-segmented Chinese and English sentences.
    func sentences() throws -> (zh: [Sentence], en: [Sentence]) {
        let reader = DocumentReader()
        return (try reader.readSentencePerLine(path: corpus + ".zh", language: .zh),
                try reader.readSentencePerLine(path: corpus + ".en", language: .en))
    }

    /// The corpus lines of one side.
    func lines(_ language: Language) throws -> [String] {
        let document = try DocumentReader().read(path: "\(corpus).\(language.rawValue)")
        return document.paragraphs.map(\.text)
    }
}

/// Wall-clock timing for benchmarks.
enum Stopwatch {
    /// The fastest of `repeats` runs of `body`, in seconds.
    static func fastest(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Peak resident set size of this process so far, in MB.
    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

}
