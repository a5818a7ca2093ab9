import BitextCore
/// Alignments as tab-separated rows `zh<TAB>en<TAB>confidence<TAB>zh_source<TAB>en_source`, one
/// per bead, no header (each source a `file:line`, empty for a side without sentences), written
/// and read as plain TSV (see `DelimitedText`). Rows of two to four fields are read too.
public struct AlignmentTable: InterchangeFormat {
    /// The encoding to read in instead of detecting it.
    public var encoding: String?

    public init(encoding: String? = nil) { self.encoding = encoding }

    public func write(_ unit: TranslationUnit, number: Int, to out: OutputFile) throws(BitextError) {
        let fields = [unit.zh, unit.en, unit.confidence.map { String(format: "%.3f", $0) } ?? "", unit.source ?? "", unit.enSource ?? ""]
        try out.write(DelimitedText.line(fields, separator: "\t"))
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TranslationUnit] {
        try DelimitedText.rows(text(bytes, source: source, encoding: encoding), separator: "\t", source: source).map { row throws(BitextError) in
            guard row.fields.count >= 2 else {
                throw .badLine(path: source, line: row.line, reason: "expected zh<TAB>en<TAB>confidence")
            }
            let confidence = row.fields.count > 2 && !row.fields[2].isEmpty ? Double(row.fields[2]).flatMap { (0...1).contains($0) ? $0 : nil } : nil
            if row.fields.count > 2 && !row.fields[2].isEmpty && confidence == nil {
                throw .badLine(path: source, line: row.line, reason: "the third field '\(row.fields[2])' is not a confidence (a number from 0 to 1)")
            }
            return TranslationUnit(zh: row.fields[0], en: row.fields[1], confidence: confidence,
                                   source: row.fields.count > 3 && !row.fields[3].isEmpty ? row.fields[3] : nil,
                                   enSource: row.fields.count > 4 && !row.fields[4].isEmpty ? row.fields[4] : nil)
        }
    }
}
