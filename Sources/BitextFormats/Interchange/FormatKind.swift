import BitextCore
import Foundation

/// The interchange formats by name, and how a file's format is told from its name and content.
public enum FormatKind: String, CaseIterable, Sendable {
    case tmx, tbx, omegat, csv, tsv, jsonl, beads, html

    /// Formats of alignments (translation units) and of glossaries that are read and written;
    /// `beads` (alignments) and `html` (both) are written only.
    public static let alignmentFormats: [FormatKind] = [.tmx, .tsv, .jsonl]
    public static let glossaryFormats: [FormatKind] = [.tbx, .omegat, .csv, .tsv, .jsonl]

    /// OmegaT's first line for a UTF-8 glossary in a `.txt` file.
    public static let omegaTMagic = "# Glossary in tab-separated format -*- coding: utf-8 -*-"

    /// The start of a file's content, decoded leniently: its first 4096 bytes and at least its
    /// whole first line, however long (a JSON Lines alignment's first object can be longer).
    /// UTF-16 with a byte order mark is decoded as such (OmegaT writes UTF-16 glossaries).
    public static func head(_ bytes: [UInt8]) -> String {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE]), bigEndian = bytes.starts(with: [0xFE, 0xFF])
        if littleEndian || bigEndian {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count && units.count < 4096 {
                let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        let firstLineEnd = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.count
        return String(decoding: bytes.prefix(max(4096, firstLineEnd)), as: UTF8.self)
    }

    /// The head (as `head(_:)`) of the file at `path`, read without reading the whole file.
    public static func head(path: String) throws(BitextError) -> String {
        _ = try DocumentReader.size(of: path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 65_536)
            bytes += chunk
            if chunk.isEmpty || bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) { break }
        }
        return head(bytes)
    }

    /// The format of the file at `path` whose content starts with `head`: by extension, then by
    /// content; nil when neither tells.
    public static func detect(path: String, head: String) -> FormatKind? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        switch ext {
        case "tmx": return .tmx
        case "tbx": return .tbx
        case "utf8", "tab": return .omegat
        case "csv": return .csv
        case "tsv": return .tsv
        case "jsonl", "ndjson": return .jsonl
        case "align", "beads": return .beads
        case "html", "htm": return .html
        case "txt" where head.hasPrefix(omegaTMagic): return .omegat
        default: break
        }
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("<") {
            if head.contains("<tmx") { return .tmx }
            if head.contains("<martif") || head.contains("<tbx") { return .tbx }
            return nil
        }
        if start.hasPrefix("{") { return .jsonl }
        if head.hasPrefix(omegaTMagic) { return .omegat }
        let firstLine = start.prefix { !$0.isNewline }
        if firstLine.contains("\t") { return .tsv }
        if firstLine.contains(",") { return .csv }
        return nil
    }

    /// Whether a TSV or JSON Lines file starting with `head` holds a glossary (a `zh…en…pinyin`
    /// header, or objects with `pinyin`) rather than an alignment; other formats hold one kind only.
    public func holdsGlossary(head: String) -> Bool {
        switch self {
        case .tmx, .beads, .html: false
        case .tbx, .omegat, .csv: true
        case .tsv: head.prefix { !$0.isNewline }.lowercased().hasPrefix("zh\ten")
        case .jsonl: !head.prefix { !$0.isNewline }.contains("\"zh_text\"")
        }
    }
}

/// What the formats are written with.
public struct FormatSettings: Sendable {
    /// Language tags of the two sides.
    public var languages: LanguageTags
    /// TBX layout: 2 (2008 "martif", what OmegaT, translate-toolkit and Okapi read) or 3 (ISO 30042:2019).
    public var tbxVersion: Int
    /// CSV for Excel: a UTF-8 byte order mark first.
    public var excel: Bool
    /// Refuse a whole memory or termbase for one unit without a Chinese or an English side
    /// (by default such units are skipped and counted in `notes`).
    public var strict: Bool
    /// Where readers say what they left out.
    public let notes: ReadNotes
    /// The encoding text-based files (TSV, CSV, OmegaT, JSON Lines) are read in instead of detecting
    /// it; XML files say their own.
    public var encoding: String?
    /// The title of an HTML review page (what it shows).
    public var title = "bitext"


    public init(languages: LanguageTags, tbxVersion: Int = 2, excel: Bool = false, strict: Bool = false, notes: ReadNotes = ReadNotes(),
                encoding: String? = nil) {
        self.encoding = encoding
        self.languages = languages
        self.tbxVersion = tbxVersion
        self.excel = excel
        self.strict = strict
        self.notes = notes
    }

    /// The alignment editor page written to `path`, its downloads named after it.
    public func editor(_ path: String) -> AlignmentEditorPage {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let base = file.split(separator: ".").first.map(String.init) ?? ""
        return AlignmentEditorPage(title: title, languages: languages, name: path == "-" || base.isEmpty ? "alignment" : base)
    }

    /// The alignment format `kind`; a glossary-only format is an error naming `path`.
    public func alignmentFormat(_ kind: FormatKind, path: String) throws(BitextError) -> any InterchangeFormat<TranslationUnit> {
        switch kind {
        case .tmx: TMXFormat(languages: languages, strict: strict, notes: notes)
        case .tsv: AlignmentTable(encoding: encoding)
        case .jsonl: AlignmentJSONLines(encoding: encoding)
        case .beads: BeadsFormat()
        case .html:
            ReviewPageFormat<TranslationUnit> { [editor] units, out throws(BitextError) in try editor(path).write(units: units, to: out) }
        case .tbx, .omegat, .csv:
            throw .unknownFormat(path: path, reason: "\(kind.rawValue) holds glossaries, not alignments — use tmx, tsv or jsonl")
        }
    }

    /// The glossary format `kind`; an alignment-only format is an error naming `path`.
    public func glossaryFormat(_ kind: FormatKind, path: String) throws(BitextError) -> any InterchangeFormat<TermEntry> {
        switch kind {
        case .tbx: TBXFormat(languages: languages, version: tbxVersion, strict: strict, notes: notes)
        case .omegat: OmegaTGlossary(magicLine: !path.lowercased().hasSuffix(".utf8"), encoding: encoding)
        case .csv: GlossaryTable(separator: ",", byteOrderMark: excel, encoding: encoding)
        case .tsv: GlossaryTable(separator: "\t", byteOrderMark: false, encoding: encoding)
        case .jsonl: GlossaryJSONLines(encoding: encoding)
        case .html: ReviewPageFormat<TermEntry> { [title] entries, out throws(BitextError) in try ReviewPage(title: title).write(entries: entries, to: out) }
        case .tmx, .beads:
            throw .unknownFormat(path: path, reason: "\(kind.rawValue) holds aligned sentences, not glossaries — use tbx, omegat, csv, tsv or jsonl")
        }
    }
}
