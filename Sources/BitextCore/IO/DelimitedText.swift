import Foundation

/// Rows of comma- or tab-separated text (RFC 4180 quoting: fields in double quotes may hold the
/// separator, line breaks and doubled quotes).
public enum DelimitedText {
    /// One parsed row and the 1-based line it starts on.
    public struct Row: Sendable, Equatable {
        public var fields: [String]
        public var line: Int
    }

    /// One row, ended by CRLF for CSV and LF for TSV: a field holding the separator, a quote or a
    /// line break is quoted, its quotes doubled (RFC 4180).
    public static func line(_ fields: [String], separator: Character) -> String {
        fields.map { field in
            field.contains(where: { $0 == separator || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: String(separator)) + (separator == "," ? "\r\n" : "\n")
    }

    /// The rows of `text`; an unbalanced quote is an error naming `source` and the line.
    public static func rows(_ text: String, separator: Character, source: String) throws(BitextError) -> [Row] {
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
