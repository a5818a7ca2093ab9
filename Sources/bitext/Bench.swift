import ArgumentParser
import BitextCore
import BitextFormats
import Foundation
import Synchronization

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
    /// median), CPU/wall and the largest peak RSS of a run (the child's `VmHWM`).
    static func processRuns(_ arguments: [String], repeats: Int) throws -> ProcessTiming {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var walls: [Double] = [], cpus: [Double] = [], peak = 0.0
        for _ in 0..<repeats {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let start = DispatchTime.now().uptimeNanoseconds
            guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
                throw ValidationError("cannot run \(executable)")
            }
            // The child's own high-water mark, sampled while this thread waits for it: its rusage
            // would also count the memory of this process, which it shares until it loads the binary.
            let sampler = HighWaterSampler(pid: pid)
            var status: Int32 = 0
            var usage = rusage()
            _ = wait4(pid, &status, 0, &usage)
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            let highWater = sampler.stop()
            cpus.append(Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
            peak = max(peak, highWater)
            guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {  // exited normally, with status 0
                throw ValidationError("bitext \(arguments.joined(separator: " ")) failed (wait status \(status))")
            }
        }
        return ProcessTiming(walls: walls, cpus: cpus, peakMB: peak)
    }

    /// The peak resident set size of process `pid` so far (`VmHWM` in /proc/PID/status), in MB; 0 once it is gone.
    static func highWaterMB(of pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    /// Peak resident set size of this process so far, in MB.
    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

}

/// Reads a running process's `VmHWM` every 2 ms on another thread until stopped.
private final class HighWaterSampler: Sendable {
    private let state = Mutex((running: true, peakMB: 0.0))
    private let finished = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        DispatchQueue.global().async { [self] in
            while state.withLock({ $0.running }) {
                let megabytes = Stopwatch.highWaterMB(of: pid)
                state.withLock { $0.peakMB = max($0.peakMB, megabytes) }
                usleep(2_000)
            }
            finished.signal()
        }
    }

    /// Stops sampling; the highest value read, in MB.
    func stop() -> Double {
        state.withLock { $0.running = false }
        finished.wait()
        return state.withLock { $0.peakMB }
    }
}

/// The figures of whole-process runs.
struct ProcessTiming: CustomStringConvertible {
    let walls: [Double]
    let cpus: [Double]
    /// The largest peak RSS of a run, in MB.
    let peakMB: Double

    var medianWall: Double { Self.median(walls) }
    var medianCPU: Double { Self.median(cpus) }

    private static func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }

    var description: String {
        String(format: "whole process (%d runs): wall best %.2f s, median %.2f s; CPU median %.2f s (CPU/wall %.2f); peak RSS %.0f MB",
               walls.count, walls.min()!, medianWall, medianCPU, medianCPU / medianWall, peakMB)
    }
}
