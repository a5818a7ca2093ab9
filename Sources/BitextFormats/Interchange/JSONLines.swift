import BitextCore
import Foundation

/// JSON Lines: one JSON object per line.
public enum JSONLines {
    /// `object` as one line (keys sorted, slashes not escaped). A number JSON cannot hold (NaN,
    /// infinity) is left out, so the line is never lost.
    public static func line(_ object: [String: Any]) -> String {
        let finite = object.compactMapValues { value -> Any? in
            if let d = value as? Double, !d.isFinite { return nil }
            return value
        }
        guard let data = try? JSONSerialization.data(withJSONObject: finite, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            preconditionFailure("JSON Lines object of strings, numbers and arrays could not be serialised")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The objects of `text` with their 1-based lines; a line that is not a JSON object is an error.
    static func objects(_ text: String, source: String) throws(BitextError) -> [(object: [String: Any], line: Int)] {
        var result: [(object: [String: Any], line: Int)] = []
        for (k, line) in TextLines.split(text).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            // Foundation's parser drops a raw U+FEFF that follows an escape ("\n\u{FEFF}"); written
            // as the escape \uFEFF it is kept (outside a string it is no JSON either way).
            let escaped = trimmed.contains("\u{FEFF}") ? trimmed.replacingOccurrences(of: "\u{FEFF}", with: "\\uFEFF") : trimmed
            guard let object = try? JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: Any] else {
                throw .badLine(path: source, line: k + 1, reason: "not a JSON object")
            }
            for (key, value) in object {
                if let s = value as? String, s.unicodeScalars.contains("\u{0}") {
                    throw .badLine(path: source, line: k + 1, reason: "\"\(key)\" holds U+0000 (\\u0000), which no text format bitext writes can keep")
                }
            }
            result.append((object, k + 1))
        }
        return result
    }

    /// The number field `key` of `object`, if present: finite and, when `range` is given, inside it.
    static func number(_ object: [String: Any], _ key: String, in range: ClosedRange<Double>? = nil, line: Int, source: String)
        throws(BitextError) -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let n = value as? NSNumber, n.doubleValue.isFinite, range.map({ $0.contains(n.doubleValue) }) ?? true else {
            let bounds = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
            throw .badLine(path: source, line: line, reason: "\"\(key)\" is \(value), not a number\(bounds)")
        }
        return n.doubleValue
    }

    /// The whole-number field `key` of `object`, if present, from 0 to Int32.max.
    static func count(_ object: [String: Any], _ key: String, line: Int, source: String) throws(BitextError) -> Int? {
        guard let d = try number(object, key, in: 0...Double(Int32.max), line: line, source: source) else { return nil }
        guard d.rounded() == d else { throw .badLine(path: source, line: line, reason: "\"\(key)\" is \(d), not a whole number") }
        return Int(d)
    }

    /// The sentence-index field `key` of `object`, if present: consecutive 0-based indices ([3, 4], or []).
    static func indices(_ object: [String: Any], _ key: String, line: Int, source: String) throws(BitextError) -> Range<Int>? {
        guard let value = object[key] else { return nil }
        guard let numbers = value as? [NSNumber], let first = numbers.first.map({ $0.intValue }) ?? .some(0),
              first >= 0, numbers.enumerated().allSatisfy({ $0.element.intValue == first + $0.offset }) else {
            throw .badLine(path: source, line: line, reason: "\"\(key)\" is \(value), not consecutive sentence indices such as [3, 4]")
        }
        return first..<(first + numbers.count)
    }

    /// The language-tag field `key` of `object`, if present: a BCP-47 tag.
    static func tag(_ object: [String: Any], _ key: String, line: Int, source: String) throws(BitextError) -> String? {
        guard let value = object[key] else { return nil }
        guard let tag = value as? String, LanguageTags.isWellFormed(tag) else {
            throw .badLine(path: source, line: line, reason: "\"\(key)\" is \(value), not a language tag (BCP-47, e.g. zh-TW)")
        }
        return tag
    }

    /// The string field `key` of `object`, required.
    static func string(_ object: [String: Any], _ key: String, line: Int, source: String) throws(BitextError) -> String {
        guard let value = object[key] as? String else {
            throw .badLine(path: source, line: line, reason: "the object has no text field \"\(key)\"")
        }
        return value
    }
}

/// Alignments as JSON Lines, one bead per line: `{"confidence":0.97,"en":[4],"en_source":"a.en:5","en_text":"…",
/// "source":"a.zh:3","zh":[2],"zh_text":"…"}` (sentence indices, each side's file:line, and
/// `zh_lang`/`en_lang` when a unit has tags of its own).
public struct AlignmentJSONLines: InterchangeFormat {
    /// The encoding to read in instead of detecting it.
    public var encoding: String?

    public init(encoding: String? = nil) { self.encoding = encoding }

    public func write(_ unit: TranslationUnit, number: Int, to out: OutputFile) throws(BitextError) {
        var object: [String: Any] = ["zh_text": unit.zh, "en_text": unit.en]
        if let c = unit.confidence { object["confidence"] = (c * 1000).rounded() / 1000 }
        if let s = unit.source { object["source"] = s }
        if let tag = unit.zhLanguage { object["zh_lang"] = tag }
        if let tag = unit.enLanguage { object["en_lang"] = tag }
        if let s = unit.enSource { object["en_source"] = s }
        if let r = unit.zhSentences { object["zh"] = Array(r) }
        if let r = unit.enSentences { object["en"] = Array(r) }
        try out.write(JSONLines.line(object))
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TranslationUnit] {
        try JSONLines.objects(text(bytes, source: source, encoding: encoding), source: source).map { o, line throws(BitextError) in
            TranslationUnit(zh: try JSONLines.string(o, "zh_text", line: line, source: source),
                            en: try JSONLines.string(o, "en_text", line: line, source: source),
                            confidence: try JSONLines.number(o, "confidence", in: 0...1, line: line, source: source),
                            source: o["source"] as? String,
                            zhLanguage: try JSONLines.tag(o, "zh_lang", line: line, source: source),
                            enLanguage: try JSONLines.tag(o, "en_lang", line: line, source: source),
                            enSource: o["en_source"] as? String,
                            zhSentences: try JSONLines.indices(o, "zh", line: line, source: source),
                            enSentences: try JSONLines.indices(o, "en", line: line, source: source))
        }
    }
}

/// Glossaries as JSON Lines: every field of an entry, references and variants included.
public struct GlossaryJSONLines: InterchangeFormat {
    /// The encoding to read in instead of detecting it.
    public var encoding: String?

    public init(encoding: String? = nil) { self.encoding = encoding }

    public func write(_ e: TermEntry, number: Int, to out: OutputFile) throws(BitextError) {
        try out.write(JSONLines.line([
            "zh": e.zh, "en": e.en, "pinyin": e.pinyin, "score": e.score, "frequency": e.frequency,
            "example_zh": e.exampleZh, "example_en": e.exampleEn, "references": e.references, "variants": e.variants,
        ]))
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TermEntry] {
        try JSONLines.objects(text(bytes, source: source, encoding: encoding), source: source).map { o, line throws(BitextError) in
            TermEntry(zh: try JSONLines.string(o, "zh", line: line, source: source),
                      en: try JSONLines.string(o, "en", line: line, source: source),
                      pinyin: o["pinyin"] as? String ?? "",
                      score: try JSONLines.number(o, "score", in: 0...1, line: line, source: source) ?? 1,
                      frequency: try JSONLines.count(o, "frequency", line: line, source: source) ?? 1,
                      exampleZh: o["example_zh"] as? String ?? "", exampleEn: o["example_en"] as? String ?? "",
                      references: o["references"] as? [String] ?? [], variants: o["variants"] as? [String] ?? [])
        }
    }
}
