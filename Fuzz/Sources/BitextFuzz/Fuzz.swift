import BitextCore
import BitextFormats
import Foundation

/// The reader under test, named by BITEXT_FUZZ_TARGET: tmx, tbx, omegat, csv, tsv-glossary,
/// tsv-alignment, jsonl-glossary, jsonl-alignment, cedict, text, html.
private let target = ProcessInfo.processInfo.environment["BITEXT_FUZZ_TARGET"] ?? "text"
private let settings = FormatSettings(languages: .standard)

/// Reads the input with the chosen reader: any error is fine (bitext refuses bad input with a
/// message); a crash, a hang, a leak or an out-of-bounds access is what libFuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = "fuzz-input"
    do {
        switch target {
        case "tmx": _ = try TMXFormat(languages: settings.languages).read(bytes, source: source)
        case "tbx": _ = try TBXFormat(languages: settings.languages).read(bytes, source: source)
        case "omegat": _ = try OmegaTGlossary().read(bytes, source: source)
        case "csv": _ = try GlossaryTable(separator: ",", byteOrderMark: false).read(bytes, source: source)
        case "tsv-glossary": _ = try GlossaryTable(separator: "\t", byteOrderMark: false).read(bytes, source: source)
        case "tsv-alignment": _ = try AlignmentTable().read(bytes, source: source)
        case "jsonl-glossary": _ = try GlossaryJSONLines().read(bytes, source: source)
        case "jsonl-alignment": _ = try AlignmentJSONLines().read(bytes, source: source)
        case "cedict":
            var dictionary = BilingualDictionary()
            try dictionary.addCEDICT(bytes, source: source)
        case "text": _ = try DocumentReader().read(bytes: bytes, source: source)
        case "html": _ = try HTMLDocument.read(bytes: bytes, source: source)
        default: fatalError("unknown BITEXT_FUZZ_TARGET \(target)")
        }
    } catch {
        // A refusal with a message is the right answer to bad input.
    }
    return 0
}
