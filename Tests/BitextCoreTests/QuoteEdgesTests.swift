@testable import BitextCore
import XCTest

/// Where dialogue opens and closes, the cue that keeps beads on dialogue boundaries.
final class QuoteEdgesTests: XCTestCase {
    func testASentenceOpeningWithAQuoteOrAShortSpeechTagOpensDialogue() {
        XCTAssertTrue(QuoteEdges("“小桂子，你去哪里？”").opens)
        XCTAssertTrue(QuoteEdges("'Laurie, where are you going?'").opens)
        // The Chinese writes who speaks before the quote; the English after it ('…,' said the old eunuch).
        XCTAssertTrue(QuoteEdges("海老公哼了一声，道：“这叫做‘瓮中抓鳖’，手到擒来。").opens)
        XCTAssertTrue(QuoteEdges("小红道：“那里去？”").opens)
    }

    func testNarrativeThatQuotesLaterDoesNotOpenDialogue() {
        // A long stretch of narrative before the quote is no speech tag.
        XCTAssertFalse(QuoteEdges("他迷迷糊糊的睡了一会，悄悄起身，把那盒蜜饯糕饼揣在怀里，突然听得海老公问道：“小桂子，你去哪里？”").opens)
        // A quote inside the sentence that no colon or comma introduces is a name or a title.
        XCTAssertFalse(QuoteEdges("这叫做“瓮中抓鳖”。").opens)
        XCTAssertFalse(QuoteEdges("He slid back the door-bar.").opens)
    }

    func testAClosingQuoteAtTheEndClosesDialogue() {
        XCTAssertTrue(QuoteEdges("小红道：“那里去？”").closes)
        XCTAssertTrue(QuoteEdges("'What do you call that grip?'").closes)
        XCTAssertFalse(QuoteEdges("'Catching a Turtle in a Jar,' said the old eunuch.").closes)
    }
}
