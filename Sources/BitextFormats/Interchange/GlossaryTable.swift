import BitextCore
/// Glossaries as CSV (RFC 4180, UTF-8, optionally with a BOM for Excel) or TSV, with the header
/// `zh,en,pinyin,score,frequency,example_zh,example_en,variants` (further English renderings,
/// separated by "; "). In CSV, a cell starting with = + - @ gets
/// a leading apostrophe so that spreadsheets show it as text; reading removes it again.
public struct GlossaryTable: InterchangeFormat {
    public static let header = ["zh", "en", "pinyin", "score", "frequency", "example_zh", "example_en", "variants"]
    public let separator: Character
    public let byteOrderMark: Bool

    /// The encoding to read in instead of detecting it.
    public var encoding: String?

    public init(separator: Character, byteOrderMark: Bool, encoding: String? = nil) {
        self.separator = separator
        self.byteOrderMark = byteOrderMark
        self.encoding = encoding
    }

    private var guarded: Bool { separator == "," }

    public func begin(_ out: OutputFile) throws(BitextError) {
        if byteOrderMark { try out.write("\u{FEFF}") }
        try out.write(DelimitedText.line(Self.header, separator: separator))
    }

    public func write(_ e: TermEntry, number: Int, to out: OutputFile) throws(BitextError) {
        let cells = [e.zh, e.en, e.pinyin, String(format: "%.3f", e.score), String(e.frequency), e.exampleZh, e.exampleEn,
                     e.variants.joined(separator: "; ")]
        try out.write(DelimitedText.line(guarded ? cells.map(Self.formulaGuarded) : cells, separator: separator))
    }

    /// Whether a spreadsheet would take text starting like `text` (= + - @) for a formula, or
    /// `text` is such text behind apostrophes ('=A1, a user's own guard): both get one more.
    static func startsLikeAFormula(_ text: Substring) -> Bool {
        text.drop { $0 == "'" }.first.map { "=+-@".contains($0) } ?? false
    }

    /// `cell` with an apostrophe before a leading = + - @ (and before a user's own '=…, so that
    /// reading gives back exactly what was written).
    static func formulaGuarded(_ cell: String) -> String {
        startsLikeAFormula(cell[...]) ? "'" + cell : cell
    }

    /// `cell` without the one apostrophe `formulaGuarded` put before it.
    static func formulaUnguarded(_ cell: String) -> String {
        cell.hasPrefix("'") && startsLikeAFormula(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }

    /// Reads rows with a Chinese and an English column: named by a header (zh/source/chinese,
    /// en/target/english), else the first two.
    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TermEntry] {
        var rows = try DelimitedText.rows(text(bytes, source: source, encoding: encoding), separator: separator, source: source)
        var column: [String: Int] = ["zh": 0, "en": 1]
        if let header = rows.first?.fields.map({ $0.lowercased().trimmingCharacters(in: .whitespaces) }),
           let z = header.firstIndex(where: { ["zh", "source", "term_zh", "chinese"].contains($0) }),
           let e = header.firstIndex(where: { ["en", "target", "term_en", "english"].contains($0) }) {
            column = ["zh": z, "en": e]
            for name in Self.header.dropFirst(2) { column[name] = header.firstIndex(of: name) }
            rows.removeFirst()
        }
        return try rows.map { row throws(BitextError) in
            func field(_ name: String) -> String? {
                guard let k = column[name], k < row.fields.count else { return nil }
                return guarded ? Self.formulaUnguarded(row.fields[k]) : row.fields[k]
            }
            guard let zh = field("zh"), let en = field("en"), !zh.isEmpty, !en.isEmpty else {
                throw .badLine(path: source, line: row.line, reason: "expected a Chinese term and an English term separated by '\(separator == "\t" ? "\\t" : ",")'")
            }
            return TermEntry(zh: zh, en: en, pinyin: field("pinyin") ?? "", score: field("score").flatMap(Double.init) ?? 1,
                             frequency: field("frequency").flatMap { Int($0) } ?? 1,
                             exampleZh: field("example_zh") ?? "", exampleEn: field("example_en") ?? "",
                             variants: (field("variants") ?? "").components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespaces) }
                                 .filter { !$0.isEmpty })
        }
    }
}
