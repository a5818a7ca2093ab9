import BitextCore
import BitextFormats
import Foundation
import ICUKit

/// One progress bar for a whole command on standard error: the command's steps, each weighted by
/// its share of the time, fill one bar that ends at 100 % with the elapsed time. Redrawn in place
/// on a terminal; otherwise a line at each step and each further tenth of the run (a log file gets
/// no control characters). Shown only when the inputs are large enough to wait for.
final class Progress {
    /// A step of a command, with its share of the run time.
    enum Step: String {
        case reading = "reading the texts", features = "reading sentences", firstPass = "first pass",
             learning = "learning a lexicon", secondPass = "second pass", glossary = "building the glossary",
             wordLinks = "linking words", checking = "checking terms",
             writing = "writing", documents = "documents"

        /// Relative share of the time. Measured on bible/002 (9.9k beads, release build, the
        /// plain-line output gives each step's start): reading and features ≈ 25 %, the passes
        /// ≈ 30 % each, learning ≈ 10 %; the glossary's counting and the word links take about as
        /// long as the alignment. Wrong weights only make the bar move unevenly; it still ends at 100 %.
        var weight: Double {
            switch self {
            case .reading: 0.12
            case .features: 0.13
            case .firstPass, .secondPass: 0.3
            case .learning: 0.1
            case .glossary, .wordLinks: 1.0
            case .writing, .checking: 0.05
            case .documents: 1.0
            }
        }

        /// The aligner's stage as a step of the command.
        init(_ stage: Aligner.Stage) {
            switch stage {
            case .features: self = .features
            case .firstPass: self = .firstPass
            case .learning: self = .learning
            case .secondPass: self = .secondPass
            }
        }
    }

    /// The steps of aligning two texts.
    static let aligning: [Step] = [.reading, .features, .firstPass, .learning, .secondPass]

    /// Inputs below this many bytes show no progress: they take well under a second.
    static let minimumInputBytes = 200_000

    private let steps: [Step]
    private let enabled: Bool
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let start = Date()
    private var current: Step?
    private var lastDraw = 0.0
    private var lastTenth = -1

    /// Progress through `steps` of work on files of `inputBytes` bytes in all; none when `quiet`.
    init(steps: [Step], inputBytes: Int, quiet: Bool = false) {
        self.steps = steps
        enabled = !quiet && inputBytes >= Self.minimumInputBytes
    }

    /// Progress through `steps` of work on the files at `paths` (the standard input counts as large).
    convenience init(steps: [Step], files paths: [String], quiet: Bool = false) {
        let bytes = paths.reduce(0) { sum, path in
            sum + (path == "-" ? Self.minimumInputBytes : ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0))
        }
        self.init(steps: steps, inputBytes: bytes, quiet: quiet)
    }

    /// The share of the whole run done when `step` is `fraction` done.
    func overall(_ step: Step, _ fraction: Double) -> Double {
        guard let k = steps.firstIndex(of: step) else { return 0 }
        let total = steps.reduce(0) { $0 + $1.weight }
        let before = steps[..<k].reduce(0) { $0 + $1.weight }
        return min(1, (before + step.weight * min(max(fraction, 0), 1)) / total)
    }

    /// Reports `fraction` of `step` done.
    func report(_ step: Step, _ fraction: Double = 0) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start), done = overall(step, fraction)
        if isTerminal {
            guard step != current || elapsed - lastDraw > 0.1 else { return }
            lastDraw = elapsed
            draw(done, step.rawValue, elapsed)
        } else if step != current || Int(done * 10) > lastTenth {
            lastTenth = Int(done * 10)
            StandardError.print(String(format: "bitext: %3d%% %@ (%.1f s)", Int(done * 100), step.rawValue, elapsed))
        }
        current = step
    }

    /// Ends the display at 100 % with the elapsed time.
    func finish() {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        if isTerminal {
            draw(1, "done", elapsed)
            FileHandle.standardError.write(Data("\n".utf8))
        } else {
            StandardError.print(String(format: "bitext: 100%% done (%.1f s)", elapsed))
        }
    }

    private func draw(_ done: Double, _ label: String, _ elapsed: Double) {
        let filled = Int(done * 30)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled)
        let line = String(format: "\r[%@] %3d%% %.1f s  %@", bar, Int(done * 100), elapsed, label)
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }
}

extension Aligner {
    /// Aligns, telling `progress` how each stage goes.
    func align(zh: [Sentence], en: [Sentence], progress: Progress) throws(ICUError) -> BitextCore.Alignment {
        try align(zh: zh, en: en) { progress.report(Progress.Step($0), $1) }
    }
}
