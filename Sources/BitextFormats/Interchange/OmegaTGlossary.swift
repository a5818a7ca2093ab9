import BitextCore
/// OmegaT glossaries (`.txt`, `.utf8`, `.tab`; read in any encoding with LF, CRLF or CR line ends,
/// written in UTF-8 with LF): one entry per line, `source<TAB>target<TAB>comment` (the comment is
/// the pinyin); lines starting with # are comments. Tabs and line breaks inside fields become
/// spaces, since the format cannot hold them. A `.utf8` file says its encoding by its name; any
/// other gets OmegaT's magic first line, which says it in a `.txt`.
public struct OmegaTGlossary: InterchangeFormat {
    public let magicLine: Bool
    /// The encoding to read in instead of detecting it.
    public var encoding: String?

    public init(magicLine: Bool = true, encoding: String? = nil) {
        self.magicLine = magicLine
        self.encoding = encoding
    }

    public func begin(_ out: OutputFile) throws(BitextError) {
        if magicLine { try out.write(FormatKind.omegaTMagic + "\n") }
    }

    public func write(_ e: TermEntry, number: Int, to out: OutputFile) throws(BitextError) {
        try out.write([e.zh, e.en, e.pinyin].map(Self.field).joined(separator: "\t") + "\n")
    }

    /// `text` on one line without tabs.
    static func field(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TermEntry] {
        var entries: [TermEntry] = []
        for (k, line) in try TextLines.split(text(bytes, source: source, encoding: encoding)).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw .badLine(path: source, line: k + 1, reason: "expected source<TAB>target<TAB>comment")
            }
            entries.append(TermEntry(zh: fields[0], en: fields[1], pinyin: fields.count > 2 ? fields[2] : ""))
        }
        return entries
    }
}
