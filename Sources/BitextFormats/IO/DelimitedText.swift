import BitextCore
import Foundation

/// Rows of comma- or tab-separated text. CSV follows RFC 4180 (fields in double quotes may hold the
/// separator, line breaks and doubled quotes). TSV follows its own convention, what `cut -f2`,
/// hunalign and LF Aligner expect: plain fields, no quoting, a tab or line break inside a field
/// written as a space; on reading, a field is unwrapped only when it is wholly in double quotes
/// with every inner quote doubled (so `"Go," he said.` stays as it is).
public enum DelimitedText {
    /// One parsed row and the 1-based line it starts on.
    public struct Row: Sendable, Equatable {
        public var fields: [String]
        public var line: Int
    }

    /// One row, ended by CRLF for CSV and LF for TSV. CSV: a field holding the separator, a quote or a
    /// line break is quoted, its quotes doubled (RFC 4180). TSV: fields as they are, tabs and line
    /// breaks as spaces; only a field that itself starts and ends with a quote is quoted, so that
    /// reading gives it back.
    public static func line(_ fields: [String], separator: Character) -> String {
        if separator == "\t" { return fields.map(tsvField).joined(separator: "\t") + "\n" }
        return fields.map { field in
            field.contains(where: { $0 == separator || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: String(separator)) + (separator == "," ? "\r\n" : "\n")
    }

    static func tsvField(_ field: String) -> String {
        if field.utf8.first != UInt8(ascii: "\"") && !mayBreakLine(field.utf8) { return field }  // most fields: as they are
        let flat = field.contains(where: { $0 == "\t" || $0.isNewline }) ? String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 }) : field
        guard flat.count >= 2, flat.hasPrefix("\""), flat.hasSuffix("\"") else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `bytes` may hold a tab or a line break (what `Character.isNewline` accepts: U+000A–000D,
    /// U+0085, U+2028, U+2029), found without splitting the text into characters.
    static func mayBreakLine(_ bytes: String.UTF8View) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in bytes {
            if (0x09...0x0D).contains(b) || (previous.1 == 0xC2 && b == 0x85) || (previous == (0xE2, 0x80) && (b == 0xA8 || b == 0xA9)) {
                return true
            }
            previous = (previous.1, b)
        }
        return false
    }

    /// A TSV field as read: unwrapped when wholly in quotes with every inner quote doubled, else as written.
    static func tsvValue(_ field: Substring) -> String {
        guard field.count >= 2, field.first == "\"", field.last == "\"" else { return String(field) }
        var value = ""
        var i = field.index(after: field.startIndex)
        let end = field.index(before: field.endIndex)
        while i < end {
            if field[i] == "\"" {
                let next = field.index(after: i)
                guard next < end, field[next] == "\"" else { return String(field) }  // a lone quote: not RFC quoting
                value.append("\"")
                i = field.index(after: next)
            } else {
                value.append(field[i])
                i = field.index(after: i)
            }
        }
        return value
    }

    /// The rows of `text` (blank lines skipped): TSV as plain tab-separated lines, CSV by RFC 4180,
    /// where an unbalanced quote is an error naming `source` and the line.
    public static func rows(_ text: String, separator: Character, source: String) throws(BitextError) -> [Row] {
        if separator == "\t" {
            return TextLines.split(text).enumerated().compactMap { k, line in
                line.isEmpty ? nil : Row(fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(tsvValue), line: k + 1)
            }
        }
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, rowLine = 1, quoteLine = 1
        var fieldStarted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(fields: fields, line: rowLine)) }
            fields = []
            field = ""
            fieldStarted = false
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case separator:
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw .badLine(path: source, line: quoteLine, reason: "a quoted field is never closed — add the missing \"") }
        if fieldStarted || !fields.isEmpty { endRow() }
        return rows
    }
}
