@testable import BitextCore
import XCTest

final class SegmenterTests: XCTestCase {
    private func split(_ text: String, _ language: Language) throws -> [String] {
        try Segmenter(language: language).sentences(in: text, language: language)
    }

    /// A sentence of a hard-wrapped paragraph gives the line it starts on, not the paragraph's first.
    func testSentencesOfAWrappedParagraphKeepTheirOwnLines() throws {
        let text = "Title\n\nThis is a long line of English prose that is filled to a margin of sixty or so\n"
            + "characters. It goes on here to the end of the block and then stops at the\nend of it all. Last one.\n"
        let document = Document(source: "w.en", encoding: "UTF-8", paragraphs: ParagraphReader().paragraphs(in: text))
        XCTAssertEqual(document.paragraphs.count, 2)
        let sentences = try Segmenter(language: .en).sentences(in: document)
        XCTAssertEqual(sentences.map(\.line), [1, 3, 4, 5])
        XCTAssertEqual(sentences[2].text, "It goes on here to the end of the block and then stops at the end of it all.")
    }

    func testEnglishAbbreviationsAndInitialsDoNotEndSentences() throws {
        XCTAssertEqual(try split("Dr. Smith met Mr. J. R. R. Tolkien at 5 p.m. in the U.S. Army base. He left.", .en),
                       ["Dr. Smith met Mr. J. R. R. Tolkien at 5 p.m. in the U.S. Army base.", "He left."])
        XCTAssertEqual(try split("Mrs. Lee and Ms. Wu, i.e. the doctors, saw St. Paul vs. the U.N. team. See Fig. 3 and No. 5 etc. for details.", .en),
                       ["Mrs. Lee and Ms. Wu, i.e. the doctors, saw St. Paul vs. the U.N. team.", "See Fig. 3 and No. 5 etc. for details."])
    }

    func testAbbreviationsThatEndASentenceStillDo() throws {
        XCTAssertEqual(try split("He moved to the U.S. The rest is history. We left at 6 a.m. It was dark.", .en),
                       ["He moved to the U.S.", "The rest is history.", "We left at 6 a.m.", "It was dark."])
    }

    func testEnglishEllipsisAndQuotes() throws {
        XCTAssertEqual(try split("I wonder... maybe not. \"Go home.\" She left... Then silence.", .en),
                       ["I wonder... maybe not.", "\"Go home.\"", "She left...", "Then silence."])
    }

    func testChineseClosingQuotesAndBracketsStayWithTheirSentence() throws {
        XCTAssertEqual(try split("他喊道：“快走！”她问：「为什么？」（我不知道。）好吧。", .zh),
                       ["他喊道：“快走！”", "她问：「为什么？」", "（我不知道。）", "好吧。"])
    }

    func testOpeningQuoteStartsTheNextSentence() throws {
        XCTAssertEqual(try split("意识形态方面的诉求。“伊斯兰国”就意在建立“哈里发国”。", .zh),
                       ["意识形态方面的诉求。", "“伊斯兰国”就意在建立“哈里发国”。"])
    }

    func testNoBreakInsideBookTitleMarks() throws {
        XCTAssertEqual(try split("你读过《我是猫。再见！》吗？读过。", .zh), ["你读过《我是猫。再见！》吗？", "读过。"])
    }

    func testQuotedExclamationInsideASentenceDoesNotEndIt() throws {
        XCTAssertEqual(try split("他说“好！”就走了。", .zh), ["他说“好！”就走了。"])
        XCTAssertEqual(try split("“快走！”他大喊。", .zh), ["“快走！”他大喊。"])
        XCTAssertEqual(try split("He said \"Go!\" and left. \"Why?\" she asked. \"Stop!\" He ran.", .en),
                       ["He said \"Go!\" and left.", "\"Why?\" she asked.", "\"Stop!\"", "He ran."])
        // A quote opened after a colon, or one ending in 。, still ends its sentence.
        XCTAssertEqual(try split("他说：“好。”我们走吧。他喊道：“快走！”她跑了。", .zh),
                       ["他说：“好。”", "我们走吧。", "他喊道：“快走！”", "她跑了。"])
    }

    func testFullStopBeforeABookTitleEndsTheSentence() throws {
        XCTAssertEqual(try split("然后走了。《战争与和平。续》是一本书。", .zh), ["然后走了。", "《战争与和平。续》是一本书。"])
    }

    func testChineseEllipsis() throws {
        XCTAssertEqual(try split("他沉默了……过了很久才说话。“好吧……”她说。他说……，然后走了。", .zh),
                       ["他沉默了……", "过了很久才说话。", "“好吧……”", "她说。", "他说……，然后走了。"])
    }

    func testSeedArticleSentences() throws {
        let doc = try DocumentReader().read(path: Fixtures.article)
        let sentences = try Segmenter().sentences(in: doc)
        let texts = sentences.map(\.text)
        XCTAssertEqual(sentences.filter { $0.language == .zh }.map(\.text), ["提前着眼应对 “后伊斯兰国”时代", "张 锴"])
        XCTAssertEqual(texts.firstIndex(of: "First, we should prevent the ISIS headquarters from transferring."), 9)
        XCTAssertTrue(texts.contains("A report released by the United Nations (UN) last year indicated that as of the end of 2015, 34 armed groups around the world including Africa's \"Boko Haram\" and the Abu Sayyaf organization in the Philippines have declared allegiance to ISIS."))
        XCTAssertTrue(texts.contains("Data show that there have been 409 terrorist attacks in 2017, killing a total of 2,841 people."))
        XCTAssertEqual(sentences.count, 32)
        XCTAssertEqual(sentences.first { $0.text.hasPrefix("Data show") }?.line, 40)
    }

    func testBilingualExcerptSentencesInBothLanguages() throws {
        let (zh, en) = LanguageSplitter().split(try DocumentReader().read(path: Fixtures.bilingualExcerpt))
        let zhSentences = try Segmenter(language: .zh).sentences(in: zh).map(\.text)
        let enSentences = try Segmenter(language: .en).sentences(in: en).map(\.text)
        XCTAssertEqual(zhSentences.count, 8)
        XCTAssertEqual(zhSentences[3], "但是,对“伊斯兰国”的军事胜利并不意味着和平的到来,更不意味着恐怖主义的完结。")
        XCTAssertEqual(zhSentences[4], "国际社会必须未雨绸缪,主动布局“后伊斯兰国”时代的反恐斗争,防止“摁下葫芦起了瓢”。")
        XCTAssertEqual(zhSentences[7], "“伊斯兰国”就意在建立一个政教合一的“哈里发国”,使民众全部信仰伊斯兰原教旨主义。")
        XCTAssertEqual(enSentences.count, 13)  // title, five metadata lines, byline, six body sentences
        XCTAssertEqual(enSentences[7], "BEIJING, May 26 (ChinaMil) -- With the battlefield retreat and the further tightening of financial resources of the Islamic State (IS), the military collapse of Islamic State of Iraq and al Shams (ISIS) is only a matter of time.")
        XCTAssertEqual(enSentences[9], "The international community must take precautions and take the initiative to prepare for the \"Post-ISIS Era\".")
    }

    func testVOAArticleQuotedSpeech() throws {
        let doc = try DocumentReader().read(path: Fixtures.voaArticle)
        let texts = try Segmenter(language: .en).sentences(in: doc).map(\.text)
        XCTAssertTrue(texts.contains("by Henry Ridgwell December 17, 2015"))
        XCTAssertTrue(texts.contains("ISIS is a common acronym for the Islamic State."))
        XCTAssertTrue(texts.contains("For example, three Chinese railway executives were killed last month in an attack on the Radisson hotel in Mali's capital, Bamako."))
    }
}

final class WordSegmenterTests: XCTestCase {
    func testChineseTokensAreRangesIntoTheSentence() throws {
        let sentence = "“伊斯兰国”总部在2017年"
        let tokens = try WordSegmenter(language: .zh).tokens(in: sentence)
        XCTAssertEqual(tokens.map(\.text), ["“", "伊斯兰", "国", "”", "总部", "在", "2017", "年"])
        XCTAssertEqual(tokens.map(\.kind), [.punctuation, .ideograph, .ideograph, .punctuation, .ideograph, .ideograph, .number, .ideograph])
        let units = Array(sentence.utf16)
        for t in tokens { XCTAssertEqual(String(decoding: units[t.range], as: UTF16.self), t.text) }
    }

    func testEnglishTokensDropSpaces() throws {
        let tokens = try WordSegmenter(language: .en).tokens(in: "The Islamic State's (IS) 34 groups.")
        XCTAssertEqual(tokens.map(\.text), ["The", "Islamic", "State's", "(", "IS", ")", "34", "groups", "."])
    }
}
