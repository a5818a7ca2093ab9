import BitextCore
import Foundation

/// The alignment review page as an editor: one self-contained HTML file (no network, no server,
/// works from `file://`) holding the sentences of both sides with their `file:line`, the beads
/// shaded by confidence, a *Check first* list of the least confident beads, and controls to merge,
/// split, move and unmatch, undo, filter by confidence and search. It exports TMX 1.4b and TSV of
/// the edited alignment and the edits as JSON (`AlignmentEdit`, replayed by
/// `bitext align --apply-edits`). Beads, sentences and controls carry stable `data-` attributes for
/// automation. Only one page of beads is in the document at a time, so a book stays usable.
public struct AlignmentEditorPage: Sendable {
    public let title: String
    public let languages: LanguageTags
    /// The base name of the downloaded files (`NAME.edited.tmx`, `NAME.edits.json`).
    public let name: String

    public init(title: String, languages: LanguageTags, name: String) {
        self.title = title
        self.languages = languages
        self.name = name
    }

    /// The page of `alignment`, each sentence's reference `file:line` made from `zhFile` and `enFile`
    /// and its line.
    public func write(_ alignment: Alignment, zhFile: String?, enFile: String?, to out: OutputFile) throws(BitextError) {
        try write(alignment, zhSources: alignment.zh.map { $0.reference(in: zhFile) }, enSources: alignment.en.map { $0.reference(in: enFile ?? zhFile) }, to: out)
    }

    /// The page of translation units read from a file (one sentence a side per unit), with the
    /// units' own references.
    public func write(units: [TranslationUnit], to out: OutputFile) throws(BitextError) {
        let alignment = Alignment(units: units)
        try write(alignment, zhSources: units.filter { !$0.zh.isEmpty }.map(\.source), enSources: units.filter { !$0.en.isEmpty }.map(\.enSource), to: out)
    }

    private func write(_ alignment: Alignment, zhSources: [String?], enSources: [String?], to out: OutputFile) throws(BitextError) {
        let summary = AlignmentSummary(alignment)
        try out.write("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(XMLText.escaped(title))</title>
            <style>\(AlignmentEditorScript.style)</style></head>
            <body><h1>\(XMLText.escaped(title))</h1>
            <p class="summary" data-summary>\(XMLText.escaped(summary.line)). Shading: <span class="legend"><span class="low">below \(AlignmentSummary.flagBelow) ⚑</span>\
            <span class="mid">0.5–0.8</span><span class="high">0.8 and above</span><span class="edited">edited</span></span></p>
            <h2 id="check-count"></h2><ol class="check" id="check"></ol>
            <div class="bar">
            <button data-control="undo">undo</button> <span id="edits" data-edits></span>
            <label>confidence below <input data-control="max-confidence" type="number" min="0" max="1" step="0.05" size="5"></label>
            <label>search <input data-control="search" type="search"></label>
            <button data-control="previous-page">◀</button><span id="page" data-page></span><button data-control="next-page">▶</button>
            <span>export: <button data-control="export-tmx">TMX</button> <button data-control="export-tsv">TSV</button> \
            <button data-control="export-edits">edits (JSON)</button></span>
            </div>
            <table class="beads"><thead><tr><th>#</th><th>中文</th><th>English</th><th>confidence</th><th></th></tr></thead>
            <tbody id="rows"></tbody></table>
            <script type="application/json" id="bitext-data">
            """)
        try out.write(try data(alignment, zhSources: zhSources, enSources: enSources))
        try out.write("</script>\n<script>\(AlignmentEditorScript.script)</script>\n</body></html>\n")
    }

    /// The page's data as JSON, safe inside a `<script>` element (no `<` left unescaped).
    func data(_ alignment: Alignment, zhSources: [String?], enSources: [String?]) throws(BitextError) -> String {
        let object: [String: Any] = [
            "name": name, "version": BitextVersion.current, "flagBelow": AlignmentSummary.flagBelow, "languages": [languages.zh, languages.en],
            "zh": zip(alignment.zh, zhSources).map { [$0.text, $1 ?? ""] },
            "en": zip(alignment.en, enSources).map { [$0.text, $1 ?? ""] },
            "beads": alignment.beads.map { [$0.zh.lowerBound, $0.zh.upperBound, $0.en.lowerBound, $0.en.upperBound, ($0.confidence * 1000).rounded() / 1000] as [Any] },
        ]
        let json: Data
        do { json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) }
        catch { throw .cannotWrite(path: "-", reason: "the page's data could not be written as JSON (\(error))") }
        return String(decoding: json, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
