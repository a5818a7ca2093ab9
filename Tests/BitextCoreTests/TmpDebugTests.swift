@testable import BitextCore
import XCTest
final class TmpDebugTests: XCTestCase {
    func testPrint() throws {
        let base = "/work/shared/data/align/nejm-dev/nejm06"
        let zh = try DocumentReader().readSentencePerLine(path: base + ".zh", language: .zh)
        let en = try DocumentReader().readSentencePerLine(path: base + ".en", language: .en)
        let a = try Aligner(dictionary: SharedDictionary.embedded).align(zh: zh, en: en)
        let g = try GlossaryBuilder(dictionary: SharedDictionary.embedded).build(a)
        for e in g.entries where e.zh.contains("血压") { print("ENTRY", e.zh, e.en, e.score, e.frequency) }
    }
}
