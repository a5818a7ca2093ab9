@testable import BitextCore
import XCTest
final class TmpDebugTests: XCTestCase {
    func testPrint() throws {
        let seg = try WordSegmenter(language: .zh)
        let table = TranslationTable(dictionary: SharedDictionary.embedded, vocabulary: Vocabulary())
        for (term, zh, en) in [("国际恐怖主义势力", "当前,国际恐怖主义势力已不简单是“为了恐怖而制造恐怖”,而是有自己完整的政治主张甚至意识形态方面的诉求。", "At present, the international terrorist forces are not simply intended to \"create terror\", they have their own complete political pursuit and even ideological demands."),
                               ("伊斯兰原教旨主义", "“伊斯兰国”就意在建立一个政教合一的“哈里发国”,使民众全部信仰伊斯兰原教旨主义。", "ISIS is intended to establish a political and religious caliphate so that all the people will believe in Islamic fundamentalism.")] {
            print(try ChineseTermCandidates.candidates(zh, segmenter: seg).map(\.text).filter { $0.contains(term.prefix(2)) })
            let p = TermProfile(term, table: table, pinyin: try Pinyin())
            let e = EnglishTermTokens(en)
            print(e.tokens.map { "\($0.lower)/\($0.stem)/\(p.explains($0))" }, p.contentMask)
            print(GlossaryBuilder.bestSpan(p, in: e) as Any)
        }
    }
}
