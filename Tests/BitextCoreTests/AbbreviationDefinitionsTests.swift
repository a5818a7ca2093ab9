@testable import BitextCore
import XCTest

/// Long forms the English defines for abbreviations, and the glossary's use of them.
final class AbbreviationDefinitionsTests: XCTestCase {
    func testInitialsSpellingTheAbbreviationAreItsLongForm() {
        let texts = ["the hazard ratio was 0.51 (95% confidence interval [ ci ], 0.34 to 0.78).",
                     "Quality of life was measured with the European Organisation for Research and Treatment of Cancer (EORTC) questionnaire.",
                     "staged according to the tumor-node-metastasis (tnm) system"]
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "CI", in: texts), "confidence interval")
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "EORTC", in: texts), "European Organisation for Research and Treatment of Cancer")
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "TNM", in: texts), "tumor-node-metastasis")
    }

    func testLettersInsideWordsAreMatchedInOrderWhenInitialsDoNot() {
        let texts = ["patients with human epidermal growth factor receptor 2 (HER2)–positive cancer",
                     "as assessed by multiple-gated acquisition (muga) scanning"]
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "her2", in: texts), "human epidermal growth factor receptor 2")
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "MUGA", in: texts), "multiple-gated acquisition")
    }

    func testNoLongFormWhereTheWordsDoNotSpellIt() {
        // The translation names another body: matching letters inside words would give "and gynecologists".
        XCTAssertNil(AbbreviationDefinitions.longForm(of: "ACOG", in: ["the American Academy of Obstetricians and Gynecologists (ACOG)"]))
        XCTAssertNil(AbbreviationDefinitions.longForm(of: "CI", in: ["the CI (CI) was wide", "(CI)", "p values (p=0.03)"]))
        XCTAssertNil(AbbreviationDefinitions.longForm(of: "CI", in: ["confidence interval [CIs]"]), "the bracket must hold the abbreviation alone")
    }

    func testTheMostFrequentLongFormWinsAndTheShorterOnATie() {
        let confidence = "95% confidence interval (CI)", credible = "95% credible interval (CI)"
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "CI", in: [credible, confidence, confidence]), "confidence interval")
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "CI", in: [confidence, credible]), "credible interval")
        // A hyphenated part may open the long form (anti-human … : human …), as a word does.
        XCTAssertEqual(AbbreviationDefinitions.longForm(of: "her2", in: ["an anti-human epidermal growth factor receptor 2 (her2) antibody"]),
                       "human epidermal growth factor receptor 2")
    }

    func testAnAbbreviationKeptAsIsGetsItsLongFormAsFirstVariant() {
        let entries = [TermEntry(zh: "CI", en: "CI", variants: ["ci"]), TermEntry(zh: "置信区间", en: "confidence interval")]
        let expanded = GlossaryBuilder.withExpansions(entries, in: ["95% confidence interval [CI], 0.3 to 0.8"])
        XCTAssertEqual(expanded[0].en, "CI")
        XCTAssertEqual(expanded[0].variants, ["confidence interval", "ci"])
        XCTAssertEqual(expanded[1], entries[1], "only a Latin abbreviation rendered by itself is expanded")
    }
}
