import BitextCore
import Foundation

/// Writes an alignment as TSV, bead notation or JSON Lines.
struct AlignmentWriter {
    let format: Bitext.Align.Format

    func write(_ alignment: Alignment, to out: OutputFile) throws(BitextError) {
        for bead in alignment.beads {
            let zh = bead.zh.map { alignment.zh[$0].text }
            let en = bead.en.map { alignment.en[$0].text }
            let confidence = String(format: "%.3f", bead.confidence)
            switch format {
            case .beads:
                try out.write(BeadNotation.line(bead) + "\n")
            case .tsv:
                try out.write("\(TabSeparated.cell(zh.joined()))\t\(TabSeparated.cell(en.joined(separator: " ")))\t\(confidence)\n")
            case .jsonl:
                let object: [String: Any] = [
                    "zh": Array(bead.zh), "en": Array(bead.en),
                    "zh_text": zh.joined(), "en_text": en.joined(separator: " "),
                    "confidence": (bead.confidence * 1000).rounded() / 1000,
                ]
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
                try out.write(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }

}
