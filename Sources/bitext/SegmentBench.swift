import ArgumentParser
import BitextCore
import BitextFormats
import Foundation
import ICUKit

extension Bitext.Bench {
    /// `bitext bench segment`: sentence segmentation throughput against raw ICU iteration.
    struct SegmentBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "segment",
            abstract: "Sentence segmentation MB/s for zh and en, next to raw ICU break iteration.",
            discussion: """
                Running text is made from the corpus by joining every 20 lines into a paragraph. Raw ICU: \
                ubrk_next over the text already in UTF-16, counting boundaries. bitext: sentence ranges of \
                each Swift String paragraph with all fixes (UTF-16 conversion included); the last column \
                also makes a String of every sentence.

                Example:
                  .build/release/bitext bench segment ../shared/data/align/bible/002
                """
        )

        @OptionGroup var options: BenchOptions

        func run() throws {
            try reportingErrors {
                print("language  MB       raw ICU MB/s  bitext MB/s  ratio  bitext to [String] MB/s")
                for language in Language.allCases {
                    let lines = try options.lines(language)
                    let joiner = language == .zh ? "" : " "
                    let paragraphs = stride(from: 0, to: lines.count, by: 20).map {
                        lines[$0..<min($0 + 20, lines.count)].joined(separator: joiner)
                    }
                    let megabytes = Double(paragraphs.reduce(0) { $0 + $1.utf8.count }) / 1e6
                    let units = paragraphs.map { Array($0.utf16) }
                    let iterator = try BreakIterator(.sentence, locale: language.rawValue)
                    var rawCount = 0
                    let raw = try Stopwatch.fastest(options.repeats) {
                        rawCount = 0
                        for u in units { rawCount += try iterator.countBoundaries(in: u) }
                    }
                    let segmenter = Segmenter(language: language)
                    var ours = 0
                    let mine = try Stopwatch.fastest(options.repeats) {
                        ours = 0
                        for p in paragraphs { ours += try segmenter.sentenceRanges(in: p, language: language).count }
                    }
                    let withStrings = try Stopwatch.fastest(options.repeats) {
                        for p in paragraphs { _ = try segmenter.sentences(in: p, language: language) }
                    }
                    print(language.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                          + String(format: "%-8.2f %-13.1f %-12.1f %-6.2f %.1f", megabytes, megabytes / raw, megabytes / mine,
                                   raw / mine, megabytes / withStrings))
                    StandardError.print("\(language.rawValue): \(ours) sentences (ICU alone: \(rawCount - units.count) breaks)")
                }
            }
        }
    }
}
