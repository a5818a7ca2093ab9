/// Cuts decoded text into paragraphs: blank-line-separated blocks (lines of a block that was
/// hard-wrapped are joined; short lines such as a title block stay separate), or one paragraph
/// per line when the text has no blank lines. LF, CRLF and CR all end a line.
public struct ParagraphReader: Sendable {
    /// A reader.
    public init() {}

    /// The paragraphs of `text`.
    public func paragraphs(in text: String) -> [Paragraph] {
        let lines = Self.lines(text)
        let hasBlankLines = lines.contains { $0.text.isEmpty }
        guard hasBlankLines else {
            return lines.map { Paragraph(text: $0.text, line: $0.number) }
        }
        let wrapWidth = lines.map(\.width).max() ?? 0
        var result: [Paragraph] = []
        var current: Paragraph?
        var previous: Line?
        for line in lines {
            if line.text.isEmpty {
                if let p = current { result.append(p) }
                current = nil
                previous = nil
                continue
            }
            if var p = current, let prev = previous, Self.isSoftWrap(prev, line, wrapWidth: wrapWidth) {
                p.text += Self.joiner(between: prev.text, and: line.text)
                p.continuations.append(Paragraph.Continuation(offset: p.text.utf8.count, line: line.number))
                p.text += line.text
                current = p
            } else {
                if let p = current { result.append(p) }
                current = Paragraph(text: line.text, line: line.number)
            }
            previous = line
        }
        if let p = current { result.append(p) }
        return result
    }

    struct Line {
        let text: String
        let number: Int
        let width: Int
        let language: Language?
    }

    /// A line break inside a block is a wrap when the line before it reaches most of the
    /// text's widest line (prose filled to a margin) and both lines are in the same language.
    static func isSoftWrap(_ a: Line, _ b: Line, wrapWidth: Int) -> Bool {
        wrapWidth >= 40 && a.width * 5 >= wrapWidth * 3 && (a.language == b.language || b.language == nil)
    }

    /// Chinese lines join without a space, others with one; a line ending in a hyphen joins directly.
    public static func joiner(between a: String, and b: String) -> String {
        guard let last = a.unicodeScalars.last, let first = b.unicodeScalars.first else { return "" }
        if last == "-" || isWide(last) || isWide(first) { return "" }
        return " "
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        (0x2E80...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
            || (0xFF00...0xFF60).contains(s.value) || (0x20000...0x3FFFF).contains(s.value)
            || s == "“" || s == "”" || s == "‘" || s == "’" || s == "…"
    }

    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// The lines of `text`, trimmed; blank lines become empty strings.
    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var number = 1
        func emit(_ raw: Substring) {
            let s = Self.trimmed(raw)
            result.append(Line(text: s, number: number, width: displayWidth(s), language: ScriptProfile(s).language))
            number += 1
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                emit(text[start..<i])
                var next = utf8.index(after: i)
                if b == 0x0D && next < utf8.endIndex && utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        if start < utf8.endIndex { emit(text[start...]) }
        return result
    }

    /// `s` without leading and trailing white space (ideographic space included).
    static func trimmed(_ s: Substring) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
