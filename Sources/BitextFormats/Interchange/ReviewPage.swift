import BitextCore
/// A self-contained HTML page for reviewing an alignment or a glossary in a browser: no network,
/// no external assets: a glossary's table with pinyin and examples, a text with its terms marked,
/// a terminology check's findings. (Alignments get an editor: `AlignmentEditorPage`.)
public struct ReviewPage: Sendable {
    public let title: String

    public init(title: String) {
        self.title = title
    }

    private static let style = """
        body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans",sans-serif;margin:2em;color:#222}
        h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
        th{background:#f0f0f0}table.beads td[lang]{width:45%}td.term{white-space:nowrap}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .summary{color:#555}
        """

    private func header(_ summary: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(XMLText.escaped(title))</title><style>\(Self.style)</style></head>
        <body><h1>\(XMLText.escaped(title))</h1><p class="summary">\(XMLText.escaped(summary))</p>

        """
    }

    /// The glossary page: one row per entry, best first.
    public func write(entries: [TermEntry], to out: OutputFile) throws(BitextError) {
        try out.write(header("\(entries.count) terms, best first."))
        try out.write("<table><tr><th>中文</th><th>English</th><th>pinyin</th><th>score</th><th>frequency</th><th>example</th></tr>\n")
        for e in entries {
            let variants = e.variants.isEmpty ? "" : "<br><small>also: \(XMLText.escaped(e.variants.joined(separator: ", ")))</small>"
            try out.write("<tr><td lang=\"zh\" class=\"term\">\(XMLText.escaped(e.zh))</td><td lang=\"en\">\(XMLText.escaped(e.en))\(variants)</td>"
                + "<td>\(XMLText.escaped(e.pinyin))</td><td class=\"n\">\(String(format: "%.2f", e.score))</td><td class=\"n\">\(e.frequency)</td>"
                + "<td><span lang=\"zh\">\(XMLText.escaped(e.exampleZh))</span><br><span lang=\"en\">\(XMLText.escaped(e.exampleEn))</span></td></tr>\n")
        }
        try out.write("</table>\n</body></html>\n")
    }

    /// A lookup page: the text line by line with the glossary's terms highlighted (their translation,
    /// variants and pinyin on hover), then how often each entry was found.
    public func write(text: String, hits: [TermLookup.Hit], entries: [TermEntry], to out: OutputFile) throws(BitextError) {
        let counts = TermLookup.counts(hits)
        try out.write(header("\(hits.count) hits of \(counts.count) glossary entries; hover over a term for its translation."))
        try out.write("<style>mark{background:#fde68a;border-radius:2px}ol.text li{margin:.2em 0}</style>\n<ol class=\"text\">\n")
        let byLine = Dictionary(grouping: hits, by: \.line)
        for (k, line) in TextLines.split(text).enumerated() {
            let lineText = String(line)
            var html = "", cursor = lineText.startIndex
            for hit in (byLine[k + 1] ?? []).sorted(by: { $0.column < $1.column }) {
                let start = lineText.index(lineText.startIndex, offsetBy: hit.column - 1)
                let end = lineText.index(start, offsetBy: hit.match.matched.count)
                let e = entries[hit.match.entry]
                let other = hit.match.language == .zh ? ([e.en] + e.variants).joined(separator: "; ") : e.zh
                let tip = "\(e.zh)  \(e.pinyin) — \(([e.en] + e.variants).joined(separator: "; "))"
                html += XMLText.escaped(String(lineText[cursor..<start]))
                html += "<mark title=\"\(XMLText.escaped(tip))\" data-entry=\"\(hit.match.entry)\" data-other=\"\(XMLText.escaped(other))\">"
                    + XMLText.escaped(String(lineText[start..<end])) + "</mark>"
                cursor = end
            }
            html += XMLText.escaped(String(lineText[cursor...]))
            try out.write("<li>\(html)</li>\n")
        }
        try out.write("</ol>\n<h2>Entries found</h2>\n<table><tr><th>中文</th><th>English</th><th>pinyin</th><th>hits</th></tr>\n")
        for (entry, count) in counts {
            let e = entries[entry]
            try out.write("<tr><td lang=\"zh\" class=\"term\">\(XMLText.escaped(e.zh))</td><td lang=\"en\">\(XMLText.escaped(e.en))</td>"
                + "<td>\(XMLText.escaped(e.pinyin))</td><td class=\"n\">\(count)</td></tr>\n")
        }
        try out.write("</table>\n</body></html>\n")
    }

    /// A terminology-check page: one row per finding, in text order.
    public func write(findings: [TerminologyCheck.Finding], to out: OutputFile) throws(BitextError) {
        let byKind = Dictionary(grouping: findings, by: \.kind).mapValues(\.count)
        let summary = TerminologyCheck.Kind.allCases.compactMap { k in byKind[k].map { "\($0) \(k.rawValue)" } }.joined(separator: ", ")
        try out.write(header("\(findings.count) findings" + (summary.isEmpty ? "." : ": \(summary).")))
        try out.write("<table class=\"beads\"><tr><th>kind</th><th>where</th><th>term</th><th>expected</th><th>中文</th><th>English</th></tr>\n")
        for f in findings {
            try out.write("<tr class=\"\(f.kind.rawValue)\"><td>\(f.kind.rawValue)</td><td>\(XMLText.escaped(f.zhSource))<br>\(XMLText.escaped(f.enSource))</td>"
                + "<td>\(XMLText.escaped(f.term))</td><td>\(XMLText.escaped(f.expected))</td>"
                + "<td lang=\"zh\">\(XMLText.escaped(f.zh))</td><td lang=\"en\">\(XMLText.escaped(f.en))</td></tr>\n")
        }
        try out.write("</table>\n</body></html>\n")
    }
}
