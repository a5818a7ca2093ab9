import BitextCore
import Synchronization

/// Alignments as bead lines, `[0]:[0,1]` (0-based sentence indices, Chinese first): the gold format
/// of `../shared/tools/score_align.py` and `bitext eval`. Written from units that carry their
/// sentence indices (those of an alignment); there is no text to read back, so it is not read.
public struct BeadsFormat: InterchangeFormat {
    public init() {}

    public func write(_ unit: TranslationUnit, number: Int, to out: OutputFile) throws(BitextError) {
        guard let zh = unit.zhSentences, let en = unit.enSentences else {
            throw .cannotWrite(path: out.path, reason: "unit \(number) has no sentence indices — beads are written from an alignment (bitext align), not converted")
        }
        try out.write(BeadNotation.line(Bead(zh: zh, en: en)) + "\n")
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [TranslationUnit] {
        throw .unknownFormat(path: source, reason: "bead lines hold sentence indices, not text — bitext eval reads them as gold")
    }
}

/// A page made from all the units (the alignment editor, the glossary's review page) behind the
/// format protocol: units are gathered as they are written and the page is made at the end. Not read.
public struct ReviewPageFormat<Unit: Sendable>: InterchangeFormat {
    private final class Gathered: Sendable {
        let units = Mutex<[Unit]>([])
    }

    private let render: @Sendable ([Unit], OutputFile) throws(BitextError) -> Void
    private let gathered = Gathered()

    /// A page that `render` writes from all the units.
    public init(render: @escaping @Sendable ([Unit], OutputFile) throws(BitextError) -> Void) {
        self.render = render
    }

    public func write(_ unit: Unit, number: Int, to out: OutputFile) throws(BitextError) {
        gathered.units.withLock { $0.append(unit) }
    }

    public func end(_ out: OutputFile) throws(BitextError) {
        let units = gathered.units.withLock { all in defer { all = [] }; return all }
        try render(units, out)
    }

    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [Unit] {
        throw .unknownFormat(path: source, reason: "an HTML review page is for reading in a browser, not an input")
    }
}
