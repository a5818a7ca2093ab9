/// Reads user dictionaries into a `BilingualDictionary`: CC-CEDICT format, or a glossary as CSV or
/// TSV with the Chinese term first and the English second (a header row naming `zh`/`source`
/// and `en`/`target` columns is recognised).
public enum DictionaryFile {
    /// Adds the entries of the file at `path` to `dictionary`; returns how many were added.
    @discardableResult
    public static func load(_ path: String, into dictionary: BilingualDictionary) throws(BitextError) -> Int {
        let bytes = try DocumentReader.bytes(at: path)
        let (text, _) = try TextDecoder().decode(bytes, source: path)
        let before = dictionary.count
        let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#") } ?? ""
        if firstLine.contains(" [") && firstLine.contains("/") {
            try dictionary.addCEDICT(Array(text.utf8), source: path)
            return dictionary.count - before
        }
        let separator: Character = firstLine.contains("\t") ? "\t" : ","
        var rows = try DelimitedText.rows(text, separator: separator, source: path)
        var zhColumn = 0, enColumn = 1
        if let header = rows.first?.fields.map({ $0.lowercased().trimmingCharacters(in: .whitespaces) }),
           let z = header.firstIndex(where: { ["zh", "source", "term_zh", "chinese"].contains($0) }),
           let e = header.firstIndex(where: { ["en", "target", "term_en", "english"].contains($0) }) {
            zhColumn = z
            enColumn = e
            rows.removeFirst()
        }
        for row in rows {
            guard row.fields.count > max(zhColumn, enColumn) else {
                throw .badLine(path: path, line: row.line, reason: "expected a Chinese term and an English term separated by '\(separator == "\t" ? "\\t" : ",")'")
            }
            let zh = row.fields[zhColumn].trimmingCharacters(in: .whitespaces)
            let en = row.fields[enColumn].trimmingCharacters(in: .whitespaces)
            if !zh.isEmpty && !en.isEmpty { dictionary.add(headword: zh, english: en) }
        }
        return dictionary.count - before
    }
}

import Foundation
