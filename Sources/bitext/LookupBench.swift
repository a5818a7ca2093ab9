import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext.Bench {
    /// `bitext bench lookup`: glossary lookup speed over a long text.
    struct LookupBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookup",
            abstract: "Time finding a glossary's terms in a long text, Chinese and English sides.",
            discussion: """
                The glossary is made from the corpus itself: its most frequent Chinese words of two to four \
                characters that CC-CEDICT lists, each with the first gloss as its English (so the terms do \
                occur on both sides).

                Example:
                  .build/release/bitext bench lookup ../shared/data/align/bible/002 --entries 5000
                """
        )

        @OptionGroup var options: BenchOptions

        @Option(help: "Glossary entries.")
        var entries = 5000

        func run() throws {
            try reportingErrors {
                let zhText = try options.lines(.zh).joined(separator: "\n")
                let enText = try options.lines(.en).joined(separator: "\n")
                let glossary = try Self.glossary(from: zhText, size: entries)
                let matcher = try TermMatcher(entries: glossary)
                var zhHits = 0, enHits = 0
                let zhSeconds = Stopwatch.fastest(options.repeats) { zhHits = TermLookup.hits(in: zhText, matcher: matcher, languages: [.zh]).count }
                let enSeconds = Stopwatch.fastest(options.repeats) { enHits = TermLookup.hits(in: enText, matcher: matcher, languages: [.en]).count }
                for (side, text, seconds, hits) in [("zh", zhText, zhSeconds, zhHits), ("en", enText, enSeconds, enHits)] {
                    let mb = Double(text.utf8.count) / 1e6
                    print(String(format: "%@: %d entries over %.2f MB: %d hits in %.3f s, %.1f MB/s", side, glossary.count, mb, hits, seconds, mb / seconds))
                }
            }
        }

        /// The `size` most frequent dictionary words of two to four characters in `text`, with their first gloss.
        static func glossary(from text: String, size: Int) throws -> [TermEntry] {
            let dictionary = try DictionaryOptions.embedded()
            var counts: [String: Int] = [:]
            let chars = Array(text)
            for i in chars.indices {
                for n in 2...4 where i + n <= chars.count {
                    let word = String(chars[i..<(i + n)])
                    if dictionary.contains(HanKey(word)) { counts[word, default: 0] += 1 }
                }
            }
            return counts
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(size)
                .compactMap { word, _ in
                    let gloss = dictionary.glossFields(HanKey(word)).first?.split(separator: "/").first { !$0.hasPrefix("CL:") }
                    return gloss.map { TermEntry(zh: word, en: String($0).trimmingCharacters(in: .whitespaces)) }
                }
        }
    }
}
