import BitextCore
import Foundation

/// Reads an alignment saved by `bitext align` as TSV (zh, en, confidence) or JSON Lines.
enum SavedAlignment {
    static func read(_ path: String) throws -> BitextCore.Alignment {
        let (text, _) = try TextDecoder().decode(DocumentReader.bytes(at: path), source: path)
        var zh: [Sentence] = [], en: [Sentence] = [], beads: [Bead] = []
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let zhText: String, enText: String, confidence: Double
            if line.hasPrefix("{") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let z = object["zh_text"] as? String, let e = object["en_text"] as? String else {
                    throw BitextError.badLine(path: path, line: k + 1, reason: "expected a JSON object with zh_text and en_text")
                }
                (zhText, enText, confidence) = (z, e, object["confidence"] as? Double ?? 1)
            } else {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard cells.count >= 2 else {
                    throw BitextError.badLine(path: path, line: k + 1, reason: "expected zh<TAB>en<TAB>confidence")
                }
                (zhText, enText, confidence) = (String(cells[0]), String(cells[1]), cells.count > 2 ? Double(cells[2]) ?? 1 : 1)
            }
            let zhStart = zh.count, enStart = en.count
            if !zhText.isEmpty { zh.append(Sentence(text: zhText, language: .zh, line: k + 1)) }
            if !enText.isEmpty { en.append(Sentence(text: enText, language: .en, line: k + 1)) }
            beads.append(Bead(zh: zhStart..<zh.count, en: enStart..<en.count, confidence: confidence))
        }
        return BitextCore.Alignment(zh: zh, en: en, beads: beads)
    }
}
