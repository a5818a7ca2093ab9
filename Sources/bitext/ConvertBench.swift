import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext.Bench {
    /// `bitext bench convert`: converting a large TMX, as a whole process, with its peak memory.
    struct ConvertBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Time converting a generated TMX of a given size to TSV, and report the converting process's peak memory.",
            discussion: """
                Writes a TMX of about --megabytes MB (the corpus's sentence pairs, repeated) to a temporary \
                folder, then runs `bitext convert big.tmx big.tsv` as a child process and reports its wall \
                time and peak resident memory (the child's, from wait4).

                Example:
                  .build/release/bitext bench convert ../shared/data/align/bible/002 --megabytes 200
                """
        )

        @OptionGroup var options: BenchOptions

        @Option(help: "Size of the generated TMX, in MB.")
        var megabytes = 200

        func run() throws {
            try reportingErrors {
                let (zh, en) = try options.sentences()
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-bench-\(getpid())")
                try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: dir) }
                let tmx = dir.appendingPathComponent("big.tmx").path, tsv = dir.appendingPathComponent("big.tsv").path
                let format = TMXFormat(languages: .standard)
                let out = try OutputFile(path: tmx)
                try format.begin(out)
                var written = 0, units = 0
                let target = megabytes * 1_000_000
                while written < target {
                    for k in 0..<min(zh.count, en.count) where written < target {
                        let unit = TranslationUnit(zh: zh[k].text, en: en[k].text, confidence: 0.9, source: "bench:\(k + 1)")
                        units += 1
                        try format.write(unit, number: units, to: out)
                        written += unit.zh.utf8.count + unit.en.utf8.count + 205  // the markup around a unit, about
                    }
                }
                try format.end(out)
                try out.commit()
                let size = (try FileManager.default.attributesOfItem(atPath: tmx)[.size] as? NSNumber)?.intValue ?? 0
                var best = Double.infinity, peak = 0
                for _ in 0..<options.repeats {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let child = try Self.run(CommandLine.arguments[0], ["convert", tmx, tsv])
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    peak = max(peak, child.peakKB)
                    if child.status != 0 { throw BitextError.unreadable(path: tmx, reason: "convert exited with status \(child.status)") }
                }
                print(String(format: "%.1f MB TMX, %d units → TSV: %.2f s (best of %d), %.1f MB/s, peak RSS of the converting process %.0f MB",
                             Double(size) / 1e6, units, best, options.repeats, Double(size) / 1e6 / best, Double(peak) / 1024))
            }
        }

        /// Runs `executable arguments…` and returns its exit status and peak resident memory in KB.
        static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, peakKB: Int) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            try process.run()
            var status: Int32 = 0
            var usage = rusage()
            wait4(process.processIdentifier, &status, 0, &usage)
            return ((status >> 8) & 0xFF, usage.ru_maxrss)
        }
    }
}
