import Foundation

/// JSON Lines: one JSON object per line.
enum JSONLines {
    /// `object` as one line (keys sorted, slashes not escaped).
    static func line(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The objects of `text` with their 1-based lines; a line that is not a JSON object is an error.
    static func objects(_ text: String, source: String) throws(BitextError) -> [(object: [String: Any], line: Int)] {
        var result: [(object: [String: Any], line: Int)] = []
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw .badLine(path: source, line: k + 1, reason: "not a JSON object")
            }
            result.append((object, k + 1))
        }
        return result
    }

    /// The string field `key` of `object`, required.
    static func string(_ object: [String: Any], _ key: String, line: Int, source: String) throws(BitextError) -> String {
        guard let value = object[key] as? String else {
            throw .badLine(path: source, line: line, reason: "the object has no text field \"\(key)\"")
        }
        return value
    }
}

/// Alignments as JSON Lines: `{"confidence":0.97,"en_text":"…","source":"a.zh:3","zh_text":"…"}` per bead.
public struct AlignmentJSONLines: InterchangeFormat {
    public init() {}

    public func write(_ units: some Sequence<TranslationUnit>, to out: OutputFile) throws(BitextError) {
        for unit in units {
            var object: [String: Any] = ["zh_text": unit.zh, "en_text": unit.en]
            if let c = unit.confidence { object["confidence"] = (c * 1000).rounded() / 1000 }
            if let s = unit.source { object["source"] = s }
            try out.write(JSONLines.line(object))
        }
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TranslationUnit] {
        try JSONLines.objects(text(bytes, source: source), source: source).map { o, line throws(BitextError) in
            TranslationUnit(zh: try JSONLines.string(o, "zh_text", line: line, source: source),
                            en: try JSONLines.string(o, "en_text", line: line, source: source),
                            confidence: (o["confidence"] as? NSNumber)?.doubleValue, source: o["source"] as? String)
        }
    }
}

/// Glossaries as JSON Lines: every field of an entry, references and variants included.
public struct GlossaryJSONLines: InterchangeFormat {
    public init() {}

    public func write(_ entries: some Sequence<TermEntry>, to out: OutputFile) throws(BitextError) {
        for e in entries {
            try out.write(JSONLines.line([
                "zh": e.zh, "en": e.en, "pinyin": e.pinyin, "score": e.score, "frequency": e.frequency,
                "example_zh": e.exampleZh, "example_en": e.exampleEn, "references": e.references, "variants": e.variants,
            ]))
        }
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TermEntry] {
        try JSONLines.objects(text(bytes, source: source), source: source).map { o, line throws(BitextError) in
            TermEntry(zh: try JSONLines.string(o, "zh", line: line, source: source),
                      en: try JSONLines.string(o, "en", line: line, source: source),
                      pinyin: o["pinyin"] as? String ?? "", score: (o["score"] as? NSNumber)?.doubleValue ?? 1,
                      frequency: (o["frequency"] as? NSNumber)?.intValue ?? 1,
                      exampleZh: o["example_zh"] as? String ?? "", exampleEn: o["example_en"] as? String ?? "",
                      references: o["references"] as? [String] ?? [], variants: o["variants"] as? [String] ?? [])
        }
    }
}
