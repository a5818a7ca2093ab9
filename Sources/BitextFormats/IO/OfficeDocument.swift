import BitextCore
import Foundation
import XMLKit
import ZIPFoundation

/// Word (.docx) and OpenDocument (.odt) files as translators receive them: the paragraphs of the
/// main text, in order — a .docx's `word/document.xml` (`w:p`, text runs `w:t`), an .odt's
/// `content.xml` (`text:p` and `text:h`, `text:s` spaces); tabs and line breaks inside a
/// paragraph read as spaces.
/// Footnotes, endnotes, comments, headers and footers (other parts of a .docx; inline notes in an
/// .odt) are left out; deleted text of tracked changes (`w:delText`) is left out, inserted text kept. A
/// paragraph's `line` is its position among the document's paragraphs, empty ones included.
public enum OfficeDocument {
    /// Whether `bytes` start like a zip archive (as .docx and .odt files do).
    public static func isArchive(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The document in the zip archive `bytes` from `source`.
    public static func read(bytes: [UInt8], source: String) throws(BitextError) -> Document {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw .unreadable(path: source, reason: "a damaged zip archive (\(error)) — not a .docx or .odt file bitext can open")
        }
        let kind: Kind
        if archive["word/document.xml"] != nil { kind = .docx } else if archive["content.xml"] != nil { kind = .odt } else {
            throw .unreadable(path: source, reason: "a zip archive without word/document.xml or content.xml: not a .docx or .odt document")
        }
        let part = kind == .docx ? "word/document.xml" : "content.xml"
        var xml: [UInt8] = []
        do { _ = try archive.extract(archive[part]!) { xml.append(contentsOf: $0) } } catch {
            throw .unreadable(path: source, reason: "\(part) cannot be extracted (\(error))")
        }
        let texts: [String]
        do { texts = try paragraphs(xml: xml, kind: kind) } catch {
            throw .unreadable(path: "\(source) (\(part))", reason: "\(error)")
        }
        let paragraphs = texts.enumerated().compactMap { k, text -> Paragraph? in
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : Paragraph(text: trimmed.precomposedStringWithCanonicalMapping, line: k + 1)
        }
        return Document(source: source, encoding: kind == .docx ? "docx" : "odt", paragraphs: paragraphs)
    }

    enum Kind { case docx, odt }

    /// The text of each paragraph of a main-text XML part.
    static func paragraphs(xml: [UInt8], kind: Kind) throws(XMLError) -> [String] {
        let reader = try XMLPullReader(bytes: xml)
        let (paragraph, textRun, space, tab, lineBreak, deleted): (Set<String>, String, String, String, String, String) = kind == .docx
            ? (["w:p"], "w:t", "", "w:tab", "w:br", "w:delText")
            : (["text:p", "text:h"], "", "text:s", "text:tab", "text:line-break", "")
        var result: [String] = []
        var current: String? = nil
        var depth = 0  // paragraphs inside paragraphs (a text box in a .docx) join their outer one
        var inRun = 0, inDeleted = 0, inNote = 0
        while let event = try reader.next() {
            switch event {
            case let .start(name, attributes, _, _, empty):
                // An .odt keeps its footnotes inside the paragraph that cites them: left out.
                if name == "text:note" && !empty { inNote += 1 }
                if inNote > 0 { continue }
                if paragraph.contains(name) {
                    if depth == 0 { current = "" }
                    if !empty { depth += 1 } else if depth == 0 { result.append(""); current = nil }
                } else if name == textRun && !empty {
                    inRun += 1
                } else if name == deleted && !empty {
                    inDeleted += 1
                } else if name == tab || name == lineBreak {  // a tab or line break inside a paragraph reads as a space
                    current? += " "
                } else if name == space {
                    let count = attributes.first { $0.name == "text:c" }.flatMap { Int($0.value) } ?? 1
                    current? += String(repeating: " ", count: max(0, min(count, 1000)))
                }
            case let .end(name):
                if name == "text:note" { inNote -= 1; continue }
                if inNote > 0 { continue }
                if paragraph.contains(name) {
                    depth -= 1
                    if depth == 0, let text = current { result.append(text); current = nil }
                } else if name == textRun {
                    inRun -= 1
                } else if name == deleted {
                    inDeleted -= 1
                }
            case let .text(text):
                // .docx text lives in w:t runs only; .odt text anywhere inside the paragraph.
                if inNote == 0 && inDeleted == 0 && (kind == .odt || inRun > 0) { current? += text }
            }
        }
        return result
    }
}
