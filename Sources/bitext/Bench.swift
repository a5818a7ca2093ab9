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

    /// Whole-process runs of this bitext binary: what a user waits for, start-up and dictionary
    /// load from a cold process included. Runs `arguments` `repeats` times as child processes
    /// (output to /dev/null) and reports wall time (best and median), CPU time (user + system,
    /// median), CPU/wall and the largest peak RSS of a run.
    static func processRuns(_ arguments: [String], repeats: Int) throws -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var walls: [Double] = [], cpus: [Double] = []
        func childCPU() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        for _ in 0..<repeats {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let (cpu, start) = (childCPU(), DispatchTime.now().uptimeNanoseconds)
            try process.run()
            process.waitUntilExit()
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpus.append(childCPU() - cpu)
            guard process.terminationStatus == 0 else {
                throw ValidationError("bitext \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        return String(format: "whole process (%d runs): wall best %.2f s, median %.2f s; CPU median %.2f s (CPU/wall %.2f); peak RSS %.0f MB",
                      repeats, walls.min()!, median(walls), median(cpus), median(cpus) / median(walls), Double(usage.ru_maxrss) / 1024)
    }

    /// Peak resident set size of this process so far, in MB.
    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

}
