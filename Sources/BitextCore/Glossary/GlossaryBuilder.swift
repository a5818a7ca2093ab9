import Foundation
import ICUKit

/// Builds a bilingual glossary from an alignment: Chinese term candidates (n-grams of ICU word
/// segments) are paired, bead by bead, with the English span their dictionary glosses, pinyin and
/// Latin parts explain best; a pair is kept when the two explain each other well across the beads
/// where the term occurs, and generic words (患者 ↔ patients) are left out. Not safe for concurrent use.
public final class GlossaryBuilder {
    /// Terms must occur in at least this many aligned sentence pairs.
    public var minimumFrequency: Int
    /// Pairs scoring below this are left out…
    public static let minimumScore = 0.6
    /// …and below this, unless the term recurs and its rendering has several words.
    static let confidentScore = 0.9
    /// A one-word English rendering of a one-segment Chinese word is generic when that many
    /// dictionary glosses use the English word.
    static let genericGlossCount = 20
    /// …and have at least this many letters, unless at most `rareGlossCount` glosses use it (placebo, sepsis).
    static let specialisedLength = 8
    static let rareGlossCount = 3
    /// Occurrences looked at to pair a term (its frequency counts them all); fewer in large texts.
    static let pairingSample = 12
    static let largeTextPairingSample = 5
    /// Texts with more beads than this consider only terms occurring at least twice.
    static let largeText = 2000

    private let table: TranslationTable
    private let pinyin: Pinyin
    private let segmenter: WordSegmenter

    /// A builder using `dictionary` (the embedded one plus any user dictionaries).
    public init(dictionary: BilingualDictionary, minimumFrequency: Int = 1) throws(ICUError) {
        table = TranslationTable(dictionary: dictionary, vocabulary: Vocabulary())
        pinyin = try Pinyin()
        segmenter = try WordSegmenter(language: .zh)
        self.minimumFrequency = minimumFrequency
    }

    /// One aligned sentence pair, as the builder reads it.
    private struct Pair {
        let zh: String
        let en: EnglishTermTokens
        let line: Int
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
    }

    /// The glossary of `alignment`; `source` names the Chinese file in references.
    public func build(_ alignment: Alignment, source: String = "") throws(ICUError) -> Glossary {
        let pairs = alignment.beads.filter { !$0.zh.isEmpty && !$0.en.isEmpty }.map { bead in
            Pair(zh: bead.zh.map { alignment.zh[$0].text }.joined(),
                 en: EnglishTermTokens(bead.en.map { alignment.en[$0].text }.joined(separator: " ")),
                 line: alignment.zh[bead.zh.lowerBound].line)
        }
        let names = Self.names(in: pairs.map(\.en))
        var occurrences: [String: [Int]] = [:]
        var neighbours: [String: (left: Set<String>, right: Set<String>)] = [:]
        for (k, pair) in pairs.enumerated() {
            var seen: Set<String> = []
            for c in try ChineseTermCandidates.candidates(pair.zh, segmenter: segmenter) {
                if seen.insert(c.text).inserted { occurrences[c.text, default: []].append(k) }
                // A boundary (sentence edge, punctuation) counts as a new neighbour each time.
                neighbours[c.text, default: ([], [])].left.insert(c.left.isEmpty ? "\u{0}\(k)" : c.left)
                neighbours[c.text, default: ([], [])].right.insert(c.right.isEmpty ? "\u{0}\(k)" : c.right)
            }
        }
        // A term recurring always beside the same segment is a fragment of a longer unit (吉西 in 吉西他滨).
        occurrences = occurrences.filter { term, beads in
            guard beads.count >= 2, let n = neighbours[term] else { return true }
            return n.left.count >= 1 && n.right.count >= 1
        }
        let minimum = pairs.count > Self.largeText ? max(2, minimumFrequency) : minimumFrequency
        let sample = pairs.count > Self.largeText ? Self.largeTextPairingSample : Self.pairingSample
        let associations = Self.associations(occurrences, pairs: pairs, sample: 2 * sample + 6)
        let glosses = TermProfile.GlossCache(table: table)
        var entries: [TermEntry] = []
        for (term, beads) in occurrences.filter({ $0.value.count >= minimum }).sorted(by: { $0.key < $1.key }) {
            let profile = TermProfile(term, glosses: glosses, pinyin: pinyin, associations: associations,
                                      characterGlosses: table.dictionary.characterGlosses())
            var renderings: [String: Rendering] = [:]
            for k in beads.prefix(sample) {
                guard let span = Self.bestSpan(profile, in: pairs[k].en) else { continue }
                let surface = pairs[k].en.surface(span.range)
                if !surface.contains(where: \.isLetter) || Self.endsLikeAVerbOrAdverb(pairs[k].en.tokens[span.range.upperBound].lower) { continue }
                // Numbers in the rendering must be the term's own (受体2 ↔ receptor 2, not 总生存率 ↔ 3-year overall survival).
                if surface.contains(where: \.isNumber) && !surface.filter(\.isNumber).allSatisfy(term.contains) { continue }
                var r = renderings[surface.lowercased(), default: Rendering()]
                r.count += 1
                r.fit += span.fit
                r.surfaces[surface, default: 0] += 1
                r.direct = profile.isDirectGloss(Array(pairs[k].en.tokens[span.range]))
                if span.fit > r.bestFit { r.bestFit = span.fit; r.example = k }
                renderings[surface.lowercased()] = r
            }
            let sampled = Double(min(beads.count, sample))
            // Mean fit, a little more for a rendering found in more of the term's sentence pairs; a full
            // form ranks before an abbreviation (Islamic State before ISIS), which becomes a variant.
            let ranked = renderings.map { (key: $0.key, r: $0.value, score: $0.value.fit / Double($0.value.count) * (0.7 + 0.3 * Double($0.value.count) / sampled)) }
                .sorted { a, b in
                    let (aShort, bShort) = (Self.isAbbreviation(a.key, a.r), Self.isAbbreviation(b.key, b.r))
                    if aShort != bShort { return !aShort }
                    if a.r.direct != b.r.direct { return a.r.direct }
                    return a.score != b.score ? a.score > b.score : a.key < b.key
                }
            guard let best = ranked.first, best.score >= Self.minimumScore else { continue }
            let en = best.r.surfaces.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            // Below a near-certain score, only a recurring term is kept, with a rendering of several
            // words or a score near the confident one.
            let severalWords = en.contains { $0 == " " || $0 == "-" }
            if best.score < Self.confidentScore && (beads.count < 2 || !(severalWords || best.score >= Self.confidentScore - 0.05)) { continue }
            // A two-character word rendered by one English word (not a name) must be explained every time it occurs.
            if term.count <= 2 && !severalWords && best.score < 1 && !names.contains(en.lowercased()) { continue }
            if isGeneric(term: term, english: en, names: names) { continue }
            let example = pairs[best.r.example]
            entries.append(TermEntry(
                zh: term, en: en, pinyin: pinyin.withToneMarks(term), score: (best.score * 1000).rounded() / 1000,
                frequency: beads.count, exampleZh: example.zh, exampleEn: example.en.text,
                references: beads.prefix(3).map { source.isEmpty ? "line \(pairs[$0].line)" : "\(source):\(pairs[$0].line)" },
                variants: ranked.dropFirst().filter { $0.score >= 0.8 * best.score }.prefix(3)
                    .map { v in v.r.surfaces.max { $0.value < $1.value }!.key }))
        }
        return Glossary(entries: Self.withoutFragments(entries, occurrences: occurrences).sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.zh < $1.zh)
        })
    }

    /// English words that keep company with each Chinese candidate: in at least three of its sentence
    /// pairs, with a Dice coefficient of at least 0.6 —
    /// how terms missing from the dictionaries (顺铂 ↔ cisplatin) are found. Of nested candidates
    /// sharing a word, the longest that still holds most of the occurrences keeps it (顺铂, not 铂
    /// or 联合顺铂), and a word goes only to the candidates it fits best.
    private static func associations(_ occurrences: [String: [Int]], pairs: [Pair], sample size: Int) -> [String: Set<String>] {
        var enCount: [String: Int] = [:]
        for pair in pairs { for stem in Set(pair.en.tokens.filter { !$0.isStop }.map(\.companyKey)) { enCount[stem, default: 0] += 1 } }
        var byStem: [String: [(term: String, dice: Double)]] = [:]
        for (term, beads) in occurrences where beads.count >= 3 && term.unicodeScalars.count >= 2 {
            var together: [String: Int] = [:]
            let sample = beads.prefix(size)
            for k in sample { for stem in Set(pairs[k].en.tokens.filter { !$0.isStop }.map(\.companyKey)) { together[stem, default: 0] += 1 } }
            let scale = Double(beads.count) / Double(sample.count)
            for (stem, c) in together where c >= 3 && stem.contains(where: \.isLetter) {
                let dice = 2 * Double(c) * scale / Double(beads.count + enCount[stem]!)
                if dice >= 0.6 { byStem[stem, default: []].append((term, dice)) }
            }
        }
        // Each term keeps only the words it fits best, too (linking is mutual).
        var termBest: [String: Double] = [:]
        for (_, candidates) in byStem { for c in candidates { termBest[c.term] = max(termBest[c.term] ?? 0, c.dice) } }
        byStem = byStem.mapValues { $0.filter { $0.dice >= termBest[$0.term]! - 0.05 } }.filter { !$0.value.isEmpty }
        var result: [String: Set<String>] = [:]
        for (stem, candidates) in byStem {
            // Competitive linking: an English word keeps company with the candidates it fits best
            // (and their nested forms), not with every frequent word of the text's topic.
            let top = candidates.map(\.dice).max()!
            let best = candidates.filter { $0.dice >= top - 0.05 }.map(\.term)
            let terms = candidates.map(\.term).filter { t in best.contains { $0.contains(t) || t.contains($0) } }
            for term in terms {
                let frequency = Double(occurrences[term]!.count)
                let lostToLonger = terms.contains { $0 != term && $0.contains(term) && Double(occurrences[$0]!.count) >= 0.8 * frequency }
                let lostToShorter = terms.contains { $0 != term && term.contains($0) && frequency < 0.8 * Double(occurrences[$0]!.count) }
                if !lostToLonger && !lostToShorter { result[term, default: []].insert(stem) }
            }
        }
        return result
    }

    /// The English span of `tokens` that `profile` explains best, and how well (F-measure of the
    /// share of the term's characters and of the span's words explained).
    static func bestSpan(_ profile: TermProfile, in en: EnglishTermTokens) -> (range: ClosedRange<Int>, fit: Double)? {
        let (zhMinimum, enMinimum) = (0.85, 0.75)
        let content = profile.contentMask
        guard content != 0 else { return nil }
        let masks = en.tokens.map { $0.isStop ? 0 : profile.explains($0) }
        var best: (range: ClosedRange<Int>, fit: Double)? = nil
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
                    let explained = words.filter { masks[$0] != 0 }.count
                    let zhMask = span.reduce(UInt32(0)) { $0 | masks[$1] } & content
                    let zhShare = Double(zhMask.nonzeroBitCount) / Double(content.nonzeroBitCount)
                    let enShare = Double(explained) / Double(max(1, words.count))
                    // A term is explained whole: a fragment (国总部 ↔ headquarters) or a phrase with extra words is no pair.
                    let fit = zhShare >= zhMinimum && enShare >= enMinimum ? 2 * zhShare * enShare / (zhShare + enShare) : 0
                    if fit > (best?.fit ?? 0) || (fit > 0 && fit == best?.fit && span.count > best!.range.count) {
                        best = (span, fit)
                    }
                }
            }
            k = end + 1
        }
        return best
    }

    /// Whether a Chinese term rendered by one English word is too general to be a term: unless
    /// the word is a name (capitalised mid-sentence in the text), it must be a specialised word:
    /// one that very few dictionary glosses use (placebo, sepsis), or a long one that few use
    /// (cisplatin, headquarters).
    private func isGeneric(term: String, english: String, names: Set<String>) -> Bool {
        guard !english.contains(" "), !english.contains("-") else { return false }
        let word = english.lowercased()
        if word == term.lowercased() {  // a Latin word kept as is: an acronym or coinage (SSB, APHINITY), not an English word
            return table.dictionary.glossCount(word) > 0
        }
        if names.contains(word) && term.unicodeScalars.count >= 2 { return false }
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        let uses = max(table.dictionary.glossCount(word), table.dictionary.glossCount(singular))
        return uses > Self.rareGlossCount && (word.count < Self.specialisedLength || uses > Self.genericGlossCount)
    }

    /// English terms end in a noun: a rendering ending in a past participle or an adverb
    /// ("end points included", "approximately") is a phrase, not a term.
    static func endsLikeAVerbOrAdverb(_ word: String) -> Bool {
        word.count > 4 && (word.hasSuffix("ed") && !word.hasSuffix("eed") || word.hasSuffix("ly"))
    }

    /// Whether a rendering is an abbreviation: one all-capital word of at most six letters.
    static func isAbbreviation(_ key: String, _ r: Rendering) -> Bool {
        guard let surface = r.surfaces.keys.first, !key.contains(" "), surface.count <= 6 else { return false }
        return surface.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// Lower-case forms of the words written capitalised after a sentence's first word, and never in
    /// lower case (title-case lines, where most words are capitalised, do not count).
    static func names(in texts: [EnglishTermTokens]) -> Set<String> {
        var capitalised = Set<String>(), lower = Set<String>()
        for text in texts {
            let words = text.tokens.filter { !$0.isStop }
            let titleCase = words.filter { text.text[$0.range].first!.isUppercase }.count * 2 > words.count
            for (k, token) in text.tokens.enumerated() {
                if titleCase && text.text[token.range].first!.isUppercase { continue }
                let first = text.text[token.range].first!
                if first.isLowercase { lower.insert(token.lower) } else if k > 0 && first.isUppercase { capitalised.insert(token.lower) }
            }
        }
        return capitalised.subtracting(lower)
    }

    /// Of entries with the same English whose Chinese terms contain one another, keeps the longer
    /// unless the shorter is better supported (score × log frequency) by occurrences of its own:
    /// 后伊斯兰国时代 over 应对后伊斯兰国时代 (better scored), 乳腺癌 (seen 30 times) over 乳腺癌症 (once).
    /// And drops a recurring term that occurs (nearly) only inside longer entries.
    static func weight(_ e: TermEntry) -> Double { e.score * log2(1 + Double(e.frequency)) }

    static func withoutFragments(_ entries: [TermEntry], occurrences: [String: [Int]]) -> [TermEntry] {
        var byEnglish: [String: [TermEntry]] = [:]
        for e in entries { byEnglish[e.en.lowercased(), default: []].append(e) }
        // For each term, the longer entries containing it (substrings enumerated, not searched),
        // and for each sentence pair, the entries occurring in it.
        let terms = Set(entries.map(\.zh))
        var containers: [String: [String]] = [:]
        var inBead: [Int: Set<String>] = [:]
        for e in entries {
            for b in occurrences[e.zh] ?? [] { inBead[b, default: []].insert(e.zh) }
            let chars = Array(e.zh)
            for i in chars.indices {
                for j in (i + 1)...chars.count where j - i < chars.count {
                    let part = String(chars[i..<j])
                    if terms.contains(part) { containers[part, default: []].append(e.zh) }
                }
            }
        }
        /// How much of each term's occurrences lie inside longer entries.
        var enclosed: [String: Double] = [:]
        for (term, outer) in containers {
            guard let own = occurrences[term], !own.isEmpty else { continue }
            enclosed[term] = Double(own.filter { b in outer.contains { inBead[b]?.contains($0) ?? false } }.count) / Double(own.count)
        }
        func enclosedShare(_ e: TermEntry) -> Double { enclosed[e.zh] ?? 0 }
        return entries.filter { e in
            // A recurring term found (nearly) only inside longer entries is part of them
            // (后伊斯兰国 in 后伊斯兰国时代; 无复发生存 in 无复发生存期 and 无复发生存率).
            if e.frequency >= 2 && enclosedShare(e) >= 0.9 { return false }
            return !(byEnglish[e.en.lowercased()] ?? []).contains { other in
                guard other.zh != e.zh && (other.zh.contains(e.zh) || e.zh.contains(other.zh)) else { return false }
                let (shorter, longer) = other.zh.count < e.zh.count ? (other, e) : (e, other)
                // The shorter form wins only with occurrences of its own, outside the longer one.
                let enclosed = shorter.frequency >= 2 && enclosedShare(shorter) >= 0.9
                let winner = !enclosed && Self.weight(shorter) > Self.weight(longer) ? shorter : longer
                return winner.zh == other.zh
            }
        }
    }

}
