import Foundation

/// Reads a text file in any common encoding into a `Document` of NFC paragraphs.
public struct DocumentReader: Sendable {
    /// How bytes become text.
    public var decoder: TextDecoder

    /// A reader; `encoding` overrides detection, `lenient` replaces bad bytes with U+FFFD.
    public init(encoding: String? = nil, lenient: Bool = false) {
        decoder = TextDecoder(encoding: encoding, lenient: lenient)
    }

    /// Reads the file at `path`.
    public func read(path: String) throws(BitextError) -> Document {
        try read(bytes: Self.bytes(at: path), source: path)
    }

    /// Reads `bytes` that came from `source` (named in errors).
    public func read(bytes: [UInt8], source: String) throws(BitextError) -> Document {
        let (text, encoding) = try decoder.decode(bytes, source: source)
        return Document(source: source, encoding: encoding, paragraphs: ParagraphReader().paragraphs(in: text))
    }

    /// The size in bytes of the regular file at `path`; a missing file or a folder is an error.
    public static func size(of path: String) throws(BitextError) -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path: path) }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        return ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The bytes of the file at `path`.
    public static func bytes(at path: String) throws(BitextError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or I/O error")
        }
        return [UInt8](data)
    }
}

extension DocumentReader {
    /// Reads a pre-segmented file: every line is one sentence in `language` (a final empty line is ignored).
    public func readSentencePerLine(path: String, language: Language) throws(BitextError) -> [Sentence] {
        try sentencePerLine(bytes: Self.bytes(at: path), source: path, language: language)
    }

    /// Sentences from `bytes`, one per line.
    public func sentencePerLine(bytes: [UInt8], source: String, language: Language) throws(BitextError) -> [Sentence] {
        let (text, _) = try decoder.decode(bytes, source: source)
        var lines = ParagraphReader.lines(text)
        if lines.last?.text.isEmpty ?? false { lines.removeLast() }
        return lines.map { Sentence(text: $0.text, language: language, line: $0.number) }
    }
}
