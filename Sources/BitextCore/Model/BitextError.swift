/// Errors a translator can act on: each names the file and where in it, what is wrong and what to do.
public enum BitextError: Error, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case binaryFile(path: String, offset: Int)
    case invalidBytes(path: String, encoding: String, offset: Int, truncated: Bool)
    case unknownEncoding(path: String, name: String)
    case undetectableEncoding(path: String)
    case cannotWrite(path: String, reason: String)
    case wouldOverwriteInput(path: String, input: String)
    case icu(path: String, message: String)
    case badDictionaryLine(path: String, line: Int, reason: String)
    case badLine(path: String, line: Int, reason: String)
    case emptyInput(path: String)
    case encodingMismatch(path: String, named: String, found: String)
    case utf16WithoutBOM(path: String, encoding: String)
    case wrongLanguage(path: String, expected: Language, han: Int, latin: Int)
    case swappedFiles(zh: String, en: String)
    case noParagraphs(path: String, language: Language)
    case malformed(path: String, line: Int, column: Int?, reason: String)
    case badLanguageTag(tag: String, reason: String)
    case unknownFormat(path: String, reason: String)

    public var description: String {
        switch self {
        case let .fileNotFound(path):
            "\(path): error: no such file — check the path"
        case let .unreadable(path, reason):
            "\(path): error: cannot read the file (\(reason))"
        case let .binaryFile(path, offset):
            "\(path): byte \(offset): error: NUL byte: this is a binary file, not text — give a plain-text file"
        case let .invalidBytes(path, encoding, offset, truncated):
            "\(path): byte \(offset): error: \(truncated ? "truncated" : "invalid") \(encoding) byte sequence"
                + " — the file is damaged or in another encoding; pass --encoding NAME, or --lenient to replace bad bytes with U+FFFD"
        case let .unknownEncoding(path, name):
            "\(path): error: unknown encoding '\(name)' — use a name such as UTF-8, GB18030, Big5, UTF-16LE, windows-1252"
        case let .undetectableEncoding(path):
            "\(path): error: cannot tell the file's encoding — pass --encoding NAME"
        case let .cannotWrite(path, reason):
            "\(path): error: cannot write the file: \(reason)"
        case let .wouldOverwriteInput(path, input):
            path == input ? "\(path): error: would overwrite the input — choose another output"
                : "\(path): error: would overwrite the input \(input) (the same file) — choose another output"
        case let .icu(path, message):
            "\(path): error: \(message)"
        case let .emptyInput(path):
            "\(path): error: no sentences in this file — nothing to align"
        case let .encodingMismatch(path, named, found):
            "\(path): error: this file is \(found), not \(named) as the encoding option says"
                + " — name the right encoding (--encoding; --zh-encoding and --en-encoding for two files), or leave it out to detect it"
        case let .utf16WithoutBOM(path, encoding):
            "\(path): error: looks like \(encoding) without a byte-order mark — pass --encoding \(encoding)"
        case let .wrongLanguage(path, expected, han, latin):
            expected == .zh
                ? "\(path): error: this should be the Chinese text, but it has \(han) Han characters against \(latin) Latin letters"
                    + " — give the Chinese file first and the English file second"
                : "\(path): error: this should be the English text, but it is mostly Chinese (\(han) Han characters against \(latin) Latin letters)"
                    + " — give the Chinese file first and the English file second"
        case let .swappedFiles(zh, en):
            "error: the files look swapped: \(zh) is English and \(en) is Chinese — give the Chinese file first"
        case let .noParagraphs(path, language):
            "\(path): error: no \(language == .zh ? "Chinese" : "English") paragraphs in this file"
                + " — give a page with both languages, or the Chinese and the English file"
        case let .badLine(path, line, reason):
            "\(path):\(line): error: \(reason)"
        case let .malformed(path, line, column, reason):
            "\(path):\(line):\(column.map { "\($0):" } ?? "") error: \(reason)"
        case let .badLanguageTag(tag, reason):
            "error: language tag '\(tag)': \(reason)"
        case let .unknownFormat(path, reason):
            "\(path): error: \(reason)"
        case let .badDictionaryLine(path, line, reason):
            "\(path):\(line): error: not a dictionary entry — \(reason)"
        }
    }
}
