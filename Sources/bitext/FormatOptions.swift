import ArgumentParser
import BitextCore

/// Options of the interchange formats, shared by align, glossary and convert.
struct FormatOptions: ParsableArguments {
    @Option(help: "Language tag of the Chinese side in TMX and TBX (BCP-47).")
    var zhLang = "zh-CN"

    @Option(help: "Language tag of the English side in TMX and TBX (BCP-47).")
    var enLang = "en-US"

    @Option(help: "TBX layout: 2 (2008 martif, read by OmegaT, translate-toolkit, Okapi) or 3 (ISO 30042:2019).")
    var tbxVersion = 2

    @Flag(help: "CSV for Excel: start the file with a UTF-8 byte order mark.")
    var excel = false

    func validate() throws {
        guard tbxVersion == 2 || tbxVersion == 3 else { throw ValidationError("--tbx-version is 2 or 3") }
        do { _ = try settings() } catch { throw ValidationError("\(error)".replacingOccurrences(of: "error: ", with: "")) }
    }

    func settings() throws(BitextError) -> FormatSettings {
        FormatSettings(languages: try LanguageTags(zh: zhLang, en: enLang), tbxVersion: tbxVersion, excel: excel)
    }
}

/// Reading and writing files in a detected or named format.
enum FormatFiles {
    /// The format of `path`: `named` if given, else by extension and content.
    static func kind(of path: String, named: FormatKind?) throws(BitextError) -> FormatKind {
        if let named { return named }
        let head = try head(of: path)
        guard let kind = FormatKind.detect(path: path, head: head) else {
            throw .unknownFormat(path: path, reason: "cannot tell the file's format — name it (tmx, tbx, omegat, csv, tsv, jsonl)")
        }
        return kind
    }

    /// The first few kilobytes of `path`, decoded leniently.
    static func head(of path: String) throws(BitextError) -> String {
        let bytes = try DocumentReader.bytes(at: path)
        return String(decoding: bytes.prefix(4096), as: UTF8.self)
    }

    /// An alignment saved as TMX, TSV or JSON Lines.
    static func readAlignment(_ path: String, named: FormatKind? = nil, settings: FormatSettings) throws(BitextError) -> Alignment {
        let format = try settings.alignmentFormat(kind(of: path, named: named), path: path)
        return Alignment(units: try format.read(path: path))
    }
}
