@testable import BitextCore
import XCTest

final class WordAlignerTests: XCTestCase {
    /// An alignment of one-sentence beads from parallel lines.
    private func alignment(_ pairs: [(String, String)]) -> Alignment {
        Alignment(zh: pairs.map { Sentence(text: $0.0, language: .zh) }, en: pairs.map { Sentence(text: $0.1, language: .en) },
                  beads: pairs.indices.map { Bead(zh: $0..<($0 + 1), en: $0..<($0 + 1)) })
    }

    private func linkedWords(_ b: BeadWordLinks) -> Set<String> {
        Set(b.links.map { "\(b.zh[$0.zh].text)-\(b.en[$0.en].text)" })
    }

    func testEMFindsLinksFromCooccurrenceAloneWithoutADictionary() throws {
        // No dictionary: only co-occurrence across beads can tell 猫 is cat and 喝 is drinks.
        let corpus = alignment([("猫喝水", "cat drinks water"), ("狗喝水", "dog drinks water"), ("猫吃鱼", "cat eats fish"),
                                ("狗吃肉", "dog eats meat"), ("猫喝奶", "cat drinks milk"), ("鸟吃虫", "bird eats worms")])
        let beads = try WordAligner(dictionary: BilingualDictionary()).align(corpus)
        XCTAssertEqual(beads.count, 6)
        let first = linkedWords(beads[0])
        XCTAssertTrue(first.isSuperset(of: ["猫-cat", "喝-drinks", "水-water"]), "\(first)")
        let third = linkedWords(beads[2])
        XCTAssertTrue(third.isSuperset(of: ["猫-cat", "吃-eats", "鱼-fish"]), "\(third)")
    }

    func testDictionaryPriorLinksAOnePageText() throws {
        // One bead: without the prior, a word order flip would leave it a guess; CC-CEDICT says 国际 ↔ international.
        let page = alignment([("国际社会必须未雨绸缪", "The international community must plan ahead")])
        let beads = try WordAligner(dictionary: SharedDictionary.embedded).align(page)
        let links = linkedWords(beads[0])
        XCTAssertTrue(links.contains("国际-international"), "\(links)")
        XCTAssertTrue(links.contains("社会-community"), "\(links)")
    }

    func testPinyinPriorLinksNames() throws {
        let page = alignment([("陈清扬说我是破鞋", "Chen Qingyang said I was damaged goods")])
        let links = linkedWords(try WordAligner(dictionary: SharedDictionary.embedded).align(page)[0])
        XCTAssertTrue(links.contains("陈-Chen"), "\(links)")
        XCTAssertTrue(links.contains("清-Qingyang") || links.contains("扬-Qingyang"), "\(links)")
    }

    func testChineseUnitsAreWordsAndTheCharactersOfUnknownWords() throws {
        let tokenizer = try WordTokenizer(dictionary: SharedDictionary.embedded)
        let units = try tokenizer.chinese(Sentence(text: "HER2阳性的乳腺癌", language: .zh), index: 0).map(\.text)
        XCTAssertEqual(units.first, "HER2")
        XCTAssertTrue(units.contains("阳性"), "\(units)")
        let unknown = try WordTokenizer(dictionary: BilingualDictionary()).chinese(Sentence(text: "阳性", language: .zh), index: 3)
        XCTAssertEqual(unknown.map(\.text), ["阳", "性"], "a word the dictionary lacks is linked by its characters")
        XCTAssertEqual(unknown.map(\.sentence), [3, 3])
        let english = WordTokenizer.english(Sentence(text: "Intensity-modulated radiotherapy didn't fail.", language: .en), index: 0)
        XCTAssertEqual(english.map(\.text), ["Intensity", "modulated", "radiotherapy", "didn't", "fail"])
    }

    func testGrowDiagFinalAnd() {
        func links(_ pairs: [(Int, Int)]) -> Set<WordLink> { Set(pairs.map { WordLink(zh: $0.0, en: $0.1) }) }
        // Both agree on 0-0 and 2-2; 1-1 is a diagonal neighbour in the union and attaches unlinked words;
        // 3-0 (forward only) is no neighbour, and its English word is linked: left out; 3-3 (backward
        // only) links two unlinked words: added by final-and.
        let forward = links([(0, 0), (1, 1), (2, 2), (3, 0)])
        let backward = links([(0, 0), (2, 2), (3, 3)])
        XCTAssertEqual(Symmetrizer.growDiagFinalAnd(forward: forward, backward: backward),
                       [WordLink(zh: 0, en: 0), WordLink(zh: 1, en: 1), WordLink(zh: 2, en: 2), WordLink(zh: 3, en: 3)])
        XCTAssertEqual(Symmetrizer.growDiagFinalAnd(forward: [], backward: []), [])
    }

    func testDiagonalWeightsPreferThePositionOnTheDiagonal() {
        let p = WordAligner.Parameters()
        var weights = LinkCorpus.PositionWeights(parameters: p)
        // 4 sources, 3 targets: row j holds the weights of target j over the sources.
        let table = weights.table(sources: 4, targets: 3, diagonal: true)
        XCTAssertEqual(table.count, 12)
        for j in 0..<3 { XCTAssertEqual(table[(j * 4)..<(j * 4 + 4)].reduce(0, +), 1 - p.nullProbability, accuracy: 1e-9) }
        let first = Array(table[0..<4]), last = Array(table[8..<12])
        XCTAssertEqual(first.firstIndex(of: first.max()!), 0)
        XCTAssertEqual(last.firstIndex(of: last.max()!), 3)
        XCTAssertGreaterThan(first[1], first[3])
        XCTAssertEqual(weights.table(sources: 4, targets: 3, diagonal: true), table, "one table per bead shape")
        XCTAssertEqual(Set(weights.table(sources: 4, targets: 3, diagonal: false)), [(1 - p.nullProbability) / 4])
    }

    func testBothDirectionsTrainedTogetherGiveTheSerialLinks() throws {
        // The two directions train on two cores; each must match a training run of its own.
        let text = alignment([("我们 研究 化疗", "we study chemotherapy"), ("化疗 有效", "chemotherapy works"), ("研究 结束", "the study ended")])
        let tokenizer = try WordTokenizer(dictionary: SharedDictionary.embedded)
        var zh: [[WordToken]] = [], en: [[WordToken]] = []
        for (k, bead) in text.beads.enumerated() {
            zh.append(try tokenizer.chinese(text.zh[k], index: k))
            en.append(WordTokenizer.english(text.en[bead.en.lowerBound], index: k))
        }
        let p = WordAligner.Parameters()
        let corpus = try LinkCorpus(zh: zh, en: en, dictionary: SharedDictionary.embedded, parameters: p)
        let forward = corpus.train(direction: .englishGivenChinese, parameters: p)
        let backward = corpus.train(direction: .chineseGivenEnglish, parameters: p)
        let aligned = try WordAligner(dictionary: SharedDictionary.embedded).align(text)
        for b in aligned.indices {
            var weights = LinkCorpus.PositionWeights(parameters: p)  // fresh per bead: the cache must not matter
            let serial = Symmetrizer.growDiagFinalAnd(
                forward: corpus.viterbi(bead: b, model: forward, direction: .englishGivenChinese, weights: &weights),
                backward: corpus.viterbi(bead: b, model: backward, direction: .chineseGivenEnglish, weights: &weights))
            XCTAssertEqual(aligned[b].links, serial)
        }
        // 化疗 is not in CC-CEDICT, so its characters are the units, and both link to the word.
        XCTAssertTrue(linkedWords(aligned[1]).isSuperset(of: ["化-chemotherapy", "疗-chemotherapy"]), "\(linkedWords(aligned[1]))")
    }
}

final class TermhoodTests: XCTestCase {
    private let termhood = Termhood(frequency: try! GeneralFrequency.shipped.get())

    func testGeneralFrequencyKnowsCommonAndRareWords() throws {
        let f = try GeneralFrequency.shipped.get()
        XCTAssertGreaterThan(f.zipf(chinese: "的"), 7)
        XCTAssertGreaterThan(f.zipf(english: "The"), 7)
        XCTAssertGreaterThan(f.zipf(chinese: "数据"), 5)
        XCTAssertEqual(f.zipf(chinese: "鼻咽癌"), 0, "a domain word is no common word")
        XCTAssertEqual(f.zipf(english: "qingyang"), 0, "not a common word")
        XCTAssertThrowsError(try GeneralFrequency(tsv: Array("zh\t的\n".utf8), source: "f.tsv")) {
            XCTAssertEqual(($0 as? BitextError)?.description, "f.tsv:1: error: expected LANG<TAB>WORD<TAB>ZIPF×100")
        }
        for bad in [Array("# c\nzh\t的\t7x\n".utf8), Array("# c\nen\tthe\t\n".utf8), [0x23, 0x0A, 0x7A, 0x68, 0x09, 0xE7, 0x09, 0x37, 0x0A]] {
            XCTAssertThrowsError(try GeneralFrequency(tsv: bad, source: "f.tsv"), "\(bad)") {
                XCTAssertEqual(($0 as? BitextError)?.description, "f.tsv:2: error: expected LANG<TAB>WORD<TAB>ZIPF×100")
            }
        }
        let small = try GeneralFrequency(tsv: Array("zh\t伊斯兰\t412\nen\tstate\t530\n".utf8), source: "f.tsv")
        XCTAssertEqual(small.zipf(chinese: "伊斯兰"), 4.12)
        XCTAssertEqual(small.zipf(english: "State"), 5.3)
    }

    func testRecurringNamesAndDomainTermsRankAboveGenericWords() {
        let name = TermEntry(zh: "陈清扬", en: "Chen Qingyang", frequency: 12)
        let domain = TermEntry(zh: "鼻咽癌", en: "nasopharyngeal carcinoma", frequency: 9)
        let generic = TermEntry(zh: "手绢", en: "handkerchief", frequency: 1)
        let phrase = TermEntry(zh: "数据收集", en: "data collection", frequency: 1)
        let ranked = termhood.ranked([generic, phrase, domain, name]).map(\.zh)
        XCTAssertEqual(Set(ranked.prefix(2)), ["陈清扬", "鼻咽癌"])
        let p = termhood.probability(of: domain, nested: false)
        XCTAssertGreaterThan(p, termhood.probability(of: domain, nested: true), "living only inside a longer term counts against")
        XCTAssertTrue((0...1).contains(p))
    }

    func testAProperNameOfTheDictionaryWrittenCapitalisedRanksHigher() {
        let edges = TermBoundaries(dictionary: SharedDictionary.embedded)
        XCTAssertEqual(edges.evidence(of: "北京", in: ["他去了北京。"]).properName, 1)
        XCTAssertEqual(edges.evidence(of: "国际社会", in: ["国际社会应当准备。"]).properName, 0)
        let place = TermEntry(zh: "北京", en: "Beijing", frequency: 2)
        let name = Termhood.Boundaries(properName: 1)
        XCTAssertGreaterThan(termhood.probability(of: place, nested: false, boundaries: name), termhood.probability(of: place, nested: false))
        let lower = TermEntry(zh: "北京", en: "beijing", frequency: 2)
        XCTAssertEqual(termhood.probability(of: lower, nested: false, boundaries: name), termhood.probability(of: lower, nested: false),
                       "written in lower case, the English does not show the name")
    }

    func testNestedTerms() {
        let entries = [TermEntry(zh: "鼻咽癌", en: "nasopharyngeal carcinoma"), TermEntry(zh: "局部区域晚期鼻咽癌", en: "locoregionally advanced nasopharyngeal carcinoma")]
        XCTAssertEqual(Termhood.nestedTerms(entries), ["鼻咽癌"])
    }

    func testBoundariesFindFragmentsOfWords() {
        let edges = TermBoundaries(dictionary: SharedDictionary.embedded)
        let sentence = "与3个周期的同步顺铂化疗相比，3级急性不良事件发生率更高。"
        XCTAssertEqual(edges.evidence(of: "同步顺铂化", in: [sentence]).cutWord, 1, "ends inside 化疗")
        XCTAssertEqual(edges.evidence(of: "同步顺铂化疗", in: [sentence]), Termhood.Boundaries(), "whole words, after 的")
        XCTAssertEqual(edges.evidence(of: "级急性不良事件", in: [sentence]).afterDigit, 1, "the measure word belongs to its count")
        XCTAssertEqual(edges.evidence(of: "急性不良事件", in: [sentence, "急性不良事件很少。"]).afterDigit, 0)
        XCTAssertEqual(edges.evidence(of: "鼻咽癌", in: [sentence]), Termhood.Boundaries(), "not in the text: no evidence")
        let domain = TermEntry(zh: "同步顺铂化", en: "concurrent cisplatin", frequency: 5)
        XCTAssertLessThan(termhood.probability(of: domain, nested: false, boundaries: Termhood.Boundaries(cutWord: 1)),
                          termhood.probability(of: domain, nested: false), "a fragment ranks lower")
    }

    func testAccessorVarietyFindsTailsOfLongerTerms() {
        let edges = TermBoundaries(dictionary: SharedDictionary.embedded)
        let sentences = ["转移性鼻咽癌患者接受了化疗。", "晚期鼻咽癌和转移性鼻咽癌不同。", "鼻咽癌，转移性鼻咽癌"]
        // 性鼻咽癌 always follows 移: one left neighbour over three occurrences.
        XCTAssertEqual(edges.evidence(of: "性鼻咽癌", in: sentences).variety, 1.0 / 3, accuracy: 1e-9)
        // 鼻咽癌, five times, meets 患, 和, 不, the comma and the text's end on the right, and on its
        // less varied left side 性 (three times), 期 and the text's start: 3 of 5.
        XCTAssertEqual(edges.evidence(of: "鼻咽癌", in: sentences).variety, 0.6, accuracy: 1e-9)
        XCTAssertEqual(edges.evidence(of: "患者", in: sentences).variety, Termhood.Boundaries.unknownVariety, "seen once: unknown")
        let entry = TermEntry(zh: "性鼻咽癌", en: "nasopharyngeal carcinoma", frequency: 3)
        XCTAssertLessThan(termhood.probability(of: entry, nested: false, boundaries: Termhood.Boundaries(variety: 1.0 / 3)),
                          termhood.probability(of: entry, nested: false, boundaries: Termhood.Boundaries(variety: 1)))
    }

    func testRareExtensionsOfFrequentEntriesAreFreeCombinations() {
        let entries = [TermEntry(zh: "陈清扬", en: "Chen Qingyang", frequency: 30), TermEntry(zh: "请陈清扬", en: "invited Chen Qingyang", frequency: 1),
                       TermEntry(zh: "诱导化疗", en: "induction chemotherapy", frequency: 46),
                       TermEntry(zh: "诱导化疗组", en: "induction chemotherapy group", frequency: 31)]
        let shares = Termhood.extensionShares(entries)
        XCTAssertEqual(shares, ["请陈清扬": 1.0 / 30, "诱导化疗组": 31.0 / 46])
        let group = entries[3]
        XCTAssertLessThan(termhood.probability(of: group, nested: false, extensionShare: 1.0 / 30),
                          termhood.probability(of: group, nested: false, extensionShare: 31.0 / 46))
    }

    func testVerbsPrepositionsAndLeadingCountsCountAgainstTermhood() {
        let edges = TermBoundaries(dictionary: SharedDictionary.embedded)
        XCTAssertTrue(edges.endsInAVerb(Array("引诱陈清扬".unicodeScalars)), "seduce Chen Qingyang")
        XCTAssertFalse(edges.endsInAVerb(Array("陈清扬".unicodeScalars)))
        XCTAssertFalse(edges.endsInAVerb(Array("局部区域晚期鼻咽癌".unicodeScalars)))
        let term = TermEntry(zh: "毒性作用", en: "toxic effects", frequency: 3)
        let p = termhood.probability(of: term, nested: false)
        XCTAssertLessThan(termhood.probability(of: term, nested: false, boundaries: Termhood.Boundaries(verbAtEdge: 1)), p)
        XCTAssertLessThan(termhood.probability(of: TermEntry(zh: "毒性作用", en: "effects of toxins", frequency: 3), nested: false),
                          termhood.probability(of: TermEntry(zh: "毒性作用", en: "toxin effects", frequency: 3), nested: false))
        XCTAssertLessThan(termhood.probability(of: TermEntry(zh: "3例试验", en: "3 trials", frequency: 3), nested: false),
                          termhood.probability(of: TermEntry(zh: "三例试验", en: "3 trials", frequency: 3), nested: false))
    }

    func testCandidateLengthsComeFromTheParameters() throws {
        let sentence = "中山大学肿瘤防治中心的研究者。"
        let segmenter = try WordSegmenter(language: .zh)
        let standard = try ChineseTermCandidates.candidates(sentence, segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertTrue(standard.contains("中山大学肿瘤防治中心"), "\(standard)")
        var short = GlossaryParameters()
        short.maxCharacters = 4
        let shorter = try ChineseTermCandidates.candidates(sentence, segmenter: segmenter, dictionary: SharedDictionary.embedded, parameters: short)
        XCTAssertFalse(shorter.isEmpty)
        XCTAssertTrue(shorter.allSatisfy { $0.count <= 4 }, "\(shorter)")
    }

    func testCandidatesKeepHyphensAndMayStartWithACount() throws {
        let candidates = try ChineseTermCandidates.candidates("我们在3期试验中使用分期-分类系统。", segmenter: WordSegmenter(language: .zh),
                                                              dictionary: SharedDictionary.embedded)
        XCTAssertTrue(candidates.contains("3期试验"), "\(candidates)")
        XCTAssertTrue(candidates.contains("分期-分类系统"), "\(candidates)")
        XCTAssertFalse(candidates.contains("分期分类系统"), "the hyphen is kept")
        XCTAssertFalse(candidates.contains { $0.hasPrefix("-") || $0.hasSuffix("-") })
    }

    func testTwoLetterAcronymsAreCandidatesButUnitsAndEnglishWordsAreNot() throws {
        XCTAssertTrue(ChineseTermCandidates.isAcronym("CI"))
        XCTAssertTrue(ChineseTermCandidates.isAcronym("ct"))
        XCTAssertTrue(ChineseTermCandidates.isAcronym("NYHA"))
        XCTAssertFalse(ChineseTermCandidates.isAcronym("mg"), "a unit")
        XCTAssertFalse(ChineseTermCandidates.isAcronym("of"), "an English word")
        XCTAssertFalse(ChineseTermCandidates.isAcronym("s3"), "a table number, not two letters")
        let found = try ChineseTermCandidates.candidates("风险比为0.51（95% CI，0.34至0.77），剂量为80 mg", segmenter: WordSegmenter(language: .zh),
                                                         dictionary: SharedDictionary.embedded)
        XCTAssertTrue(found.contains("CI"), "\(found)")
        XCTAssertFalse(found.contains("mg"), "\(found)")
    }

    func testCandidatesDoNotStartWithACountedMeasureOrAPhraseOpenerNorHoldAConjunction() throws {
        let segmenter = try WordSegmenter(language: .zh)
        let counted = try ChineseTermCandidates.candidates("两个治疗组的3个周期化疗", segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertTrue(counted.contains("治疗组"), "\(counted)")
        XCTAssertFalse(counted.contains { $0.hasPrefix("两个") || $0.hasPrefix("3个") }, "\(counted)")
        XCTAssertTrue(ChineseTermCandidates.startsWithACount(["这", "个", "方案"]))
        XCTAssertTrue(ChineseTermCandidates.startsWithACount(["36个", "月"]))
        XCTAssertTrue(ChineseTermCandidates.startsWithACount(["第二次", "评估"]), "an occasion counted")
        XCTAssertFalse(ChineseTermCandidates.startsWithACount(["第二", "原发性"]), "第二原发性非乳腺癌 is a term")
        XCTAssertFalse(ChineseTermCandidates.startsWithACount(["次要", "终点"]))
        XCTAssertFalse(ChineseTermCandidates.startsWithACount(["两", "组"]), "两组 (two-group) counts no 个")
        XCTAssertFalse(ChineseTermCandidates.startsWithACount(["个人", "史"]))
        let opened = try ChineseTermCandidates.candidates("帕妥珠单抗能显著提高病理完全缓解率", segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertTrue(opened.contains("病理完全缓解率"), "\(opened)")
        XCTAssertFalse(opened.contains { $0.hasPrefix("能") }, "a modal verb opens a phrase: \(opened)")
        let pronoun = try ChineseTermCandidates.candidates("他们走到章风山她骑在马上", segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertTrue(pronoun.contains("章风山"), "\(pronoun)")
        XCTAssertFalse(pronoun.contains { $0.contains("她") || $0.contains("他们") }, "no personal pronoun inside a term: \(pronoun)")
        let numbers = try ChineseTermCandidates.candidates("十四队有十五个人，真不知道", segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertTrue(numbers.contains("十四队"), "\(numbers)")
        XCTAssertFalse(numbers.contains("十四") || numbers.contains("十五"), "a number alone is no term: \(numbers)")
        XCTAssertFalse(numbers.contains { $0.hasSuffix("不") }, "nor is what ends in a negation: \(numbers)")
        let complement = try ChineseTermCandidates.candidates("天蓝得吓人，一锤砸个稀烂", segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertFalse(complement.contains { $0.contains("得") || $0.contains("个") }, "a complement or a measure inside is a phrase: \(complement)")
        let joined = try ChineseTermCandidates.candidates("无远处转移且无局部复发", segmenter: segmenter, dictionary: SharedDictionary.embedded)
        XCTAssertFalse(joined.contains { $0.contains("且") }, "a conjunction joins two phrases: \(joined)")
    }

    func testPartOfANameNeverUsedAloneIsDropped() {
        let entries = [TermEntry(zh: "陈清扬", en: "Chen Qingyang", frequency: 3), TermEntry(zh: "清扬", en: "Qingyang", frequency: 3),
                       TermEntry(zh: "清平", en: "Qingping", frequency: 2), TermEntry(zh: "清平赶街", en: "market in Qingping", frequency: 1),
                       TermEntry(zh: "景颇", en: "Jingpo", frequency: 4), TermEntry(zh: "景颇族", en: "Jingpo", frequency: 2)]
        let occurrences = ["陈清扬": [0, 1, 2], "清扬": [0, 1, 2], "清平": [3, 4], "清平赶街": [3], "景颇": [5, 6, 7, 8], "景颇族": [7, 8]]
        let kept = Set(GlossaryBuilder.withoutFragments(entries, occurrences: occurrences).map(\.zh))
        XCTAssertFalse(kept.contains("清扬"), "a given name only ever written with the surname")
        XCTAssertTrue(kept.isSuperset(of: ["陈清扬", "清平", "景颇"]), "\(kept): a place inside a phrase, a name of its own")
    }

    func testALongerTermAddingAHeadItsEnglishLeavesOutGivesWay() {
        let entries = [TermEntry(zh: "早期乳腺癌患者", en: "early breast cancer", frequency: 5),
                       TermEntry(zh: "早期乳腺癌", en: "early breast cancer", frequency: 5),
                       TermEntry(zh: "血小板减少", en: "thrombocytopenia", frequency: 3),
                       TermEntry(zh: "血小板", en: "thrombocytopenia", frequency: 3),
                       TermEntry(zh: "健康相关生活质量", en: "health-related quality of life", frequency: 2),
                       TermEntry(zh: "健康相关生活", en: "health-related quality of life", frequency: 2),
                       TermEntry(zh: "同步放化疗", en: "concurrent chemoradiotherapy", frequency: 6),
                       TermEntry(zh: "同步放", en: "concurrent chemoradiotherapy", frequency: 6),
                       TermEntry(zh: "数据监察委员会", en: "data monitoring committee", frequency: 2),
                       TermEntry(zh: "数据监察委员", en: "data monitoring committee", frequency: 2)]
        let kept = Set(GlossaryBuilder.withoutUnrenderedHeads(entries, edges: TermBoundaries(dictionary: SharedDictionary.embedded)).map(\.zh))
        XCTAssertFalse(kept.contains("早期乳腺癌患者"), "患者 (patients) is not rendered")
        XCTAssertEqual(kept, Set(entries.map(\.zh)).subtracting(["早期乳腺癌患者"]),
                       "a verb (减少), a rendered noun (质量 quality, 化疗 chemo-) and a cut word (委员会) are no unrendered heads")
    }

    func testATermUsedOnItsOwnTwiceIsNoFragmentOfItsContainer() {
        let entries = [TermEntry(zh: "标准治疗组", en: "standard-therapy group", frequency: 27),
                       TermEntry(zh: "标准治疗", en: "standard therapy", frequency: 29),
                       TermEntry(zh: "后伊斯兰国时代", en: "post-ISIS era", frequency: 20),
                       TermEntry(zh: "后伊斯兰国", en: "post-ISIS", frequency: 20)]
        let occurrences = ["标准治疗组": Array(0..<27), "标准治疗": Array(0..<29),
                           "后伊斯兰国时代": Array(100..<119) + [130], "后伊斯兰国": Array(100..<120)]
        let kept = Set(GlossaryBuilder.withoutFragments(entries, occurrences: occurrences).map(\.zh))
        XCTAssertTrue(kept.contains("标准治疗"), "written twice without 组: a term of its own")
        XCTAssertFalse(kept.contains("后伊斯兰国"), "once alone in twenty is a modifier of 后伊斯兰国时代")
    }

    func testAHyphenWrittenOnlyBeforeANounIsLeftOutOfTheRendering() {
        let texts = [("标准治疗组的患者", "patients in the standard-therapy group"), ("与标准治疗相比", "as compared with standard therapy"),
                     ("随访期间", "during follow-up."), ("随访患者", "we follow up patients"),
                     ("无复发生存率", "recurrence-free survival was higher"), ("无复发生存", "survival free of recurrence")]
        let pairs = texts.enumerated().map { GlossaryBuilder.Pair(zh: $1.0, en: EnglishTermTokens($1.1), line: $0 + 1) }
        let entries = [TermEntry(zh: "标准治疗", en: "standard-therapy"), TermEntry(zh: "随访", en: "follow-up"),
                       TermEntry(zh: "无复发生存", en: "recurrence-free")]
        let occurrences = ["标准治疗": [0, 1], "随访": [2, 3], "无复发生存": [4, 5]]
        let cited = GlossaryBuilder.inCitationForm(entries, occurrences: occurrences, pairs: pairs).map(\.en)
        XCTAssertEqual(cited, ["standard therapy", "follow-up", "recurrence-free"],
                       "follow-up stands alone once; the term's sentences never write recurrence free apart")
    }

    func testATermCuttingAnotherEntryOfItsContainerIsAFragment() {
        let entries = [TermEntry(zh: "诱导化疗组", en: "induction chemotherapy group", frequency: 3),
                       TermEntry(zh: "诱导化疗", en: "induction chemotherapy", frequency: 5),
                       TermEntry(zh: "化疗组", en: "chemotherapy group", frequency: 3),
                       TermEntry(zh: "中位无进展生存期", en: "median progression-free survival", frequency: 2),
                       TermEntry(zh: "无进展生存期", en: "progression-free survival", frequency: 2)]
        let occurrences = ["诱导化疗组": [0, 1, 2], "诱导化疗": [0, 1, 2, 3, 4], "化疗组": [0, 1, 2],
                           "中位无进展生存期": [5, 6], "无进展生存期": [5, 6]]
        let kept = Set(GlossaryBuilder.withoutFragments(entries, occurrences: occurrences).map(\.zh))
        XCTAssertFalse(kept.contains("化疗组"), "its left edge cuts 诱导化疗, an entry of 诱导化疗组")
        XCTAssertTrue(kept.isSuperset(of: ["诱导化疗组", "诱导化疗", "无进展生存期"]), "\(kept): modified on its left, not cut")
    }

    func testTheTailOfALongerEntryCutInsideAWordIsDropped() {
        let entries = [TermEntry(zh: "中枢神经系统", en: "central nervous system", frequency: 3),
                       TermEntry(zh: "神经系统", en: "nervous system", frequency: 3),
                       TermEntry(zh: "中位无进展生存期", en: "median progression-free survival", frequency: 2),
                       TermEntry(zh: "无进展生存期", en: "progression-free survival", frequency: 3),
                       TermEntry(zh: "置信区间", en: "confidence interval", frequency: 4),
                       TermEntry(zh: "区间", en: "range", frequency: 2),
                       TermEntry(zh: "左心室射血分数", en: "left ventricular ejection fraction", frequency: 6),
                       TermEntry(zh: "射血分数", en: "ejection fraction", frequency: 6),
                       TermEntry(zh: "乳腺癌", en: "breast cancer", frequency: 1)]
        let occurrences = ["中枢神经系统": [0, 1, 2], "神经系统": [0, 1, 2], "中位无进展生存期": [3, 4], "无进展生存期": [3, 4, 9],
                           "置信区间": [5, 6, 7, 8], "区间": [5, 6], "左心室射血分数": Array(10..<16), "射血分数": Array(10..<16),
                           "乳腺癌": [10]]
        let boundaries = ["神经系统": Termhood.Boundaries(cutWord: 1), "无进展生存期": Termhood.Boundaries(),
                          "区间": Termhood.Boundaries(cutWord: 1), "射血分数": Termhood.Boundaries()]
        let kept = Set(GlossaryBuilder.withoutCutTails(entries, occurrences: occurrences, boundaries: boundaries,
                                                       parameters: GlossaryParameters()).map(\.zh))
        XCTAssertFalse(kept.contains("神经系统"), "cut inside 中枢神经, and its English ends the longer one's")
        XCTAssertFalse(kept.contains("射血分数"), "cut between words, but written only inside 左心室射血分数")
        XCTAssertTrue(kept.contains("无进展生存期"), "modified on its left between words, and written alone too: a unit of its own")
        XCTAssertTrue(kept.contains("区间"), "rendered otherwise than the longer entry ends")
        XCTAssertEqual(kept.count, 7)
    }

    func testDefaultTrimKeepsShortTextsWhole() {
        let entries = [TermEntry(zh: "伊斯兰国", en: "Islamic State", score: 0.7, frequency: 6),
                       TermEntry(zh: "战场", en: "battlefield", score: 0.05, frequency: 1)]
        XCTAssertEqual(GlossaryCuration().apply(Glossary(entries: entries, sentencePairs: 8)).entries.count, 2)
        let long = GlossaryCuration().apply(Glossary(entries: entries, sentencePairs: 300))
        XCTAssertEqual(long.entries.map(\.zh), ["伊斯兰国"])
        XCTAssertEqual(long.sentencePairs, 300)
        XCTAssertEqual(GlossaryCuration(minimumScore: 0).apply(Glossary(entries: entries, sentencePairs: 300)).entries.count, 2)
    }

    func testCuration() {
        let glossary = Glossary(entries: [
            TermEntry(zh: "国际恐怖主义势力", en: "international terrorist forces", score: 0.5, frequency: 1),
            TermEntry(zh: "恐怖主义势力", en: "terrorist forces", score: 0.4, frequency: 1),
            TermEntry(zh: "恐怖主义", en: "terrorism", score: 0.05, frequency: 2),
        ])
        XCTAssertEqual(GlossaryCuration(minimumScore: 0.1).apply(glossary).entries.map(\.zh), ["国际恐怖主义势力", "恐怖主义势力"])
        XCTAssertEqual(GlossaryCuration(hideNested: true).apply(glossary).entries.map(\.zh), ["国际恐怖主义势力", "恐怖主义"],
                       "恐怖主义 occurs more often than the longer entry: it stays")
        XCTAssertEqual(GlossaryCuration(order: .frequency).apply(glossary).entries.first?.zh, "恐怖主义")
        XCTAssertEqual(GlossaryCuration(order: .en).apply(glossary).entries.map(\.en), ["international terrorist forces", "terrorism", "terrorist forces"])
    }
}
