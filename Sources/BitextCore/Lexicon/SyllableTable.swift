/// ICU's toneless syllables of characters as the dictionary image keeps them: UTF-8 lines
/// `character<TAB>syllable`, sorted by code point, indexed once and looked up by binary search, so
/// loading builds no string per character.
struct SyllableTable: Sendable {
    /// The lines.
    let lines: [UInt8]
    private let keys: [UInt32]
    private let starts: [Int32]
    private let ends: [Int32]

    /// The table of `lines`; a line that is not `character<TAB>syllable` is skipped.
    init(lines: [UInt8]) {
        var keys: [UInt32] = [], starts: [Int32] = [], ends: [Int32] = []
        var i = 0
        let n = lines.count
        while i < n {
            var end = i
            while end < n && lines[end] != 0x0A { end += 1 }
            defer { i = end + 1 }
            guard let tab = lines[i..<end].firstIndex(of: 0x09),
                  let key = String(decoding: lines[i..<tab], as: UTF8.self).unicodeScalars.first?.value,
                  keys.last.map({ $0 < key }) ?? true else { continue }
            keys.append(key)
            starts.append(Int32(tab + 1))
            ends.append(Int32(end))
        }
        self.lines = lines
        self.keys = keys
        self.starts = starts
        self.ends = ends
    }

    /// The table of `syllables` (code point → syllable).
    init(_ syllables: [UInt32: String]) {
        var lines: [UInt8] = []
        for key in syllables.keys.sorted() {
            guard let scalar = Unicode.Scalar(key) else { continue }
            lines += Array(String(Character(scalar)).utf8) + [0x09] + Array(syllables[key]!.utf8) + [0x0A]
        }
        self.init(lines: lines)
    }

    /// No syllables.
    static let empty = SyllableTable(lines: [])

    /// The syllable of code point `c`, or nil when the table has none.
    func syllable(_ c: UInt32) -> String? {
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < c { low = middle + 1 } else { high = middle }
        }
        guard low < keys.count, keys[low] == c else { return nil }
        return String(decoding: lines[Int(starts[low])..<Int(ends[low])], as: UTF8.self)
    }
}
