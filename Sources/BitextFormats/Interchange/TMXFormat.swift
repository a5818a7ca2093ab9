import BitextCore
import Foundation

/// TMX 1.4b translation memories: one `tu` per pair of segments, the aligner's confidence, both
/// sides' `file:line` and the document id as `x-` properties (`x-confidence`, `x-source`,
/// `x-en-source`, `x-document`). Reads TMX
/// from other tools too: inline native codes (`bpt`, `ept`, `ph`, `it`, `ut`, with their `sub` text) dropped, since they are the other tool's
/// markup, not text (`hi` keeps its text), and counted in a note; any number of languages per `tu`
/// (the Chinese and English ones are taken); language variants (zh, zh-CN, zh-Hans…) matched; a
/// `tu` without a Chinese or an English side skipped and counted (refused when `strict`).
public struct TMXFormat: XMLUnitFormat {
    public let languages: LanguageTags
    /// Refuse the file for one `tu` without a Chinese or an English side.
    public let strict: Bool
    /// Where the reader says what it left out.
    public let notes: ReadNotes

    public init(languages: LanguageTags, strict: Bool = false, notes: ReadNotes = ReadNotes()) {
        self.languages = languages
        self.strict = strict
        self.notes = notes
    }

    /// Inline elements holding the other tool's markup.
    static let nativeCodes: Set<String> = ["bpt", "ept", "ph", "it", "ut"]

    /// Writes the header, then each pair with two sides (an unmatched sentence is no translation
    /// unit: TSV and JSON Lines keep those).
    public func begin(_ out: OutputFile) throws(BitextError) {
        try out.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="bitext" creationtoolversion="\(BitextVersion.current)" segtype="sentence" \
            o-tmf="bitext" adminlang="en-US" srclang="\(XMLText.escaped(languages.zh))" datatype="plaintext" \
            creationdate="\(Self.timestamp(Date()))"/>
              <body>

            """)
    }

    public func write(_ unit: TranslationUnit, number: Int, to out: OutputFile) throws(BitextError) {
        guard !unit.zh.isEmpty && !unit.en.isEmpty else { return }
        try XMLText.checkWritable([unit.zh, unit.en, unit.source ?? "", unit.enSource ?? "", unit.document ?? ""], item: number, kind: "unit", to: out)
        var tu = "    <tu>\n"
        if let c = unit.confidence { tu += "      <prop type=\"x-confidence\">\(String(format: "%.3f", c))</prop>\n" }
        if let s = unit.source { tu += "      <prop type=\"x-source\">\(XMLText.escaped(s))</prop>\n" }
        if let s = unit.enSource { tu += "      <prop type=\"x-en-source\">\(XMLText.escaped(s))</prop>\n" }
        if let d = unit.document { tu += "      <prop type=\"x-document\">\(XMLText.escaped(d))</prop>\n" }
        tu += "      <tuv xml:lang=\"\(XMLText.escaped(unit.zhLanguage ?? languages.zh))\"><seg>\(XMLText.escaped(unit.zh))</seg></tuv>\n"
        tu += "      <tuv xml:lang=\"\(XMLText.escaped(unit.enLanguage ?? languages.en))\"><seg>\(XMLText.escaped(unit.en))</seg></tuv>\n"
        try out.write(tu + "    </tu>\n")
    }

    public func end(_ out: OutputFile) throws(BitextError) {
        try out.write("  </body>\n</tmx>\n")
    }

    /// TMX's date form, UTC: 20261122T023000Z.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// Reads the units, one at a time, from `stream` (see `XMLUnitFormat`).
    func each(source: String, stream: @escaping UnitStream, _ body: (TranslationUnit) throws(BitextError) -> Void) throws(BitextError) {
        var kept = 0
        var rootLine = 1
        var skipped = 0, total = 0, codes = 0
        var languages = Set<String>()
        let seen = try stream({ root throws(BitextError) in
            rootLine = root.line
            guard root.name == "tmx" else {
                throw .malformed(path: source, line: root.line, column: nil, reason: "the root element is <\(root.name)>, not <tmx> — this is not a TMX file")
            }
        }, { name, open in name == "tu" && open == ["tmx", "body"] }, { tu throws(BitextError) in
            total += 1
            let read = try unit(tu, source: source)
            languages.formUnion(read.tags)
            codes += read.codes
            if let u = read.unit { kept += 1; try body(u) } else { skipped += 1 }
        })
        guard seen.contains("body") else { throw .malformed(path: source, line: rootLine, column: nil, reason: "<tmx> has no <body>") }
        if kept == 0 && skipped > 0 {
            throw .malformed(path: source, line: rootLine, column: nil,
                             reason: "no <tu> has both a Chinese and an English side (languages found: \(languages.sorted().joined(separator: ", ")))")
        }
        if skipped > 0 { notes.add(source, "skipped \(skipped) of \(total) units without a Chinese or an English side (--strict refuses the file instead)") }
        if codes > 0 { notes.add(source, "dropped \(codes) inline codes (bpt, ept, ph, it, ut) from the segments: the other tool's markup, not text") }
    }

    /// The unit of `tu` (nil when it has no Chinese or no English side and the reader is not strict),
    /// the language tags it holds and how many inline codes its segments dropped.
    private func unit(_ tu: XMLTree.Element, source: String) throws(BitextError) -> (unit: TranslationUnit?, tags: [String], codes: Int) {
        var sides: [Language: String] = [:]
        var sideTags: [Language: String] = [:]
        var tags: [String] = []
        var codes = 0
        for tuv in tu.children("tuv") {
            let tag = try tuv.languageTag(in: source, attributes: ["xml:lang", "lang"])  // lang: TMX 1.1
            tags.append(tag)
            if let language = LanguageTags.language(of: tag), sides[language] == nil, let seg = tuv.children("seg").first {
                let text = seg.text(skipping: Self.nativeCodes)
                sides[language] = text.text
                sideTags[language] = tag
                codes += text.skipped
            } else if let language = LanguageTags.language(of: tag), sides[language] == nil {
                sides[language] = ""
            }
        }
        guard let zh = sides[.zh], let en = sides[.en] else {
            let found = tags.isEmpty ? "no language" : tags.count == 1 ? "one language (\(tags[0]))" : "no \(sides[.zh] == nil ? "Chinese" : "English") side (\(tags.joined(separator: ", ")))"
            if !strict { return (nil, tags, 0) }
            throw .malformed(path: source, line: tu.line, column: nil, reason: "<tu> has \(found) — a unit needs a Chinese and an English <tuv>")
        }
        var confidence: Double? = nil, reference: String? = nil, enReference: String? = nil, document: String? = nil
        for prop in tu.children("prop") {
            switch prop.attributes["type"] {
            case "x-confidence": confidence = Double(prop.text)
            case "x-source": reference = prop.text
            case "x-en-source": enReference = prop.text
            case "x-document": document = prop.text
            default: break
            }
        }
        return (TranslationUnit(zh: zh, en: en, confidence: confidence, source: reference, zhLanguage: sideTags[.zh], enLanguage: sideTags[.en],
                                enSource: enReference, document: document), tags, codes)
    }
}
