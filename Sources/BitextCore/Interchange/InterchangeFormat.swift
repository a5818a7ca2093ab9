/// A file format bitext reads and writes: of translation units (TMX, TSV, JSON Lines) or of
/// glossary entries (TBX, OmegaT, CSV, TSV, JSON Lines). Every format is read whole (errors name
/// the file and the line) and written unit by unit as the units come.
public protocol InterchangeFormat<Unit>: Sendable {
    associatedtype Unit
    /// Reads the units of a file's bytes; `source` names the file in errors.
    func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [Unit]
    /// Reads the file at `path` (XML formats stream it from the disk instead of holding its bytes).
    func read(path: String) throws(BitextError) -> [Unit]
    /// Writes `units` to `out` one at a time.
    func write(_ units: some Sequence<Unit>, to out: OutputFile) throws(BitextError)
}

extension InterchangeFormat {
    /// Reads the file at `path`.
    public func read(path: String) throws(BitextError) -> [Unit] {
        try read(DocumentReader.bytes(at: path), source: path)
    }

    /// Text of a delimited or line-based file: any encoding ingest recognises, BOM dropped.
    func text(_ bytes: [UInt8], source: String) throws(BitextError) -> String {
        try TextDecoder().decode(bytes, source: source).text
    }
}
