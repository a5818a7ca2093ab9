import BitextCore
import Foundation

/// Writes a glossary as CSV (RFC 4180, formula-guarded), TSV or JSON Lines.
struct GlossaryWriter {
    let format: Bitext.Glossary.Format
    static let header = ["zh", "en", "pinyin", "score", "frequency", "example_zh", "example_en"]

    func write(_ glossary: BitextCore.Glossary, to out: OutputFile) throws(BitextError) {
        if format != .jsonl { try out.write(row(Self.header)) }
        for e in glossary.entries {
            switch format {
            case .csv, .tsv:
                try out.write(row([e.zh, e.en, e.pinyin, String(format: "%.3f", e.score), String(e.frequency), e.exampleZh, e.exampleEn]))
            case .jsonl:
                let object: [String: Any] = [
                    "zh": e.zh, "en": e.en, "pinyin": e.pinyin, "score": e.score, "frequency": e.frequency,
                    "example_zh": e.exampleZh, "example_en": e.exampleEn, "references": e.references, "variants": e.variants,
                ]
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
                try out.write(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }

    private func row(_ cells: [String]) -> String {
        switch format {
        case .tsv: cells.map(TabSeparated.cell).joined(separator: "\t") + "\n"
        default: cells.map(Self.csvCell).joined(separator: ",") + "\r\n"
        }
    }

    /// An RFC 4180 cell; one starting with = + - @ gets a leading apostrophe so spreadsheets show it as text.
    static func csvCell(_ text: String) -> String {
        var cell = text
        if let first = cell.first, "=+-@".contains(first) { cell = "'" + cell }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }
}
