import Foundation
import ICUKit

/// Pairs one Chinese term with its English rendering: in each sentence pair where the term occurs
/// (a sample of them in long texts), the English span its dictionary glosses, pinyin and Latin parts
/// explain best; the renderings are ranked by how well and how often they fit, and a pair is kept
/// only when it is a term (not a generic word) explained well enough. Each thread needs its own
/// pairer (it caches glosses and pinyin); the sentence pairs and associations are shared, read-only.
final class TermPairer {
    /// What the pairer reads, shared by every pairer of one glossary.
    struct Context {
        let pairs: [GlossaryBuilder.Pair]
        /// Lower-case English words that are names in these texts.
        let names: Set<String>
        /// Chinese candidates (by `HanKey` value, so that substrings are looked up without building
        /// strings) → English words keeping company with them.
        let associations: [UInt64: Set<String>]
        /// Occurrences looked at per term.
        let sample: Int
        /// The Chinese file, for references.
        let source: String
        /// How common words are in general English.
        let frequency: GeneralFrequency
        /// The word links of each sentence pair (empty: none).
        var links: [PairLinks] = []
        /// The thresholds.
        var parameters = GlossaryParameters()
    }

    /// What was seen of one English rendering of a term.
    struct Rendering {
        var count = 0
        var fit = 0.0
        var surfaces: [String: Int] = [:]
        var bestFit = -1.0
        var example = 0
        /// Its words are glosses of the term's own dictionary entry.
        var direct = false
        /// Some word of it is explained only by co-occurrence in these texts.
        var byCompany = false

        /// Counts one sentence pair, `pair`, rendering the term as `surface` with `fit`.
        mutating func record(_ surface: String, fit: Double, pair: Int) {
            count += 1
            self.fit += fit
            surfaces[surface, default: 0] += 1
            if fit > bestFit { bestFit = fit; example = pair }
        }
    }

    private let context: Context
    private let table: TranslationTable
    private let pinyin: Pinyin
    private let glosses: TermProfile.GlossCache
    private let characterGlosses: CharacterGlosses
    private let dictionary: BilingualDictionary
    /// How terms' edges sit among dictionary words.
    private let edges: TermBoundaries

    /// A pairer over `dictionary`.
    init(context: Context, dictionary: BilingualDictionary) throws(ICUError) {
        self.context = context
        table = TranslationTable(dictionary: dictionary, vocabulary: Vocabulary())
        pinyin = try Pinyin(dictionary: dictionary)
        glosses = TermProfile.GlossCache(table: table)
        characterGlosses = dictionary.characterGlosses()
        self.dictionary = dictionary
        edges = TermBoundaries(dictionary: dictionary)
    }

    /// The entry for `term`, which occurs in sentence pairs `beads`, or nil when it is no term.
    func entry(for term: String, beads: [Int]) -> TermEntry? {
        // A word the dictionary knows only as a verb (防止 "to prevent") is no term, nor a phrase
        // ending in a word of time or place that the dictionary does not list (放疗后 "after
        // radiotherapy", but 术后 "postoperative" is a word).
        if table.dictionary.isVerbOnly(HanKey(term)) { return nil }
        if endsWithLocalizer(term) && !table.dictionary.contains(HanKey(term)) { return nil }
        let (pairs, names, sample, source) = (context.pairs, context.names, context.sample, context.source)
        // A Latin word the Chinese writes only inside a longer Latin name or phrase is part of it.
        if Self.isLatinWord(term) && !beads.prefix(sample).contains(where: { Self.standsAlone(term, in: pairs[$0].zh) }) { return nil }
        let profile = TermProfile(term, glosses: glosses, pinyin: pinyin, associations: context.associations,
                                  characterGlosses: characterGlosses)
        let renderings = self.renderings(of: term, profile: profile, in: beads)
        let sampled = Double(min(beads.count, sample))
        // Mean fit, a little more for a rendering found in more of the term's sentence pairs; a full
        // form ranks before an abbreviation (Islamic State before ISIS), which becomes a variant.
        let ranked = renderings.map { (key: $0.key, r: $0.value, score: $0.value.fit / Double($0.value.count) * (0.7 + 0.3 * Double($0.value.count) / sampled)) }
            .sorted { a, b in
                // A Latin term inside the Chinese (SBP, NYHA) is its own translation where the English uses it.
                let (aSame, bSame) = (a.key == term.lowercased(), b.key == term.lowercased())
                if aSame != bSame { return aSame }
                let (aShort, bShort) = (Self.isAbbreviation(a.key, a.r), Self.isAbbreviation(b.key, b.r))
                if aShort != bShort { return !aShort }
                if a.r.direct != b.r.direct { return a.r.direct }
                // At a near-equal score, evidence of the term's own (dictionary, pinyin) beats co-occurrence.
                let (aRank, bRank) = (a.score + (a.r.byCompany ? 0 : context.parameters.ownEvidenceBonus), b.score + (b.r.byCompany ? 0 : context.parameters.ownEvidenceBonus))
                return aRank != bRank ? aRank > bRank : a.key < b.key
            }
        guard let first = ranked.first, first.score >= context.parameters.minimumPairScore else { return nil }
        let variants = ranked.dropFirst().filter { $0.score >= 0.8 * first.score }.prefix(3)
        // Abbreviations among the variants (ISIS for Islamic State) name the same thing: the sentence
        // pairs where they render the term support the entry as well.
        let abbreviated = variants.filter { Self.isAbbreviation($0.key, $0.r) }.reduce(0) { $0 + $1.r.count }
        // So do the pairs where a longer rendering holds this one (NYHA inside "NYHA class", HER2
        // inside "HER2-positive").
        func words(_ key: String) -> String { " \(key.replacingOccurrences(of: "-", with: " ")) " }
        let holding = ranked.dropFirst().filter { words($0.key).contains(words(first.key)) }.reduce(0) { $0 + $1.r.count }
        let support = min(1, Double(first.r.count + abbreviated + holding) / sampled)
        let best = (r: first.r, score: first.r.fit / Double(first.r.count) * (0.7 + 0.3 * support))
        let en = Self.mostCommon(best.r.surfaces)
        // Below a near-certain score, only a recurring term is kept, with a rendering of several
        // words or a score near the confident one.
        let severalWords = en.contains { $0 == " " || $0 == "-" }
        if best.score < context.parameters.confidentPairScore && (beads.count < 2 || !(severalWords || best.score >= context.parameters.confidentPairScore - 0.05)) { return nil }
        // A two-character word rendered by one English word (not a name) that is not its dictionary
        // gloss must be explained wholly, nearly every time it occurs (恶心 is not thrombocytopenia;
        // 化疗 is chemotherapy, and 放疗 radiotherapy, though one of its sampled pairs renders it otherwise).
        if term.count <= 2 && !severalWords && (best.r.fit < Double(best.r.count) || support < context.parameters.nearlyEverywhere) && !names.contains(en.lowercased()) && !best.r.direct { return nil }
        if isPhrase(term, rendered: en) { return nil }
        let example = pairs[best.r.example]
        return TermEntry(
            zh: term, en: en, pinyin: pinyin.reading(term, dictionary: dictionary), score: (best.score * 1000).rounded() / 1000,
            frequency: beads.count, exampleZh: example.zh, exampleEn: example.en.text,
            references: GlossaryBuilder.Pair.references(beads, in: pairs, source: source),
            variants: variants.map { Self.mostCommon($0.r.surfaces) })
    }

    /// The English renderings of `term` found in (a sample of) its sentence pairs `beads`.
    private func renderings(of term: String, profile: TermProfile, in beads: [Int]) -> [String: Rendering] {
        var renderings: [String: Rendering] = [:]
        let anchoring = !edges.endsInAVerb(Array(term.unicodeScalars))
        for k in beads.prefix(context.sample) {
            // A generic word (looked like ↔ 猪八戒) does not stand in the way of a specific one (Pigsy).
            let en = context.pairs[k].en
            // A Latin term the Chinese keeps as is (HER2, CI) is rendered by itself wherever the English
            // writes it, also as part of a hyphenated word (HER2-positive).
            if let same = Self.sameLatinWord(term, in: en), Self.standsAlone(term, in: context.pairs[k].zh) {
                renderings[term.lowercased(), default: Rendering()].record(en.surface(same...same), fit: 1, pair: k)
                continue
            }
            // Word links stand in for the dictionary only for a recurring term: a link seen once is
            // as often chance as translation (on the dev documents, 5 of 120 such pairs were right).
            let linked = context.links.isEmpty || beads.count < 2 ? [] : context.links[k].masks(of: term, en: en)
            guard let span = Self.bestSpan(profile, in: en, linked: linked, parameters: context.parameters, anchoring: anchoring, accepting: { !self.isGeneric(term: term, english: en.surface($0), names: context.names, frequency: beads.count) })
            else { continue }
            let surface = context.pairs[k].en.surface(span.range)
            if surface.filter({ $0.isLetter }).count < 2 || Self.endsLikeAPhrase(context.pairs[k].en.tokens[span.range.upperBound].lower) { continue }
            // Numbers in the rendering must be the term's own (受体2 ↔ receptor 2, not 总生存率 ↔ 3-year overall survival),
            // and one that opens it is a count of what follows (38 events, 4 acute adverse events), not a term.
            if surface.contains(where: { $0.isNumber }) && !surface.filter({ $0.isNumber }).allSatisfy(term.contains) { continue }
            if Self.opensWithACount(surface) { continue }
            var r = renderings[surface.lowercased(), default: Rendering()]
            r.record(surface, fit: span.fit, pair: k)
            r.direct = profile.isDirectGloss(Array(context.pairs[k].en.tokens[span.range]))
            r.byCompany = profile.reliesOnCompany(Array(context.pairs[k].en.tokens[span.range]))
            renderings[surface.lowercased()] = r
        }
        return renderings
    }

    /// Whether `english` opens with a number in digits standing alone (38 events, 4 acute adverse
    /// events): a count of what follows; a number joined by a hyphen (5-fluorouracil, 3-year) is not.
    static func opensWithACount(_ english: String) -> Bool {
        english.first?.isNumber == true && english.drop(while: \.isNumber).first == " "
    }

    /// The English word that is `term` itself, when `term` is a Latin word of two letters or more
    /// (letters and digits, any case).
    static func sameLatinWord(_ term: String, in en: EnglishTermTokens) -> Int? {
        guard isLatinWord(term) else { return nil }
        let lower = term.lowercased()
        return en.tokens.firstIndex { $0.lower == lower }
    }

    /// Whether the Chinese `text` writes `term` once at least as a whole word, not as part of a
    /// hyphenated Latin word (QLQ in QLQ-C30, Kaplan in Kaplan-Meier) nor of a longer Latin name or
    /// phrase the Chinese quotes, whose words are joined by spaces or dots (breast in "breast
    /// international group", nejm in nejm.org).
    static func standsAlone(_ term: String, in text: String) -> Bool {
        /// Whether the Latin run goes on from the character at `i` in the direction `step` moves.
        func goesOn(from i: String.Index?, _ step: (String.Index) -> String.Index?) -> Bool {
            guard let i else { return false }
            let c = text[i]
            if c.isASCII && (c.isLetter || c.isNumber || c == "-") { return true }
            // Across spaces and dots, only a word goes on (a number after a space is a value: ci 0.69).
            var j: String.Index? = i
            while let k = j, text[k] == " " || text[k] == "." { j = step(k) }
            return j.map { text[$0].isASCII && text[$0].isLetter } ?? false
        }
        func before(_ i: String.Index) -> String.Index? { i > text.startIndex ? text.index(before: i) : nil }
        func after(_ i: String.Index) -> String.Index? { text.index(after: i) < text.endIndex ? text.index(after: i) : nil }
        return text.ranges(of: term).contains { r in
            !goesOn(from: before(r.lowerBound), before) && !goesOn(from: r.upperBound < text.endIndex ? r.upperBound : nil, after)
        }
    }

    /// Whether `term` is a Latin word of two characters or more (letters and digits, a letter at least).
    static func isLatinWord(_ term: String) -> Bool {
        term.unicodeScalars.count >= 2 && term.contains(where: \.isLetter)
            && term.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
    }

    /// Whether `term` rendered as `english` is a phrase rather than a term.
    func isPhrase(_ term: String, rendered english: String) -> Bool {
        // A verb and what follows it (包括总 ↔ including overall, 除第二 ↔ excludes second) is a phrase:
        // the term starts with a word the dictionary knows only as a verb, the English with a verb form.
        // An -ing form the dictionary gives the term or its first word as a gloss is a noun, though
        // (出血 "to bleed; bleeding": bleeding events; 开水 "boiling water").
        let first = english.prefix { $0.isLetter }.lowercased()
        let glossedForm = first.hasSuffix("ing") && ([term] + (1...2).map { String(term.prefix($0)) }).contains { glosses(HanKey($0), withWord: first) }
        if !glossedForm && Self.startsLikeAVerb(english) && startsWithAVerb(term) { return true }
        // …and so is a verb the English renders as a verb (接受吉西他滨 ↔ receive gemcitabine, 减少含糖饮料
        // ↔ reduce sweetened drinks): the English starts with the verb of its gloss.
        if !glossedForm && startsWithItsVerb(term, rendered: english) { return true }
        // …or a clause: a verb inside the term, rendered by a verb form inside the English
        // (次要终点包括总生存 ↔ secondary end points included overall survival).
        if Self.hasAVerbFormInside(english) && hasAVerbInside(term) { return true }
        // …or an adverb and what it qualifies (甚至意识形态 ↔ even ideological), or a verb it qualifies:
        // an -ly adverb followed by a verb the dictionary gives a word of the term (显著延长 "to
        // prolong": significantly prolong; 随机分配 "to assign": randomly assign) — not a name (Timely Rain).
        return Self.adverbs.contains(english.prefix { $0.isLetter }.lowercased()) || opensWithAnAdverbOfItsVerb(term, rendered: english)
    }

    /// Whether `english` (no name) opens with an -ly adverb followed by a form of a verb the
    /// dictionary gives a word of one or two characters inside `term`.
    private func opensWithAnAdverbOfItsVerb(_ term: String, rendered english: String) -> Bool {
        let words = english.split(separator: " ")
        guard words.count >= 2, !GlossaryBuilder.isName(english) else { return false }
        let adverb = words[0].lowercased(), next = words[1].lowercased()
        guard adverb.count > 4, adverb.hasSuffix("ly"), next.allSatisfy(\.isLetter) else { return false }
        let stem = EnglishWords.stem(next)
        let characters = Array(term.unicodeScalars)
        return characters.indices.contains { i in
            (1...2).contains { n in
                i + n <= characters.count && givesAVerb(HanKey(String(String.UnicodeScalarView(characters[i..<(i + n)]))), stemmed: stem)
            }
        }
    }

    /// Adverbs that begin phrases, never terms.
    static let adverbs: Set<String> = ["even", "still", "already", "always", "never", "often", "rather", "quite", "almost",
                                       "nearly", "mostly", "merely", "simply", "really", "further"]

    /// Whether the first word of `english` looks like a verb form (including, excludes). A past
    /// participle is left out: before a noun it is an adjective (informed consent, computed
    /// tomography; on the nejm dev documents it lost three such terms and kept out no wrong row
    /// of the default list).
    static func startsLikeAVerb(_ english: String) -> Bool {
        let first = english.prefix { $0.isLetter }.lowercased()
        return first.count > 4 && (first.hasSuffix("ing") || first.hasSuffix("es"))
    }

    /// Whether a word after the first of `english`, not joined by a hyphen, ends like a past tense
    /// (a gerund inside a term is a noun: data monitoring committee).
    static func hasAVerbFormInside(_ english: String) -> Bool {
        english.split(separator: " ").dropFirst().contains { word in
            !word.contains("-") && word.count > 4 && word.hasSuffix("ed")
        }
    }

    /// Whether two characters after the first of `term` make a word the dictionary knows only as a
    /// verb, and no longer dictionary word of the term holds it: a verb inside a lexicalised compound
    /// (同意 in 知情同意 "informed consent", inside 书面知情同意) is part of a noun.
    func hasAVerbInside(_ term: String) -> Bool {
        let characters = Array(term.unicodeScalars)
        return characters.count > 3 && (1..<(characters.count - 1)).contains { k in
            table.dictionary.isVerbOnly(HanKey(String(String.UnicodeScalarView(characters[k...k + 1]))))
                && !edges.wordHolds(characters, from: k, through: k + 1, longerThan: 2)
        }
    }

    /// Whether `term` starts with a word of one or two characters that the dictionary knows only as
    /// a verb ("to receive") and `english` with that verb (receive, receives, received, receiving;
    /// not a noun made from it: induction for 诱导 "to induce"); or with any word the dictionary
    /// gives a verb, and `english` with the -ing form of that verb, which then reads the word as a
    /// verb (加 "to add; plus": adding gemcitabine for 加用吉西他滨, 嚼 "to chew": chewing grass for
    /// 嚼草).
    private func startsWithItsVerb(_ term: String, rendered english: String) -> Bool {
        let first = english.prefix { $0.isLetter }.lowercased()
        guard !first.isEmpty else { return false }
        let stem = EnglishWords.stem(first)
        let gerund = first.count > 4 && first.hasSuffix("ing")
        return (1...2).contains { n in
            let key = HanKey(term.prefix(n))
            return term.count > n && (table.dictionary.isVerbOnly(key) || gerund) && givesAVerb(key, stemmed: stem)
        }
    }

    /// Whether headword `key` has a "to …" gloss whose verb has the stem `stem`.
    private func givesAVerb(_ key: HanKey, stemmed stem: String) -> Bool {
        table.dictionary.verbs(of: key).contains { EnglishWords.stem($0) == stem }
    }

    /// Whether a gloss of headword `key` holds the lower-case word `word`.
    private func glosses(_ key: HanKey, withWord word: String) -> Bool {
        table.dictionary.glossFields(key).contains { field in field.lowercased().split { !$0.isLetter }.contains { $0 == word } }
    }

    /// Whether `term` starts with a word of one or two characters that the dictionary knows only as a verb.
    private func startsWithAVerb(_ term: String) -> Bool {
        (1...2).contains { n in term.count > n && table.dictionary.isVerbOnly(HanKey(term.prefix(n))) }
    }

    /// Words of time that follow what they locate (…后 after…, …期间 during…).
    static let localizers = ["后", "之后", "以后", "前", "之前", "以前", "期间", "开始", "以来"]

    /// Localizers of place and the time word 时 (…中 among…, …上 on…, …时 when…), which also end
    /// many words (小时 hour, 体内 in the body, 山上): they end a phrase only as a word of their own.
    static let placeWords = ["中", "当中", "时", "上", "下", "里", "内", "外", "之间", "以内", "以外"]

    /// The last characters of `localizers` and `placeWords`.
    static let localizerEnds = Set((localizers + placeWords).compactMap(\.unicodeScalars.last))

    /// Whether `term` ends with a word of time or place (see `localizers`, `placeWords`): 放疗后
    /// "after radiotherapy", 患者中 "among patients".
    func endsWithLocalizer(_ term: String) -> Bool {
        guard let last = term.unicodeScalars.last, Self.localizerEnds.contains(last) else { return false }
        if Self.localizers.contains(where: { term.hasSuffix($0) && term != $0 }) { return true }
        guard let place = Self.placeWords.filter({ term.hasSuffix($0) && term != $0 }).max(by: { $0.count < $1.count }) else { return false }
        // A dictionary word ending the term and longer than the place word holds it (小时, 山上).
        let characters = Array(term.unicodeScalars), length = place.unicodeScalars.count
        return !edges.wordHolds(characters, from: characters.count - length, through: characters.count - 1, longerThan: length)
    }

    /// The surface form seen most often (the first in order on a tie).
    static func mostCommon(_ surfaces: [String: Int]) -> String {
        surfaces.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
    }

    /// The English span of `tokens` that `profile` explains best, and how well (F-measure of the
    /// share of the term's characters and of the span's words explained). With `anchoring` (a term
    /// with no verb at its edges), a span explaining the term's edges needs fewer of its characters
    /// (`GlossaryParameters.anchoredTermShare`, `pairsEdges`).
    static func bestSpan(_ profile: TermProfile, in en: EnglishTermTokens, linked: [UInt32] = [],
                         parameters: GlossaryParameters = GlossaryParameters(), anchoring: Bool = false,
                         accepting isAcceptable: (ClosedRange<Int>) -> Bool) -> (range: ClosedRange<Int>, fit: Double)? {
        let (zhMinimum, enMinimum) = (parameters.explainedTermShare, parameters.explainedSpanShare)
        let content = profile.contentMask
        guard content != 0 else { return nil }
        let explanations = en.tokens.map { $0.isStop ? (mask: 0, bySoundOnly: 0) : profile.explanation(of: $0) }
        var masks = explanations.map { $0.mask }
        // Word links explain as dictionary glosses do, alongside them: the English word the
        // translator's sentence links to a character is evidence for the pair whatever else
        // explains either side (a word the dictionary lacks, 黏膜炎 ↔ mucositis, or whose sense
        // here it lacks; a character glossed by one word and linked to another). Complete lists
        // of nejm-dev and mac-dev: recall +0.017 and +0.024 at equal or better list precision
        // against linking only what nothing else explained.
        if !linked.isEmpty {
            for k in masks.indices where !en.tokens[k].isStop { masks[k] |= linked[k] }
        }
        let sounds = en.tokens.indices.map { k in en.tokens[k].isStop || (!linked.isEmpty && linked[k] != 0) ? 0 : explanations[k].bySoundOnly }
        var best: (range: ClosedRange<Int>, fit: Double)? = nil
        var bestIsDirect = false
        var k = 0
        while k < masks.count {
            guard masks[k] != 0 else { k += 1; continue }
            // A cluster of explained words, at most two words apart, not crossing punctuation.
            var end = k
            var next = k + 1
            while next < masks.count && next - end <= 3 && !en.tokens[next].afterBreak {
                if masks[next] != 0 { end = next }
                next += 1
            }
            // Within the cluster, the sub-span from one explained word to another that fits best
            // ("heart failure of new york heart association" → "new york heart association").
            let explainedPositions = (k...end).filter { masks[$0] != 0 }
            for (x, first) in explainedPositions.enumerated() {
                for last in explainedPositions[x...] {
                    // Hyphenated words are never cut (follow → follow-up, ISIS → Post-ISIS, which ISIS alone
                    // then no longer explains).
                    let span = en.wholeWords(first...last)
                    let words = span.filter { !en.tokens[$0].isStop }
                    // A word twice is two phrases, not one term ("take precautions and take").
                    if Set(words.map { en.tokens[$0].stem }).count < words.count { continue }
                    if !TermProfile.spellsInOrder(span.map { sounds[$0] }) { continue }
                    // A word rendering none of the term's characters of its own, or a coordination
                    // turned around, belongs to the sentence, not to the term. A character English may
                    // leave implicit is the term's own all the same: rate renders 率 in "rate of
                    // invasive-disease-free survival" (无浸润性疾病生存率), though survival renders 生存.
                    let (spanTokens, spanMasks) = (span.map { en.tokens[$0] }, span.map { masks[$0] & content })
                    let direct = profile.isDirectGloss(spanTokens)
                    if Self.hasARedundantSide(spanTokens, span.map { masks[$0] }) && !direct { continue }
                    if Self.coordinatesOutOfOrder(spanTokens, spanMasks) { continue }
                    let explained = words.filter { masks[$0] != 0 }.count
                    let zhMask = span.reduce(UInt32(0)) { $0 | masks[$1] } & content
                    let zhShare = Double(zhMask.nonzeroBitCount) / Double(content.nonzeroBitCount)
                    let enShare = Double(explained) / Double(max(1, words.count))
                    // A term is explained whole: a fragment (国总部 ↔ headquarters) or a phrase with extra words is no pair.
                    let anchored = anchoring && enShare == 1 && zhShare >= parameters.anchoredTermShare
                        && Self.pairsEdges(content, masks[words.first!], masks[words.last!],
                                           reversible: span.contains { EnglishTermTokens.insideTerms.contains(en.tokens[$0].lower) })
                    let fit = (zhShare >= zhMinimum || anchored) && enShare >= enMinimum ? 2 * zhShare * enShare / (zhShare + enShare) : 0
                    // On a tie, the term's own dictionary gloss (贫血 ↔ anemia) beats a word that only
                    // keeps company with it (the thrombocytopenia listed before it in every sentence),
                    // then the longer span wins.
                    let better = fit > (best?.fit ?? 0)
                        || (fit > 0 && fit == best?.fit && (direct != bestIsDirect ? direct : span.count > best!.range.count))
                    if better && isAcceptable(span) {
                        best = (span, fit)
                        bestIsDirect = direct
                    }
                }
            }
            k = end + 1
        }
        return best
    }

    /// Whether a span joined by a preposition has a side of one word that explains no character of
    /// the term the other side's words do not, given each token and the term characters it
    /// explains: that word renders nothing of the term and belongs to the sentence around it
    /// (incidence of acute adverse events for 急性不良事件, where incidence and events both gloss
    /// 事件; not declaration of Helsinki, whose sides explain 宣言 and 赫尔辛基). A word explaining the whole
    /// term (a gloss or the company of the whole) says nothing of its parts and is not counted, and
    /// two words across the preposition explaining the same characters are one gloss of them
    /// (quality of life for 生活质量).
    static func hasARedundantSide(_ tokens: [EnglishTermTokens.Token], _ masks: [UInt32]) -> Bool {
        let all = masks.reduce(0, |)
        let parts = masks.map { $0 == all ? 0 : $0 }
        func isRedundant(_ word: Int, besides others: ArraySlice<UInt32>, across nearest: UInt32) -> Bool {
            parts[word] != 0 && others.reduce(0, |) & parts[word] == parts[word] && nearest != parts[word]
        }
        return tokens.indices.contains { k in
            guard k > 0, k < tokens.count - 1, tokens[k].isStop, prepositionsInsideTerms.contains(tokens[k].lower) else { return false }
            let left = tokens[..<k].indices.filter { !tokens[$0].isStop }, right = tokens[(k + 1)...].indices.filter { !tokens[$0].isStop }
            guard let l = left.last, let r = right.first else { return false }
            return (left.count == 1 && isRedundant(l, besides: parts[(k + 1)...], across: parts[r]))
                || (right.count == 1 && isRedundant(r, besides: parts[..<k], across: parts[l]))
        }
    }

    /// Whether a span joining two parts by "and" or "or" renders the later part of the term first
    /// (effects and ototoxic for 耳毒性作用, out of "nephrotoxic effects and ototoxic effects"): a
    /// coordination keeps the order of its parts in translation (head and neck for 头颈), given each
    /// token and the term characters it explains.
    static func coordinatesOutOfOrder(_ tokens: [EnglishTermTokens.Token], _ masks: [UInt32]) -> Bool {
        tokens.indices.contains { k in
            guard k > 0, k < tokens.count - 1, tokens[k].lower == "and" || tokens[k].lower == "or" else { return false }
            let left = masks[..<k].reduce(0, |), right = masks[(k + 1)...].reduce(0, |)
            return left != 0 && right != 0 && left.trailingZeroBitCount > right.trailingZeroBitCount
        }
    }

    /// Prepositions that join the two parts of an English term (quality of life, head of state).
    static let prepositionsInsideTerms = EnglishTermTokens.insideTerms.subtracting(["and"])

    /// Whether the first and the last English word of a span explain the first and the last content
    /// character of a term, given the term's content mask and the two words' masks: in the same
    /// order (原发肿瘤 ↔ primary tumor: primary ↔ 原, tumor ↔ 肿瘤), or reversed where a preposition
    /// inside the span turns the English around (曲线下面积 ↔ area under the curve).
    static func pairsEdges(_ content: UInt32, _ first: UInt32, _ last: UInt32, reversible: Bool) -> Bool {
        guard content != 0 else { return false }
        let head = content & (~content &+ 1), tail = UInt32(1) << UInt32(31 - content.leadingZeroBitCount)
        return (first & head != 0 && last & tail != 0) || (reversible && first & tail != 0 && last & head != 0)
    }

    /// Whether a Chinese term rendered by one English word is too general to be a term: unless
    /// the word is a name (capitalised mid-sentence in the text), it must not be a common word of
    /// general English (`GlossaryParameters.genericZipf`).
    func isGeneric(term: String, english: String, names: Set<String>, frequency: Int) -> Bool {
        guard !english.contains(" "), !english.contains("-") else { return false }
        let word = english.lowercased()
        // A Latin word the Chinese keeps as is is an acronym or coinage (SSB, APHINITY), and so is one
        // that spells an English word if it recurs (ASH): translators do not leave common words
        // untranslated, but a cited title may be copied once.
        if word == term.lowercased() { return table.dictionary.glossCount(word) > 0 && frequency < 2 }
        if names.contains(word) && term.unicodeScalars.count >= 2 { return false }
        return context.frequency.zipf(english: word) >= context.parameters.genericZipf
    }

    /// English terms end in a noun: a rendering ending in a past participle or an adverb ("end
    /// points included", "approximately"), a preposition ("absolute difference between" for
    /// 组之间绝对差异) or a comparative ("tumor diameter greater" for 肿瘤直径大于) is a phrase, not a term.
    static func endsLikeAPhrase(_ word: String) -> Bool {
        (word.count > 4 && (word.hasSuffix("ed") && !word.hasSuffix("eed") || word.hasSuffix("ly"))) || phraseEnds.contains(word)
    }

    /// Prepositions and comparatives, which end no English term.
    static let phraseEnds: Set<String> = ["between", "after", "before", "during", "within", "among", "than", "from", "with", "without",
                                          "into", "over", "under", "against", "about", "across", "through", "per", "versus", "vs",
                                          "greater", "higher", "lower", "larger", "smaller", "more", "less", "better", "worse",
                                          "longer", "shorter", "fewer"]

    /// Whether a rendering is an abbreviation: one all-capital word of at most six letters.
    static func isAbbreviation(_ key: String, _ r: Rendering) -> Bool {
        guard let surface = r.surfaces.keys.first, !key.contains(" "), surface.count <= 6 else { return false }
        return surface.allSatisfy { $0.isUppercase || $0.isNumber }
    }
}

extension TermPairer {
    /// A term the sentence pair defines one abbreviation for on both sides — 人表皮生长因子受体2（HER2）
    /// and "human epidermal growth factor receptor 2 (HER2)" — as (Chinese term, English long form,
    /// abbreviation). The Chinese term ends at its bracket; it starts at the first of the words
    /// (`wordsEnding`) before it that the long form explains, and takes the unexplained words between;
    /// it holds no particle. It must explain the long form's first and last words and at least
    /// `GlossaryParameters.abbreviatedTermShare` of them.
    func abbreviated(zh: String, en: String) -> [(zh: String, en: String, abbreviation: String)] {
        let characters = Array(zh)
        return AbbreviationDefinitions.bracketed(in: characters, opening: Set("（("), closing: Set("）)")) {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")
        }.compactMap { found in
            guard found.word.count >= 2, found.word.contains(where: \.isLetter),
                  let long = AbbreviationDefinitions.definitions(of: Array(found.word.lowercased()), in: en).first,
                  let term = termEnding(Array(String(characters[..<found.bracket]).unicodeScalars)[...], renderedBy: long) else { return nil }
            return (term, long, found.word)
        }
    }

    /// The term ending `text` that `long` renders (see `abbreviated(zh:en:)`).
    private func termEnding(_ text: ArraySlice<Unicode.Scalar>, renderedBy long: String) -> String? {
        // The run of characters before the bracket, up to punctuation or a space.
        let run = Array(text.reversed().prefix { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c == "-"
        }.reversed().suffix(context.parameters.maxCharacters))
        guard !run.isEmpty else { return nil }
        let profile = TermProfile(String(String.UnicodeScalarView(run)), glosses: glosses, pinyin: pinyin,
                                  associations: context.associations, characterGlosses: characterGlosses)
        let tokens = EnglishTermTokens(long).tokens.filter { !$0.isStop }
        let masks = tokens.map { profile.explanation(of: $0).mask }
        let explained = masks.reduce(0, |)
        let words = wordsEnding(run)
        func isExplained(_ w: Range<Int>) -> Bool { w.contains { explained & (1 << UInt32($0)) != 0 } }
        // From the bracket back: explained words, and single unexplained ones between them.
        var first: Int? = nil
        var gap = 0
        for (k, w) in words.enumerated().reversed() {
            if w.count == 1 && ChineseTermCandidates.particles.contains(run[w.lowerBound]) { break }
            if isExplained(w) { first = k; gap = 0 } else { gap += 1; if gap > 1 { break } }
        }
        guard let first else { return nil }
        let span = words[first].lowerBound..<run.count
        let inSpan = masks.map { $0 & Self.bits(span) != 0 }
        guard inSpan.first == true, inSpan.last == true,
              Double(inSpan.filter { $0 }.count) >= context.parameters.abbreviatedTermShare * Double(tokens.count) else { return nil }
        return String(String.UnicodeScalarView(run[span]))
    }

    /// Bits `range` of a 32-bit mask.
    private static func bits(_ range: Range<Int>) -> UInt32 {
        range.reduce(UInt32(0)) { $0 | ($1 < 32 ? 1 << UInt32($1) : 0) }
    }

    /// `chars` cut into words: the longest dictionary headword at each place, a run of Latin letters
    /// and digits as one word, any other character alone.
    private func wordsEnding(_ chars: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            if chars[i].isASCII {
                var j = i + 1
                while j < chars.count && chars[j].isASCII { j += 1 }
                words.append(i..<j)
                i = j
                continue
            }
            var key = HanKey()
            var end = i + 1
            for j in i..<min(chars.count, i + BilingualDictionary.maxHeadwordLength) {
                key.append(chars[j])
                if table.dictionary.contains(key) { end = j + 1 }
                if !table.dictionary.isPrefix(key) { break }
            }
            words.append(i..<end)
            i = end
        }
        return words
    }
}
