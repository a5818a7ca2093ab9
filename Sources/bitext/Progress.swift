import BitextCore
import BitextFormats
import Foundation
import ICUKit

/// Progress on standard error: a bar redrawn in place on a terminal, a line per stage otherwise.
final class Progress {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var lastStage = ""
    private var lastDraw = 0.0
    private let enabled: Bool

    /// Progress for work on `items` items; small jobs show nothing.
    init(items: Int) {
        enabled = items >= 2000
    }

    /// Reports `fraction` of `stage` done.
    func report(_ stage: String, _ fraction: Double) {
        guard enabled else { return }
        if isTerminal {
            let now = Date().timeIntervalSince1970
            guard stage != lastStage || now - lastDraw > 0.1 || fraction >= 1 else { return }
            lastDraw = now
            let filled = Int(fraction * 30)
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled)
            FileHandle.standardError.write(Data("\r\(stage.padding(toLength: 20, withPad: " ", startingAt: 0)) [\(bar)] \(Int(fraction * 100))%".utf8))
        } else if stage != lastStage {
            StandardError.print("bitext: \(stage)…")
        }
        lastStage = stage
    }

    /// Ends the progress display.
    func finish() {
        if enabled && isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

extension Aligner {
    /// Aligns with progress on standard error for long inputs.
    func alignShowingProgress(zh: [Sentence], en: [Sentence]) throws(ICUError) -> BitextCore.Alignment {
        let progress = Progress(items: zh.count + en.count)
        defer { progress.finish() }
        return try align(zh: zh, en: en) { progress.report($0.rawValue, $1) }
    }
}
