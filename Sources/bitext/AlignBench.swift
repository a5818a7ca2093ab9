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

        @Flag(help: "Also time whole processes on the corpus repeated to 5k, 10k, 20k, 40k and 80k English sentences, and print the growth exponent.")
        var scale = false

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
                let timing = try Stopwatch.processRuns(["align", options.corpus + ".zh", options.corpus + ".en", "--presegmented",
                                                        "--quiet", "-o", "/dev/null"], repeats: options.repeats)
                print("bitext align: \(timing)")
                if scale { try scaleReport(zh: zh.map(\.text), en: en.map(\.text)) }
            }
        }

        /// English sentence counts of the scale report.
        static let sizes = [5_000, 10_000, 20_000, 40_000, 80_000]

        /// Whole-process runs on the corpus cut or repeated to each size (the Chinese side in the
        /// corpus's proportion), and the least-squares slope of log median wall time over log size.
        private func scaleReport(zh: [String], en: [String]) throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-scale-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            print("English  Chinese   median wall  CPU/wall  peak RSS")
            var points: [(size: Double, seconds: Double, megabytes: Double)] = []
            for size in Self.sizes {
                let zhCount = size * zh.count / max(1, en.count)
                let base = folder.appendingPathComponent("\(size)").path
                try Self.cycled(zh, to: zhCount).write(toFile: base + ".zh", atomically: true, encoding: .utf8)
                try Self.cycled(en, to: size).write(toFile: base + ".en", atomically: true, encoding: .utf8)
                let timing = try Stopwatch.processRuns(["align", base + ".zh", base + ".en", "--presegmented", "--quiet", "-o", "/dev/null"],
                                                       repeats: options.repeats)
                print(String(format: "%-8d %-9d %8.2f s   %8.2f  %6.0f MB", size, zhCount, timing.medianWall,
                             timing.medianCPU / timing.medianWall, timing.peakMB))
                points.append((Double(size), timing.medianWall, timing.peakMB))
            }
            print(String(format: "growth from %d to %d English sentences: time n^%.2f, memory n^%.2f (least squares on logs)",
                         Self.sizes.first!, Self.sizes.last!, Self.slope(points.map { ($0.size, $0.seconds) }),
                         Self.slope(points.map { ($0.size, $0.megabytes) })))
        }

        /// The first `count` lines of `lines` repeated, one per line.
        static func cycled(_ lines: [String], to count: Int) -> String {
            guard !lines.isEmpty else { return "" }
            return (0..<count).map { lines[$0 % lines.count] }.joined(separator: "\n") + "\n"
        }

        /// The least-squares slope of log y over log x.
        static func slope(_ points: [(x: Double, y: Double)]) -> Double {
            let logs = points.map { (log($0.x), log($0.y)) }
            let mx = logs.map(\.0).reduce(0, +) / Double(logs.count), my = logs.map(\.1).reduce(0, +) / Double(logs.count)
            let sxy = logs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }, sxx = logs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
            return sxx > 0 ? sxy / sxx : 0
        }
    }
}
