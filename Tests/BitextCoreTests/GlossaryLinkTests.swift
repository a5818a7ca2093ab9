@testable import BitextCore
import XCTest

/// Word links as glossary evidence, Latin terms kept as is, and coordinations of two entries.
final class GlossaryLinkTests: XCTestCase {
    /// One bead of one sentence a side, linked by hand: `links` pairs Chinese and English token indices.
    private func beadLinks(_ zh: [String], _ en: [String], _ links: [(Int, Int)]) -> (BeadWordLinks, [Sentence]) {
        let zhText = zh.joined(), enText = en.joined(separator: " ")
        func tokens(_ words: [String], in text: String) -> [WordToken] {
            var from = text.startIndex
            return words.map { word in
                let range = text.range(of: word, range: from..<text.endIndex)!
                from = range.upperBound
                return WordToken(text: word, sentence: 0, range: range)
            }
        }
        let links = BeadWordLinks(bead: Bead(zh: 0..<1, en: 0..<1), zh: tokens(zh, in: zhText), en: tokens(en, in: enText),
                                  links: links.map { WordLink(zh: $0.0, en: $0.1) })
        return (links, [Sentence(text: zhText, language: .zh)])
    }

    func testPairLinksMaskTheTermsCharactersLinkedToEachEnglishWord() {
        let (links, sentences) = beadLinks(["患者", "黏", "膜", "炎"], ["patients", "with", "mucositis"], [(0, 0), (1, 2), (2, 2), (3, 2)])
        let en = EnglishTermTokens("patients with mucositis")
        XCTAssertEqual(en.tokens.map(\.lower), ["patients", "mucositis"])
        let all = PairLinks(links, sentences: sentences) { _ in true }
        XCTAssertEqual(all.masks(of: "黏膜炎", en: en), [0, 0b111])
        XCTAssertEqual(all.masks(of: "膜炎", en: en), [], "mucositis is linked to 黏 as well, outside the term")
        XCTAssertEqual(all.masks(of: "肝炎", en: en), [], "the term does not occur")
        let rare = PairLinks(links, sentences: sentences) { $0 != "mucositis" }
        XCTAssertEqual(rare.masks(of: "黏膜炎", en: en), [], "words the filter refuses link nothing")
    }

    func testLinksExplainTermsTheDictionaryLacks() throws {
        let dictionary = SharedDictionary.embedded
        let profile = TermProfile("黏膜炎", glosses: TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary())),
                                  pinyin: try Pinyin(dictionary: dictionary))
        let en = EnglishTermTokens("grade 3 mucositis occurred")
        XCTAssertNil(TermPairer.bestSpan(profile, in: en, accepting: { _ in true }), "the dictionary alone does not know mucositis")
        let span = try XCTUnwrap(TermPairer.bestSpan(profile, in: en, linked: [0, 0, 0b111, 0], accepting: { _ in true }))
        XCTAssertEqual(en.surface(span.range), "mucositis")
        XCTAssertNil(TermPairer.bestSpan(profile, in: en, linked: [0, 0, 0b011, 0], accepting: { _ in true }),
                     "links to part of the term do not explain it")
    }

    func testALinkAddsToWhatTheDictionaryExplainsOfTheSameWord() throws {
        let dictionary = SharedDictionary.embedded
        // CC-CEDICT lacks 多中心; 多's "multi-" explains multicenter through 多 alone, and the
        // translator's link says the whole term belongs to it.
        let profile = TermProfile("多中心", glosses: TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary())),
                                  pinyin: try Pinyin(dictionary: dictionary), characterGlosses: dictionary.characterGlosses())
        let en = EnglishTermTokens("in a multicenter trial")
        let multicenter = try XCTUnwrap(en.tokens.firstIndex { $0.lower == "multicenter" })
        XCTAssertEqual(profile.explains(en.tokens[multicenter]), 0b001, "the dictionary explains 多 only")
        XCTAssertNil(TermPairer.bestSpan(profile, in: en, accepting: { _ in true }), "a third of the term explained is no pair")
        var linked = [UInt32](repeating: 0, count: en.tokens.count)
        linked[multicenter] = 0b111
        let span = try XCTUnwrap(TermPairer.bestSpan(profile, in: en, linked: linked, accepting: { _ in true }))
        XCTAssertEqual(en.surface(span.range), "multicenter")
        XCTAssertEqual(span.fit, 1)
    }

    func testOnATieTheTermsOwnGlossBeatsAWordKeepingCompanyWithIt() throws {
        let dictionary = SharedDictionary.embedded
        // In a list of side effects, thrombocytopenia keeps company with 贫血 (anemia) as often as anemia does.
        let company = [HanKey("贫血").value: Set([EnglishWords.stem("thrombocytopenia")])]
        let profile = TermProfile("贫血", glosses: TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary())),
                                  pinyin: try Pinyin(dictionary: dictionary), associations: company)
        let list = EnglishTermTokens("neutropenia, thrombocytopenia, anemia, and nausea")
        let span = try XCTUnwrap(TermPairer.bestSpan(profile, in: list, accepting: { _ in true }))
        XCTAssertEqual(list.surface(span.range), "anemia")
        let without = EnglishTermTokens("neutropenia, thrombocytopenia and nausea")
        let borrowed = try XCTUnwrap(TermPairer.bestSpan(profile, in: without, accepting: { _ in true }), "company alone explains it")
        XCTAssertEqual(without.surface(borrowed.range), "thrombocytopenia")
        XCTAssertEqual(borrowed.fit, span.fit, "a tie")
    }

    /// English word tokens of `text`, one sentence (index `sentence`).
    private func englishTokens(_ text: String, sentence: Int = 0) -> [WordToken] {
        WordTokenizer.english(Sentence(text: text, language: .en), index: sentence)
    }

    func testNameRunsAreCapitalisedWordsNotCommonSentenceStartsNorTitles() throws {
        let frequency = try GeneralFrequency.shipped.get()
        func runs(_ texts: [String]) -> [String] {
            let sentences = texts.map { Sentence(text: $0, language: .en) }
            let tokens = texts.indices.flatMap { englishTokens(texts[$0], sentence: $0) }
            return LinkedNameCandidates.runs(tokens, sentences: sentences, isCommon: { frequency.zipf(english: $0) >= GlossaryParameters().genericZipf })
                .map { r in r.map { tokens[$0].text }.joined(separator: " ") }
        }
        XCTAssertEqual(runs(["If Chen Qingyang came, I went."]), ["Chen Qingyang"], "a common first word and I are no names")
        XCTAssertEqual(runs(["Jia Yu-cun said so."]), ["Jia Yu cun"], "a name may start a sentence; the hyphen joins")
        XCTAssertEqual(runs(["They met in BEIJING, May 5."]), ["BEIJING", "May"], "a comma ends a run")
        XCTAssertEqual(runs(["He wrote the Story of the Stone there."]), ["Story of the Stone", "Story", "Stone"],
                       "function words inside, and the parts between them")
        XCTAssertEqual(runs(["The Story Of A Stone", "she read the Tale."]), ["Tale"], "a title-case heading marks no names")
    }

    func testANameIsTheChineseSpanLinkedToItAndToNothingElse() {
        let zh = "弃在青埂峰下", en = "it lay at the foot of Greensickness Peak"
        let zhTokens = ["弃", "在", "青", "埂", "峰", "下"]
        var from = zh.startIndex
        let chinese = zhTokens.map { word in
            let range = zh.range(of: word, range: from..<zh.endIndex)!
            from = range.upperBound
            return WordToken(text: word, sentence: 0, range: range)
        }
        let english = englishTokens(en)
        XCTAssertEqual(english.map(\.text), ["it", "lay", "at", "the", "foot", "of", "Greensickness", "Peak"])
        func pairs(_ links: [(Int, Int)]) -> [String] {
            let bead = BeadWordLinks(bead: Bead(zh: 0..<1, en: 0..<1), zh: chinese, en: english, links: links.map { WordLink(zh: $0.0, en: $0.1) })
            return LinkedNameCandidates.pairs(bead, zh: [Sentence(text: zh, language: .zh)], en: [Sentence(text: en, language: .en)],
                                              isCommon: { _ in false }).map { "\($0.zh) ↔ \($0.en)" }
        }
        XCTAssertEqual(pairs([(0, 1), (2, 6), (3, 6), (4, 7), (5, 4)]), ["青埂峰 ↔ Greensickness Peak"])
        XCTAssertEqual(pairs([(0, 1), (2, 6), (3, 6), (3, 4), (4, 7)]), [], "埂 translates foot as well: the span is not the name's alone")
        XCTAssertEqual(pairs([(0, 1), (1, 6), (2, 6), (4, 7)]), [], "a particle (在) is no part of a name")
    }

    func testATermTheDictionaryLacksIsPairedByItsLinksWhenItRecurs() throws {
        let dictionary = SharedDictionary.embedded
        dictionary.prepareStatistics()
        let texts = [("患者接受卡铂治疗", "patients received carboplatin treatment"), ("卡铂每周给药", "carboplatin was given weekly")]
        let hand = [beadLinks(["患者", "接受", "卡", "铂", "治疗"], ["patients", "received", "carboplatin", "treatment"], [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3)]),
                    beadLinks(["卡", "铂", "每周", "给", "药"], ["carboplatin", "was", "given", "weekly"], [(0, 0), (1, 0), (2, 3)])]
        var context = TermPairer.Context(pairs: texts.enumerated().map { GlossaryBuilder.Pair(zh: $1.0, en: EnglishTermTokens($1.1), line: $0 + 1) },
                                         names: [], associations: [:], sample: 12, source: "", frequency: try GeneralFrequency.shipped.get())
        let unlinked = try TermPairer(context: context, dictionary: dictionary)
        XCTAssertNil(unlinked.entry(for: "卡铂", beads: [0, 1]), "twice together is too little for co-occurrence")
        context.links = hand.map { PairLinks($0.0, sentences: $0.1) { _ in true } }
        let linked = try TermPairer(context: context, dictionary: dictionary)
        XCTAssertEqual(linked.entry(for: "卡铂", beads: [0, 1])?.en, "carboplatin")
        XCTAssertNil(linked.entry(for: "卡铂", beads: [0]), "once, a link alone is no evidence")
    }

    func testATermExplainedAtBothEdgesIsPairedThoughACharacterInsideIsNot() throws {
        let dictionary = SharedDictionary.embedded
        dictionary.prepareStatistics()
        let texts = [("巨大原发肿瘤患者", "patients with bulky primary tumor"), ("原发肿瘤分期", "primary tumor staging"),
                     ("评分较低表示", "lower scores indicating"), ("评分较低", "lower scores")]
        let context = TermPairer.Context(pairs: texts.enumerated().map { GlossaryBuilder.Pair(zh: $1.0, en: EnglishTermTokens($1.1), line: $0 + 1) },
                                         names: [], associations: [:], sample: 12, source: "", frequency: try GeneralFrequency.shipped.get())
        let pairer = try TermPairer(context: context, dictionary: dictionary)
        XCTAssertEqual(pairer.entry(for: "原发肿瘤", beads: [0, 1])?.en, "primary tumor", "原 ↔ primary and 肿瘤 ↔ tumor hold 发 between them")
        XCTAssertNil(pairer.entry(for: "评分较低", beads: [2, 3]), "scores ↔ 评分 and lower ↔ 较低 cross: the edges are not each other's")
        XCTAssertTrue(TermPairer.pairsEdges(0b1111, 0b0001, 0b1100, reversible: false))
        XCTAssertFalse(TermPairer.pairsEdges(0b1111, 0b1100, 0b0001, reversible: false), "reversed without a preposition")
        XCTAssertTrue(TermPairer.pairsEdges(0b1111, 0b1100, 0b0001, reversible: true), "area under the curve ↔ 曲线下面积")
        XCTAssertFalse(TermPairer.pairsEdges(0b1111, 0b0010, 0b1000, reversible: true), "the first character unexplained")
    }

    func testALatinTermKeptAsIsIsItsOwnRendering() {
        XCTAssertEqual(TermPairer.sameLatinWord("HER2", in: EnglishTermTokens("her2-positive disease")), 0)
        XCTAssertEqual(TermPairer.sameLatinWord("nyha", in: EnglishTermTokens("NYHA class III")), 0)
        XCTAssertNil(TermPairer.sameLatinWord("HER2", in: EnglishTermTokens("erbb2 positive disease")))
        XCTAssertNil(TermPairer.sameLatinWord("乳腺癌", in: EnglishTermTokens("breast cancer")), "not a Latin word")
        XCTAssertTrue(TermPairer.standsAlone("HER2", in: "HER2阳性乳腺癌"))
        XCTAssertFalse(TermPairer.standsAlone("QLQ", in: "采用QLQ-C30问卷"), "part of a hyphenated name")
        XCTAssertFalse(TermPairer.standsAlone("Kaplan", in: "Kaplan-Meier方法"))
        XCTAssertFalse(TermPairer.standsAlone("breast", in: "由国际乳腺研究组（breast international group）进行"), "part of a quoted name")
        XCTAssertFalse(TermPairer.standsAlone("group", in: "国际乳腺研究组（breast international group）"))
        XCTAssertFalse(TermPairer.standsAlone("nejm", in: "全文可在nejm . org获取"), "part of an address")
        XCTAssertFalse(TermPairer.standsAlone("org", in: "全文可在nejm.org获取"))
        XCTAssertTrue(TermPairer.standsAlone("ci", in: "风险比，0.80；95% ci 0.69～1.00"), "a number after a space is a value")
        XCTAssertTrue(TermPairer.standsAlone("eortc", in: "欧洲癌症研究与治疗组织（european organisation，eortc）"))
        XCTAssertTrue(TermPairer.standsAlone("genentech", in: "由霍夫曼-罗氏 / genentech资助"))
    }

    func testPhrasesEndingInAWordOfTimeOrPlaceAreNoTerms() throws {
        let dictionary = SharedDictionary.embedded
        let context = TermPairer.Context(pairs: [], names: [], associations: [:], sample: 12, source: "",
                                         frequency: try GeneralFrequency.shipped.get())
        let pairer = try TermPairer(context: context, dictionary: dictionary)
        XCTAssertTrue(pairer.endsWithLocalizer("放疗后"), "after radiotherapy")
        XCTAssertTrue(pairer.endsWithLocalizer("患者中"), "among patients")
        XCTAssertTrue(pairer.endsWithLocalizer("分析时"), "at the time of analysis")
        XCTAssertTrue(pairer.endsWithLocalizer("青埂峰下"), "below the peak")
        XCTAssertFalse(pairer.endsWithLocalizer("24小时"), "小时 (hour) is a word")
        XCTAssertFalse(pairer.endsWithLocalizer("国际社会"))
        XCTAssertFalse(pairer.endsWithLocalizer("中"), "a localizer alone is not a phrase ending in one")
        // A verb inside a term marks a clause, unless a longer dictionary word of the term holds it.
        XCTAssertTrue(pairer.hasAVerbInside("次要终点包括总生存"), "包括 (to include) between two terms")
        XCTAssertFalse(pairer.hasAVerbInside("书面知情同意"), "同意 (to agree) inside 知情同意, informed consent")
        XCTAssertTrue(pairer.isPhrase("次要终点包括总生存", rendered: "secondary end points included overall survival"))
        XCTAssertFalse(pairer.isPhrase("书面知情同意", rendered: "written informed consent"))
        // The shared check under them: a dictionary word longer than n characters holding a stretch.
        let edges = TermBoundaries(dictionary: dictionary)
        let consent = Array("书面知情同意".unicodeScalars)
        XCTAssertTrue(edges.wordHolds(consent, from: 4, through: 5, longerThan: 2), "知情同意 holds 同意")
        XCTAssertFalse(edges.wordHolds(consent, from: 1, through: 2, longerThan: 1), "no word holds 面知")
        XCTAssertTrue(edges.cutsAWord(consent, at: 5), "同意 is cut between 同 and 意")
        XCTAssertFalse(edges.cutsAWord(consent, at: 2), "书面 | 知情 is between words")
    }

    func testDerivedEnglishWordsShareTheRootOfTheirGloss() throws {
        XCTAssertTrue(TermProfile.sameRoot("metastasi", "metastatic"), "a Greek -sis beside its -tic")
        XCTAssertTrue(TermProfile.sameRoot("islam", "islamic"))
        XCTAssertFalse(TermProfile.sameRoot("contrast", "contraindication"), "a common start, then different words")
        XCTAssertEqual(TermProfile.bases(of: "deafness"), ["deaf", "deafy"])
        XCTAssertTrue(TermProfile.bases(of: "hematologic").contains("hematology"))
        XCTAssertEqual(TermProfile.bases(of: "epic"), [], "too short a rest to be derived")
        let dictionary = SharedDictionary.embedded
        let glosses = TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary()))
        let pinyin = try Pinyin(dictionary: dictionary)
        // CC-CEDICT glosses 耳聋 "deaf" and 淋巴结 "lymph node"; the text writes the nouns and adjectives made of them.
        let deafness = EnglishTermTokens("such as deafness or otitis")
        let deafSpan = try XCTUnwrap(TermPairer.bestSpan(TermProfile("耳聋", glosses: glosses, pinyin: pinyin), in: deafness, accepting: { _ in true }))
        XCTAssertEqual(deafness.surface(deafSpan.range), "deafness")
        let nodal = EnglishTermTokens("nodal involvement")
        let profile = TermProfile("淋巴结", glosses: glosses, pinyin: pinyin)
        XCTAssertNotEqual(profile.explains(nodal.tokens[0]), 0)
        // A word explained by one part of the term is still explained by another whose gloss it derives from:
        // 计算机 (computer) and 断层扫描 both explain "computed" in computed tomography.
        let ct = EnglishTermTokens("computed tomography")
        let scan = TermProfile("计算机断层扫描", glosses: glosses, pinyin: pinyin)
        XCTAssertEqual(scan.explains(ct.tokens[0]) & 0b111, 0b111, "计算机")
    }

    func testATransliterationSpellsTheSyllablesInOrder() throws {
        let dictionary = SharedDictionary.embedded
        let glosses = TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary()))
        let pinyin = try Pinyin(dictionary: dictionary)
        // Red Chamber 1: 因思昨夜之事 … the English names Shi-yin, whom the Chinese leaves implicit.
        // 因 (yin) spells "yin" and 思 (si) is one letter off "shi", but in the wrong order.
        let en = EnglishTermTokens("Shi-yin thought of what had happened the night before")
        XCTAssertNil(TermPairer.bestSpan(TermProfile("因思", glosses: glosses, pinyin: pinyin), in: en, accepting: { _ in true }))
        let span = try XCTUnwrap(TermPairer.bestSpan(TermProfile("士隐", glosses: glosses, pinyin: pinyin), in: en, accepting: { _ in true }))
        XCTAssertEqual(en.surface(span.range), "Shi-yin")
        // Hawkes writes some names with tone marks: Nǚ-wa is 女娲 nu wa.
        let goddess = EnglishTermTokens("the goddess Nǚ-wa was repairing the sky")
        let named = try XCTUnwrap(TermPairer.bestSpan(TermProfile("女娲", glosses: glosses, pinyin: pinyin), in: goddess, accepting: { _ in true }))
        XCTAssertEqual(goddess.surface(named.range), "Nǚ-wa")
        XCTAssertEqual(TermProfile.withoutToneMarks("lǜ"), "lu")
        XCTAssertTrue(TermProfile.spellsInOrder([0b001, 0, 0b110]), "a word that is no spelling in between")
        XCTAssertTrue(TermProfile.spellsInOrder([0b011, 0b100]), "a word spelling two characters, then the third")
        XCTAssertFalse(TermProfile.spellsInOrder([0b010, 0b001]))
        XCTAssertFalse(TermProfile.spellsInOrder([0b011, 0b001]), "both spell the first character")
        XCTAssertTrue(TermProfile.spellsInOrder([0b101, 0b010]), "the first word's first reading, then the second")
    }

    func testASpanHoldsNoWordThatRendersNothingOfTheTermOfItsOwn() throws {
        let dictionary = SharedDictionary.embedded
        let glosses = TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary()))
        let pinyin = try Pinyin(dictionary: dictionary)
        func profile(_ term: String) -> TermProfile {
            TermProfile(term, glosses: glosses, pinyin: pinyin, characterGlosses: dictionary.characterGlosses())
        }
        // nejm01: "incidence" glosses 事件 (incident) as "events" does; it belongs to the sentence. The
        // translator's links give adverse to 不良事件 (CC-CEDICT: bad, harmful).
        let incidence = EnglishTermTokens("the incidence of acute adverse events was higher")
        let adverse = incidence.tokens.map { $0.lower == "adverse" ? UInt32(0b111100) : 0 }
        let acute = try XCTUnwrap(TermPairer.bestSpan(profile("急性不良事件"), in: incidence, linked: adverse, accepting: { _ in true }))
        XCTAssertEqual(incidence.surface(acute.range), "acute adverse events")
        // Two words across "of" glossing the same characters together are one gloss (quality of life).
        let life = EnglishTermTokens("health-related quality of life was assessed")
        let quality = try XCTUnwrap(TermPairer.bestSpan(profile("健康相关生活质量"), in: life, accepting: { _ in true }))
        XCTAssertEqual(life.surface(quality.range), "health-related quality of life")
        // nejm01: "late nephrotoxic effects and ototoxic effects", linked as the word aligner does (耳 to
        // ototoxic, 毒 and 作用 to each effects): a coordination keeps its parts' order.
        let effects = EnglishTermTokens("late nephrotoxic effects and ototoxic effects were similar")
        let ototoxic = try XCTUnwrap(TermPairer.bestSpan(profile("耳毒性作用"), in: effects,
                                                         linked: effects.tokens.map { ["ototoxic": 0b1, "effects": 0b11010][$0.lower] ?? 0 },
                                                         accepting: { _ in true }))
        XCTAssertEqual(effects.surface(ototoxic.range), "ototoxic effects")
        // The rules on hand-made masks: incidence (事件) besides acute adverse events (急性, 不良, 事件).
        let tokens = EnglishTermTokens("incidence of acute adverse events").tokens
        XCTAssertTrue(TermPairer.hasARedundantSide(tokens, [0b110000, 0, 0b000011, 0b001100, 0b110000]))
        XCTAssertFalse(TermPairer.hasARedundantSide(tokens, [0b000001, 0, 0b000010, 0b001100, 0b110000]), "each word its own characters")
        XCTAssertFalse(TermPairer.hasARedundantSide(tokens, [0b110000, 0, 0b111111, 0, 0]), "a word explaining the whole says nothing of parts")
        // nejm03: rate renders 率 (a character English may leave implicit, 生存率: survival), which no
        // other word of the span renders; the span goes on to survival.
        let rate = EnglishTermTokens("the 3-year rate of invasive-disease-free survival was 92.0%")
        // (Free linked to 无 and invasive to 浸润性, as the word aligner links nejm03's sentence, and
        // rate to 生存率, whose company it keeps there.)
        let survival = try XCTUnwrap(TermPairer.bestSpan(profile("无浸润性疾病生存率"), in: rate,
                                                         linked: rate.tokens.map { ["free": 0b1, "invasive": 0b1110, "rate": 0b111000000][$0.lower] ?? 0 },
                                                         accepting: { _ in true }))
        XCTAssertEqual(rate.surface(survival.range), "rate of invasive-disease-free survival")
        // The rule on hand-made masks, 无疾病生存率: rate (生存率), disease (疾病), free (无), survival (生存).
        let free = EnglishTermTokens("rate of disease-free survival").tokens
        XCTAssertFalse(TermPairer.hasARedundantSide(free, [0b111000, 0, 0b110, 0b1, 0b11000]), "rate renders 率, survival does not")
        XCTAssertTrue(TermPairer.hasARedundantSide(free, [0b11000, 0, 0b110, 0b1, 0b11000]), "without 率, rate renders what survival does")
        let pair = EnglishTermTokens("head and neck").tokens
        XCTAssertFalse(TermPairer.coordinatesOutOfOrder(pair, [0b01, 0, 0b10]))
        XCTAssertTrue(TermPairer.coordinatesOutOfOrder(pair, [0b10, 0, 0b01]))
    }

    func testTheInsideATitleKeepsItWhole() throws {
        let title = EnglishTermTokens("Vanitas copied out The Story of the Stone from beginning to end")
        let the = try XCTUnwrap(title.tokens.lastIndex { $0.lower == "the" })
        XCTAssertTrue(title.tokens[the].isStop)
        XCTAssertFalse(title.tokens[the + 1].afterBreak, "Stone follows of the without a break")
        let dictionary = SharedDictionary.embedded
        let profile = TermProfile("石头记", glosses: TermProfile.GlossCache(table: TranslationTable(dictionary: dictionary, vocabulary: Vocabulary())),
                                  pinyin: try Pinyin(dictionary: dictionary))
        let span = try XCTUnwrap(TermPairer.bestSpan(profile, in: title, accepting: { _ in true }))
        XCTAssertEqual(title.surface(span.range), "Story of the Stone")
        let appendix = EnglishTermTokens("table S3 in the supplementary appendix")
        let supplementary = try XCTUnwrap(appendix.tokens.firstIndex { $0.lower == "supplementary" })
        XCTAssertTrue(appendix.tokens[supplementary].afterBreak, "before a word in lower case, the breaks")
    }

    func testAHyphenatedNameIsCapitalisedAsOneWord() {
        XCTAssertEqual(Termhood.capitalisedShare("Shi-yin"), 1)
        XCTAssertEqual(Termhood.capitalisedShare("Bottle-gourd Temple"), 1)
        XCTAssertEqual(Termhood.capitalisedShare("fairy Disenchantment"), 0.5)
        XCTAssertEqual(Termhood.capitalisedShare("non-Hispanic"), 0)
        XCTAssertEqual(Termhood.capitalisedShare("Rock of Rebirth"), 1, "function words do not count")
        XCTAssertTrue(GlossaryBuilder.isName("Kong Mei-xi"))
        XCTAssertFalse(GlossaryBuilder.isName("wife Feng-shi"))
    }

    func testARenderingEndingInAPrepositionOrAComparativeIsNoTerm() {
        XCTAssertTrue(TermPairer.endsLikeAPhrase("between"), "absolute difference between")
        XCTAssertTrue(TermPairer.endsLikeAPhrase("greater"), "tumor diameter greater")
        XCTAssertTrue(TermPairer.endsLikeAPhrase("included"), "end points included")
        XCTAssertTrue(TermPairer.endsLikeAPhrase("approximately"))
        XCTAssertFalse(TermPairer.endsLikeAPhrase("difference"))
        XCTAssertFalse(TermPairer.endsLikeAPhrase("speed"), "-eed is no past tense")
        XCTAssertFalse(TermPairer.endsLikeAPhrase("monitoring"), "cardiac monitoring: a gerund ends terms")
    }

    func testARenderingOpeningWithACountIsNoTerm() {
        XCTAssertTrue(TermPairer.opensWithACount("38 events"))
        XCTAssertFalse(TermPairer.opensWithACount("5-fluorouracil"), "a number joined by a hyphen is part of the name")
        XCTAssertFalse(TermPairer.opensWithACount("3-year overall survival"))
        XCTAssertFalse(TermPairer.opensWithACount("phase 3 trial"))
    }

    func testAVerbRenderedAsAVerbStartsAPhrase() throws {
        let context = TermPairer.Context(pairs: [], names: [], associations: [:], sample: 12, source: "",
                                         frequency: try GeneralFrequency.shipped.get())
        let pairer = try TermPairer(context: context, dictionary: SharedDictionary.embedded)
        XCTAssertTrue(pairer.isPhrase("接受吉西他滨", rendered: "receive gemcitabine"))
        XCTAssertTrue(pairer.isPhrase("接受化疗", rendered: "received chemotherapy"))
        XCTAssertTrue(pairer.isPhrase("减少含糖饮料", rendered: "reduce sweetened drinks"))
        XCTAssertFalse(pairer.isPhrase("诱导化疗", rendered: "induction chemotherapy"), "a noun made from the verb")
        XCTAssertFalse(pairer.isPhrase("吉西他滨", rendered: "gemcitabine"))
        XCTAssertFalse(pairer.isPhrase("知情同意", rendered: "informed consent"), "a participle before its noun is an adjective")
        XCTAssertFalse(pairer.isPhrase("计算机断层扫描", rendered: "computed tomography"))
        XCTAssertTrue(pairer.isPhrase("包括总", rendered: "including overall"), "a verb and what follows it")
        XCTAssertTrue(pairer.isPhrase("加用吉西他滨", rendered: "adding gemcitabine"), "加 'to add; plus' read as its verb")
        XCTAssertFalse(pairer.isPhrase("加用吉西他滨", rendered: "addition of gemcitabine"), "a noun made from the verb")
        XCTAssertFalse(pairer.isPhrase("出血事件", rendered: "bleeding events"), "出血 glosses bleeding itself: a noun")
        XCTAssertFalse(pairer.isPhrase("开水", rendered: "boiling water"), "开水 glosses boiling water")
        XCTAssertTrue(pairer.isPhrase("显著延长无进展生存期", rendered: "significantly prolong both progression-free survival"),
                      "an adverb and 延长's verb 'to prolong'")
        XCTAssertTrue(pairer.isPhrase("随机分配", rendered: "randomly assign"))
        XCTAssertFalse(pairer.isPhrase("局部区域晚期鼻咽癌", rendered: "locoregionally advanced nasopharyngeal carcinoma"),
                       "an adverb before an adjective")
        XCTAssertFalse(pairer.isPhrase("及时雨", rendered: "Timely Rain"), "a name")
    }

    func testALatinWordOnlyEverInsideALongerLatinNameIsNoEntry() throws {
        let dictionary = SharedDictionary.embedded
        dictionary.prepareStatistics()
        let texts = [("由国际乳腺研究组（breast international group）进行", "conducted by the breast international group"),
                     ("国际乳腺研究组（breast international group）资助", "funded by the breast international group")]
        let context = TermPairer.Context(pairs: texts.enumerated().map { GlossaryBuilder.Pair(zh: $1.0, en: EnglishTermTokens($1.1), line: $0 + 1) },
                                         names: [], associations: [:], sample: 12, source: "", frequency: try GeneralFrequency.shipped.get())
        let pairer = try TermPairer(context: context, dictionary: dictionary)
        XCTAssertNil(pairer.entry(for: "breast", beads: [0, 1]))
        let alone = TermPairer.Context(pairs: [GlossaryBuilder.Pair(zh: "breast是英语", en: EnglishTermTokens("breast is english"), line: 1)] + context.pairs,
                                       names: [], associations: [:], sample: 12, source: "", frequency: try GeneralFrequency.shipped.get())
        XCTAssertEqual(try TermPairer(context: alone, dictionary: dictionary).entry(for: "breast", beads: [0, 1, 2])?.en, "breast",
                       "written alone once, it is its own rendering")
    }

    func testCoordinationsOfTwoEntriesAreDropped() {
        let entries = [TermEntry(zh: "吉西他滨", en: "gemcitabine", frequency: 4), TermEntry(zh: "顺铂", en: "cisplatin", frequency: 6),
                       TermEntry(zh: "吉西他滨和顺铂", en: "gemcitabine and cisplatin", frequency: 2),
                       TermEntry(zh: "化疗加曲妥珠单抗", en: "chemotherapy plus trastuzumab", frequency: 1),
                       TermEntry(zh: "化疗", en: "chemotherapy", frequency: 9),
                       TermEntry(zh: "头颈部肿瘤", en: "head and neck cancer", frequency: 1),
                       TermEntry(zh: "数据和安全监察委员会", en: "data and safety monitoring committee", frequency: 1)]
        let kept = GlossaryBuilder.withoutCoordinations(entries).map(\.zh)
        XCTAssertEqual(kept, ["吉西他滨", "顺铂", "化疗加曲妥珠单抗", "化疗", "头颈部肿瘤", "数据和安全监察委员会"],
                       "only a coordination of two entries goes; 曲妥珠单抗 is no entry here")
    }
}
