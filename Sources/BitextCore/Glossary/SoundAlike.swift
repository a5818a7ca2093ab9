/// How much a Chinese transliteration sounds like an English word: the longest common subsequence
/// of the term's toneless pinyin and the word, over the longer of the two (阿比特龙 abitelong ~
/// abiraterone 0.64, 泼尼松 ponisong ~ prednisone 0.6, but 阿比特龙 ~ prednisone 0.3). It tells
/// apart drug or place names that always occur together.
struct SoundAlike {
    let pinyin: Pinyin

    /// The similarity of `term` and the lower-case `word`, 0…1 (0 when the term has no pinyin).
    func similarity(_ term: String, _ word: String) -> Double {
        let spelled = Array(term.unicodeScalars.flatMap { pinyin.syllableBytes($0) })
        let english = Array(word.utf8)
        guard !spelled.isEmpty, !english.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: english.count + 1)
        var row = previous
        for a in spelled {
            for (j, b) in english.enumerated() {
                row[j + 1] = a == b ? previous[j] + 1 : max(previous[j + 1], row[j])
            }
            swap(&previous, &row)
        }
        return Double(previous[english.count]) / Double(max(spelled.count, english.count))
    }
}
