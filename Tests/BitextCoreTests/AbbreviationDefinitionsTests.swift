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

/// Terms a sentence pair defines one abbreviation for on both sides (`TermPairer.abbreviated`).
final class AbbreviatedTermTests: XCTestCase {
    private func entries(_ zh: [String], _ en: [String]) throws -> [TermEntry] {
        let alignment = Alignment(zh: zh.map { Sentence(text: $0, language: .zh) }, en: en.map { Sentence(text: $0, language: .en) },
                                  beads: zh.indices.map { Bead(zh: $0..<($0 + 1), en: $0..<($0 + 1)) })
        return try GlossaryBuilder(dictionary: SharedDictionary.embedded).build(alignment).entries
    }

    func testATermDefinedWithTheSameAbbreviationIsPairedFromOneSentencePair() throws {
        let found = try entries(["肿瘤采用增强计算机断层扫描（CT）进行评估。", "随访期间每年进行一次CT检查。"],
                                ["Tumors were assessed with enhanced computed tomography (CT).", "CT was performed yearly during follow-up."])
        let entry = try XCTUnwrap(found.first { $0.zh == "计算机断层扫描" }, "\(found.map { "\($0.zh) \($0.en)" })")
        XCTAssertEqual(entry.en, "computed tomography")
        XCTAssertEqual(entry.variants.first, "CT")
        XCTAssertEqual(entry.frequency, 2, "the pair writing only the abbreviation uses the term too")
    }

    func testNoPairWhereTheChineseTermLeavesTheLongFormsEdgeOut() throws {
        // 标准化的 stands before the particle: 疗效终点 renders only "efficacy end points".
        let found = try entries(["这一定义不同于标准化的疗效终点（STEEP）。"],
                                ["This definition differs from the Standardized Definitions for Efficacy End Points (STEEP)."])
        XCTAssertFalse(found.contains { $0.en.lowercased().hasPrefix("standardized definitions") }, "\(found.map { "\($0.zh) \($0.en)" })")
    }

    func testAnEntryGivenTheDefinedTermsEnglishForAPieceOfItGoesAndOneWithItsChineseTakesTheLongForm() throws {
        let pairs = [GlossaryBuilder.Pair(zh: "采用增强计算机断层扫描（CT）进行评估", en: EnglishTermTokens("assessed with enhanced computed tomography (CT)"), line: 1)]
        let context = TermPairer.Context(pairs: pairs, names: [], associations: [:], sample: 10, source: "",
                                         frequency: try GeneralFrequency.shipped.get())
        let entries = [TermEntry(zh: "断层扫描", en: "computed tomography"), TermEntry(zh: "计算机断层扫描", en: "tomography", variants: ["computed tomography"]),
                       TermEntry(zh: "评估", en: "assessed")]
        let result = try GlossaryBuilder.withAbbreviatedTerms(entries, pairs: pairs, context: context, dictionary: SharedDictionary.embedded)
        XCTAssertEqual(result.map(\.zh), ["计算机断层扫描", "评估"])
        XCTAssertEqual(result[0].en, "computed tomography")
        XCTAssertEqual(result[0].variants, ["CT"])
        XCTAssertEqual(result[1], entries[2])
    }
}
