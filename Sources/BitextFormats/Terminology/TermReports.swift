import BitextCore
import Foundation

/// The TSV and JSON Lines reports of `bitext lookup` and `bitext check`.
public enum TermReports {
    /// Lookup hits: `location  matched  zh  en  variants  pinyin  score`, a header first; `source`
    /// names the text in locations (`file:line:column`).
    public static func writeTSV(_ hits: [TermLookup.Hit], entries: [TermEntry], source: String, to out: OutputFile) throws(BitextError) {
        try out.write(DelimitedText.line(["location", "matched", "zh", "en", "variants", "pinyin", "score"], separator: "\t"))
        for h in hits {
            let e = entries[h.match.entry]
            try out.write(DelimitedText.line(["\(source):\(h.line):\(h.column)", h.match.matched, e.zh, e.en, e.variants.joined(separator: "; "),
                                              e.pinyin, score(e)], separator: "\t"))
        }
    }

    /// Lookup hits, one JSON object a line.
    public static func writeJSONLines(_ hits: [TermLookup.Hit], entries: [TermEntry], source: String, to out: OutputFile) throws(BitextError) {
        for h in hits {
            let e = entries[h.match.entry]
            try out.write(JSONLines.line([
                "source": "\(source):\(h.line):\(h.column)", "line": h.line, "column": h.column,
                "language": h.match.language.rawValue, "matched": h.match.matched,
                "zh": e.zh, "en": e.en, "variants": e.variants, "pinyin": e.pinyin, "score": e.score,
            ]))
        }
    }

    /// Check findings: `kind  zh_source  en_source  term  expected  zh  en`, a header first.
    public static func writeTSV(_ findings: [TerminologyCheck.Finding], to out: OutputFile) throws(BitextError) {
        try out.write(DelimitedText.line(["kind", "zh_source", "en_source", "term", "expected", "zh", "en"], separator: "\t"))
        for f in findings {
            try out.write(DelimitedText.line([f.kind.rawValue, f.zhSource, f.enSource, f.term, f.expected, f.zh, f.en], separator: "\t"))
        }
    }

    /// Check findings, one JSON object a line.
    public static func writeJSONLines(_ findings: [TerminologyCheck.Finding], to out: OutputFile) throws(BitextError) {
        for f in findings {
            try out.write(JSONLines.line([
                "kind": f.kind.rawValue, "zh_source": f.zhSource, "en_source": f.enSource, "term": f.term,
                "expected": f.expected, "zh_text": f.zh, "en_text": f.en,
            ]))
        }
    }

    private static func score(_ e: TermEntry) -> String { String(format: "%.3f", e.score) }
}
