import BitextCore
/// A file format bitext reads and writes: of translation units (TMX, TSV, JSON Lines) or of
/// glossary entries (TBX, OmegaT, CSV, TSV, JSON Lines). Errors name the file and the line. Units
/// are written one at a time as they come (`begin`, `write(_:number:to:)` per unit, `end`), and XML
/// formats read them one at a time from the file (`forEach`), so a conversion holds one unit.
public protocol InterchangeFormat<Unit>: Sendable {
    associatedtype Unit
    /// Reads the units of a file's bytes; `source` names the file in errors.
    func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [Unit]
    /// Reads the file at `path` (XML formats stream it from the disk instead of holding its bytes).
    func read(path: String) throws(BitextError) -> [Unit]
    /// Calls `body` with each unit of the file at `path` in order, as it is read.
    func forEach(path: String, _ body: (Unit) throws(BitextError) -> Void) throws(BitextError)
    /// Writes what comes before the units (a header, a byte order mark).
    func begin(_ out: OutputFile) throws(BitextError)
    /// Writes unit number `number` (1-based, for messages).
    func write(_ unit: Unit, number: Int, to out: OutputFile) throws(BitextError)
    /// Writes what comes after the units.
    func end(_ out: OutputFile) throws(BitextError)
}

extension InterchangeFormat {
    /// Reads the file at `path`.
    public func read(path: String) throws(BitextError) -> [Unit] {
        try read(DocumentReader.bytes(at: path), source: path)
    }

    /// Reads the file at `path`, then calls `body` with each unit.
    public func forEach(path: String, _ body: (Unit) throws(BitextError) -> Void) throws(BitextError) {
        for unit in try read(path: path) { try body(unit) }
    }

    public func begin(_ out: OutputFile) throws(BitextError) {}
    public func end(_ out: OutputFile) throws(BitextError) {}

    /// Writes `units` to `out` one at a time, as the sequence gives them.
    public func write(_ units: some Sequence<Unit>, to out: OutputFile) throws(BitextError) {
        try begin(out)
        for (k, unit) in units.enumerated() { try write(unit, number: k + 1, to: out) }
        try end(out)
    }

    /// Text of a delimited or line-based file: any encoding ingest recognises (or `encoding`), BOM dropped.
    func text(_ bytes: [UInt8], source: String, encoding: String? = nil) throws(BitextError) -> String {
        try TextDecoder(encoding: encoding).decode(bytes, source: source).text
    }
}
