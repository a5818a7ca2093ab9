import ArgumentParser
import BitextCore
import BitextFormats

/// The language tags written into TMX and TBX: all that `align`'s formats take.
struct LanguageTagOptions: ParsableArguments {
    @Option(help: "Language tag of the Chinese side in TMX and TBX (BCP-47; default zh-CN, or zh-TW for Traditional text).")
    var zhLang: String?

    @Option(help: "Language tag of the English side in TMX and TBX (BCP-47).")
    var enLang = "en-US"

    func validate() throws {
        do { _ = try tags() } catch { throw ValidationError("\(error)".replacingOccurrences(of: "error: ", with: "")) }
    }

    /// The tags; the Chinese one is zh-TW when none is named and `chinese` is in Traditional characters.
    func tags(chinese: [Sentence] = []) throws(BitextError) -> LanguageTags {
        let traditional = zhLang == nil && !chinese.isEmpty && ((try? ChineseScript.isTraditional(chinese)) ?? false)
        return try LanguageTags(zh: zhLang ?? (traditional ? "zh-TW" : "zh-CN"), en: enLang)
    }

    /// Format settings with these tags and every other setting at its default.
    func settings(chinese: [Sentence] = []) throws(BitextError) -> FormatSettings {
        FormatSettings(languages: try tags(chinese: chinese), notes: Notes.shared)
    }
}

/// Options of all the interchange formats, for the commands that write glossaries or read
/// memories and termbases (glossary, convert).
struct FormatOptions: ParsableArguments {
    @OptionGroup var languages: LanguageTagOptions

    @Option(help: "TBX layout: 2 (2008 martif, read by OmegaT, translate-toolkit, Okapi) or 3 (ISO 30042:2019).")
    var tbxVersion = 2

    @Flag(help: "CSV for Excel: start the file with a UTF-8 byte order mark.")
    var excel = false

    @Flag(help: "Refuse a memory or termbase with a unit or entry that has no Chinese or no English side (by default it is skipped and counted).")
    var strict = false

    func validate() throws {
        guard tbxVersion == 2 || tbxVersion == 3 else { throw ValidationError("--tbx-version is 2 or 3") }
    }

    /// The settings; the Chinese tag is zh-TW when none is named and `chinese` is in Traditional characters.
    func settings(chinese: [Sentence] = []) throws(BitextError) -> FormatSettings {
        var settings = try languages.settings(chinese: chinese)
        settings.tbxVersion = tbxVersion
        settings.excel = excel
        settings.strict = strict
        return settings
    }
}

/// `--min-confidence`: sentence pairs the aligner doubts left out of a translation memory.
struct ConfidenceOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Leave out the sentence pairs whose confidence is below X (0…1); pairs with no confidence (from a file that had none) stay.",
        valueName: "X"))
    var minConfidence: Double?

    func validate() throws {
        if let m = minConfidence, !(0...1).contains(m) { throw ValidationError("--min-confidence is a confidence in 0…1 (not \(m))") }
    }

    /// Whether `unit` is written.
    func keeps(_ unit: TranslationUnit) -> Bool { keeps(confidence: unit.confidence) }

    /// Whether a pair of `confidence` (nil: none known) is written.
    func keeps(confidence: Double?) -> Bool {
        guard let minimum = minConfidence, let confidence else { return true }
        return confidence >= minimum
    }

    /// What the summary adds when `dropped` pairs were left out.
    func note(dropped: Int) -> String {
        guard let minimum = minConfidence, dropped > 0 else { return "" }
        return "; \(dropped) below confidence \(minimum) left out of the output"
    }
}

/// Where a command writes: `-o FILE`, or standard output.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write here instead of standard output (written atomically).")
    var output: String?

    /// The output, opened before any work (a temporary file until committed); refused when it is
    /// one of `inputs` or cannot be written.
    func open(inputs: [String]) throws(BitextError) -> OutputFile { try OutputFile(path: output, inputs: inputs) }
}

/// Reading files in a detected or named format.
enum FormatFiles {
    /// The format of `path`, whose content starts with `head`: `named` if given, else by extension
    /// and content.
    static func kind(of path: String, head: String, named: FormatKind?) throws(BitextError) -> FormatKind {
        if let named { return named }
        guard let kind = FormatKind.detect(path: path, head: head) else {
            throw .unknownFormat(path: path, reason: "cannot tell the file's format — name it (tmx, tbx, omegat, csv, tsv, jsonl)")
        }
        return kind
    }

    /// An alignment saved as TMX, TSV or JSON Lines.
    static func readAlignment(_ path: String, settings: FormatSettings) throws(BitextError) -> Alignment {
        let format = try settings.alignmentFormat(kind(of: path, head: FormatKind.head(path: path), named: nil), path: path)
        return Alignment(units: try format.read(path: path))
    }
}
