@testable import BitextCore
import XCTest
final class TmpDebugTests: XCTestCase {
    func testPrint() throws {
        let seg = try WordSegmenter(language: .zh)
        let zh = "但是,对“伊斯兰国”的军事胜利并不意味着和平的到来,更不意味着恐怖主义的完结。"
        print(try seg.tokens(in: zh).map(\.text))
        print(try ChineseTermCandidates.candidates(zh, segmenter: seg))
        let table = TranslationTable(dictionary: SharedDictionary.embedded, vocabulary: Vocabulary())
        let p = TermProfile("伊斯兰国", table: table, pinyin: try Pinyin())
        let en = EnglishTermTokens("However, the military victory over the ISIS does not mean the arrival of peace, nor does it mean the end of terrorism.")
        print(en.tokens.map { "\($0.lower)/\($0.stem)/\(p.explains($0))" })
        print(GlossaryBuilder.bestSpan(p, in: en) as Any)
        let p2 = TermProfile("恐怖主义", table: table, pinyin: try Pinyin())
        print(en.tokens.map { "\($0.lower)/\(p2.explains($0))" }, p2.contentMask)
        print(GlossaryBuilder.bestSpan(p2, in: en) as Any)
    }
}
