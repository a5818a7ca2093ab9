import BitextCore
import XMLKit

/// Web pages (.html, .htm, .xhtml) as translators receive them: the text of the page's body, one
/// paragraph per block element (`p`, `div`, `li`, `td`, headings, …; a `br` or a line of a `pre`
/// also ends one), whitespace collapsed as a browser shows it (a line break between two Chinese
/// characters joins them without a space). The `head` (title, metadata), `script`, `style`,
/// `template`, `noscript` and `svg` are left out. Markup is read by libxml2's HTML parser, which
/// repairs it as browsers do. The charset is, in order: the one the user names, the byte-order
/// mark, the page's `<meta charset>` (or `http-equiv` Content-Type) in its first 1024 bytes,
/// else detected as for text. A paragraph's `line` is the source line its text starts on, and each
/// further source line of it is a continuation.
public enum HTMLDocument {
    /// Whether `bytes` from `source` are a web page: by the name's extension, or content that
    /// starts (after a byte-order mark and white space) with `<!DOCTYPE html` or `<html`.
    public static func isHTML(_ bytes: [UInt8], source: String) -> Bool {
        let lower = source.lowercased()
        if [".html", ".htm", ".xhtml"].contains(where: { lower.hasSuffix($0) }) { return true }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 14)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// The page in `bytes` from `source`; `encoding` overrides the page's own charset.
    public static func read(bytes: [UInt8], source: String, encoding: String? = nil, lenient: Bool = false,
                            notes: ReadNotes? = nil) throws(BitextError) -> Document {
        let declared = encoding == nil && EncodingDetector.byteOrderMark(bytes) == nil ? declaredCharset(bytes) : nil
        var decoded: (text: String, encoding: String)
        do {
            decoded = try TextDecoder(encoding: encoding ?? declared?.charset, lenient: lenient).decode(bytes, source: source)
        } catch {
            // A page converted to UTF-8 that kept its old meta tag, or a label nobody knows: the
            // bytes, not the tag, decide.
            guard let declared else { throw error }
            switch error {
            case .encodingMismatch:
                decoded = try TextDecoder(lenient: lenient).decode(bytes, source: source)
                notes?.add(source, "the page declares charset \(declared.label) but its bytes are \(decoded.encoding); read as \(decoded.encoding)")
            case .unknownEncoding:
                decoded = try TextDecoder(lenient: lenient).decode(bytes, source: source)
                notes?.add(source, "the page declares charset \(declared.label), which is not a known encoding; read as \(decoded.encoding), detected")
            default:
                throw error
            }
        }
        let paragraphs: [Paragraph]
        do { paragraphs = try Self.paragraphs(html: Array(decoded.text.utf8)) } catch {
            throw .unreadable(path: source, reason: "\(error)")
        }
        return Document(source: source, encoding: decoded.encoding, paragraphs: paragraphs)
    }

    /// The charset label a page's meta tag names in its first 1024 bytes and the charset read for it (HTML's prescan, simplified:
    /// `<meta charset=X>` or a `content` attribute holding `charset=X`), mapped as browsers map
    /// labels (gb2312 and gbk read as GB18030, their superset; iso-8859-1 and ascii as windows-1252).
    static func declaredCharset(_ bytes: [UInt8]) -> (label: String, charset: String)? {
        let head = String(decoding: bytes.prefix(1024).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tag = rest[meta.upperBound...].prefix { $0 != ">" }
            rest = rest[meta.upperBound...]
            guard let at = tag.range(of: "charset") else { continue }
            let value = tag[at.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                .prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
            guard !value.isEmpty else { continue }
            let label = String(value)
            switch label {
            case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312": return (label, "GB18030")
            case "iso-8859-1", "latin1", "us-ascii", "ascii", "iso8859-1": return (label, "windows-1252")
            default: return (label, label)
            }
        }
        return nil
    }

    /// Elements whose content is not the page's text.
    static let hidden: Set<String> = ["head", "script", "style", "template", "noscript", "svg"]
    /// Elements that start and end a paragraph (HTML's block-level and table elements).
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
    ]

    /// The paragraphs of an HTML page in UTF-8.
    static func paragraphs(html: [UInt8]) throws(XMLError) -> [Paragraph] {
        let reader = try XMLPullReader(html: html)
        var builder = ParagraphBuilder()
        var hiddenDepth = 0, preDepth = 0
        while let event = try reader.next() {
            switch event {
            case let .start(name, _, _, _, empty):
                if hiddenDepth > 0 || Self.hidden.contains(name) {
                    if !empty { hiddenDepth += 1 }
                } else if Self.blocks.contains(name) {
                    builder.end()
                    if name == "pre" && !empty { preDepth += 1 }
                }
            case let .end(name):
                if hiddenDepth > 0 {
                    hiddenDepth -= 1
                } else if Self.blocks.contains(name) {
                    builder.end()
                    if name == "pre" { preDepth -= 1 }
                }
            case let .text(text):
                if hiddenDepth == 0 { builder.append(text, line: reader.line, preformatted: preDepth > 0) }
            }
        }
        builder.end()
        return builder.paragraphs
    }
}

/// Collects the text of block elements into paragraphs, collapsing white space as HTML does and
/// recording the source line each further line of a paragraph starts on.
struct ParagraphBuilder {
    private(set) var paragraphs: [Paragraph] = []
    private var current: Paragraph?
    /// White space seen since the last character: whether it held a line break.
    private var pendingSpace: Bool?
    private var lastScalar: Unicode.Scalar?

    /// Adds `text` that starts on source `line`; in preformatted text a line break ends the paragraph.
    mutating func append(_ text: String, line: Int, preformatted: Bool) {
        var line = line
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == " " || scalar == "\t" || scalar == "\u{0C}" || scalar == "\u{A0}" {
                if scalar == "\n" {
                    line += 1
                    if preformatted { end(); continue }
                }
                pendingSpace = (pendingSpace ?? false) || scalar == "\n"
                continue
            }
            if var p = current {
                if let lineBreak = pendingSpace {
                    let next = String(scalar)
                    p.text += lineBreak ? ParagraphReader.joiner(between: String(lastScalar!), and: next) : " "
                    if lineBreak { p.continuations.append(Paragraph.Continuation(offset: p.text.utf8.count, line: line)) }
                }
                p.text.unicodeScalars.append(scalar)
                current = p
            } else {
                current = Paragraph(text: String(scalar), line: line)
            }
            pendingSpace = nil
            lastScalar = scalar
        }
    }

    /// Ends the paragraph being collected, if it has text.
    mutating func end() {
        if let p = current { paragraphs.append(p) }
        current = nil
        pendingSpace = nil
        lastScalar = nil
    }
}
