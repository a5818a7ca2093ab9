/// Chinese term candidates of a sentence: runs of one to six ICU word segments (ICU splits
/// 伊斯兰国 into 伊斯兰 + 国, so terms are n-grams of segments) that do not cross punctuation other
/// than quotation marks and spaces, and hold no lone function character (的, 了, 在…).
enum ChineseTermCandidates {
    static let maxSegments = 6
    static let maxCharacters = 12

    /// The candidates of `sentence`, each as its text (quotation marks and spaces removed).
    static func candidates(_ sentence: String, segmenter: WordSegmenter) throws(ICUError) -> [String] {
        var runs: [[String]] = [[]]
        for token in try segmenter.tokens(in: sentence) {
            switch token.kind {
            case .ideograph, .word, .number: runs[runs.count - 1].append(token.text)
            case .punctuation:
                if !isTransparent(token.text) { runs.append([]) }
            }
        }
        var result: [String] = []
        for run in runs {
            for start in run.indices where isEdge(run[start]) {
                var text = ""
                for end in start..<min(run.count, start + maxSegments) {
                    if !isEdge(run[end]) { break }  // no lone function character (的, 了, 在…) inside a term
                    text += run[end]
                    if text.unicodeScalars.count > maxCharacters { break }
                    if text.unicodeScalars.contains(where: { Script($0) == .han }) { result.append(text) }
                }
            }
        }
        return result
    }

    /// Quotation marks, title marks and middle dots sit inside terms (“后伊斯兰国”时代).
    static func isTransparent(_ mark: String) -> Bool {
        ["“", "”", "‘", "’", "\"", "'", "「", "」", "『", "』", "《", "》", "·", "-", "－"].contains(mark)
    }

    /// A segment that can begin or end a term: not a lone function character.
    static func isEdge(_ segment: String) -> Bool {
        let scalars = segment.unicodeScalars
        return !(scalars.count == 1 && ChineseCharacters.isFunction(scalars.first!))
    }
}

import ICUKit
