import BitextCore
/// Reads user dictionaries into a `BilingualDictionary`: CC-CEDICT format, or a glossary in any
/// format bitext reads (TBX, OmegaT, CSV, TSV, JSON Lines; CSV/TSV with the Chinese term first and
/// the English second, or columns named by a header such as zh/source and en/target).
public enum DictionaryFile {
    /// Adds the entries of the file at `path` to `dictionary`; returns how many were added.
    @discardableResult
    public static func load(_ path: String, into dictionary: inout BilingualDictionary,
                            settings: FormatSettings = FormatSettings(languages: .standard)) throws(BitextError) -> Int {
        let before = dictionary.count
        let head = try FormatKind.head(path: path)
        let firstLine = head.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#") } ?? ""
        if firstLine.contains(" [") && firstLine.contains("/") && !firstLine.contains("\t") {
            let bytes = try DocumentReader.bytes(at: path)
            try dictionary.addCEDICT(Array(try TextDecoder().decode(bytes, source: path).text.utf8), source: path)
            return dictionary.count - before
        }
        let kind = FormatKind.detect(path: path, head: head) ?? .csv
        try settings.glossaryFormat(kind, path: path).forEach(path: path) { entry in
            for english in [entry.en] + entry.variants { dictionary.add(headword: entry.zh, english: english) }
        }
        return dictionary.count - before
    }
}
