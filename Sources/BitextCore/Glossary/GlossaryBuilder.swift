import Foundation
import ICUKit

/// Builds a bilingual glossary from an alignment: Chinese term candidates (n-grams of ICU word
/// segments) are paired, bead by bead, with the English span their dictionary glosses, pinyin and
/// Latin parts explain best; a pair is kept when the two explain each other well across the beads
/// where the term occurs, and generic words (患者 ↔ patients) are left out. Not safe for concurrent use.
public final class GlossaryBuilder {
    /// Terms must occur in at least this many aligned sentence pairs.
    public var minimumFrequency: Int
    /// The tuning thresholds.
    public var parameters: GlossaryParameters

    private let dictionary: BilingualDictionary
    private let termhood: Termhood

    /// A builder using `dictionary` (the embedded one plus any user dictionaries).
    public init(dictionary: BilingualDictionary, minimumFrequency: Int = 1, parameters: GlossaryParameters = GlossaryParameters()) throws(BitextError) {
        self.dictionary = dictionary
        self.minimumFrequency = minimumFrequency
        self.parameters = parameters
        termhood = Termhood(frequency: try GeneralFrequency.shipped.get())
    }

    /// One aligned sentence pair, as the builder reads it.
    struct Pair {
        let zh: String
        let en: EnglishTermTokens
        let line: Int

        /// An entry's references: `file:line` (or `line N` without a file name) of the first three
        /// of its sentence pairs `beads`.
        static func references(_ beads: [Int], in pairs: [Pair], source: String) -> [String] {
            beads.prefix(3).map { source.isEmpty ? "line \(pairs[$0].line)" : "\(source):\(pairs[$0].line)" }
        }
    }

    /// Reads sentence pairs: their English words and their Chinese term candidates, segment
    /// n-grams and names the English side spells. One per thread.
    struct PairReader {
        let segmenter: WordSegmenter
        let names: NameCandidates
        let parameters: GlossaryParameters

        init(dictionary: BilingualDictionary, parameters: GlossaryParameters) throws(ICUError) {
            segmenter = try WordSegmenter(language: .zh)
            names = NameCandidates(pinyin: try Pinyin(dictionary: dictionary), dictionary: dictionary, parameters: parameters)
            self.parameters = parameters
        }

        /// The pair of `bead` and its distinct candidates: the segment n-grams of each of its Chinese
        /// sentences (none crosses a sentence boundary), and the names the English side spells.
        func read(_ bead: Bead, in alignment: Alignment) throws(ICUError) -> (pair: Pair, candidates: [String]) {
            let pair = Pair(zh: bead.zh.map { alignment.zh[$0].text }.joined(),
                            en: EnglishTermTokens(bead.en.map { alignment.en[$0].text }.joined(separator: " ")),
                            line: alignment.zh[bead.zh.lowerBound].line)
            var seen = Set<String>()
            var found: [String] = []
            for i in bead.zh {
                found += try ChineseTermCandidates.candidates(alignment.zh[i].text, segmenter: segmenter, dictionary: names.dictionary,
                                                              parameters: parameters)
            }
            found += names.candidates(zh: pair.zh, en: pair.en)
            return (pair, found.filter { seen.insert($0).inserted })
        }
    }

    /// The work done on separate threads before pairing.
    enum Job: Sendable {
        case prepareDictionary
        /// Reading these beads' sentence pairs, with a reader of the worker's own.
        case readPairs(Range<Int>)

        func run(_ beads: [Bead], _ alignment: Alignment, _ dictionary: BilingualDictionary,
                 parameters: GlossaryParameters) -> Result<[(pair: Pair, candidates: [String])], ICUError> {
            switch self {
            case .prepareDictionary:
                dictionary.prepareStatistics()
                return .success([])
            case .readPairs(let chunk):
                do throws(ICUError) {
                    let reader = try PairReader(dictionary: dictionary, parameters: parameters)
                    return .success(try chunk.map { k throws(ICUError) in try reader.read(beads[k], in: alignment) })
                } catch { return .failure(error) }
            }
        }
    }

    /// The glossary of `alignment`; `source` names the Chinese file in references.
    public func build(_ alignment: Alignment, source: String = "") throws(ICUError) -> Glossary {
        let beads = alignment.beads.filter { !$0.zh.isEmpty && !$0.en.isEmpty }
        // The sentence pairs are read on all cores; meanwhile one job builds the dictionary's statistics.
        let workers = Workers.count(for: beads.count, perWorker: parameters.beadsPerWorker)
        let jobs: [Job] = [.prepareDictionary] + (0..<workers).map { .readPairs(Workers.share($0, of: beads.count, among: workers)) }
        var pairs: [Pair] = []
        var candidates: [[String]] = []
        let (dictionary, parameters) = (dictionary, parameters)
        for result in Workers.run(jobs, { _, job in job.run(beads, alignment, dictionary, parameters: parameters) }) {
            let read = try result.get()
            pairs += read.map(\.pair)
            candidates += read.map(\.candidates)
        }
        var occurrences: [String: [Int]] = [:]
        for (k, terms) in candidates.enumerated() { for term in terms { occurrences[term, default: []].append(k) } }
        let names = Self.names(in: pairs.map(\.en))
        let minimum = pairs.count > parameters.largeText ? max(2, minimumFrequency) : minimumFrequency
        let sample = pairs.count > parameters.largeText ? parameters.largeTextPairingSample : parameters.pairingSample
        let associations = Self.associations(occurrences, pairs: pairs, sample: 2 * sample + 6, dictionary: dictionary, parameters: parameters,
                                             soundAlike: SoundAlike(pinyin: try Pinyin(dictionary: dictionary)))
        let terms = occurrences.filter { $0.value.count >= minimum }.sorted { $0.key < $1.key }
        var context = TermPairer.Context(pairs: pairs, names: names, associations: associations, sample: sample, source: source,
                                             frequency: termhood.frequency)
        context.parameters = parameters
        // Word links for the texts too short for co-occurrence to find what the dictionary lacks
        // (a book has the counts, and linking its words would double the glossary's time). Links
        // to words of general English (yielded, remains) or numbers explain phrases, not terms.
        let wordLinks = pairs.count <= parameters.largeText ? try WordAligner(dictionary: dictionary).align(alignment) : []
        let frequency = termhood.frequency
        context.links = wordLinks.map { links in
            PairLinks(links, sentences: alignment.zh) { word in
                word.allSatisfy(\.isLetter) && frequency.zipf(english: word) < parameters.genericZipf
            }
        }
        let entries = Self.inCitationForm(try Self.pairInParallel(terms, context: context, dictionary: dictionary), occurrences: occurrences,
                                          pairs: pairs)
        let edges = TermBoundaries(dictionary: dictionary)
        var kept = Self.withoutUnrenderedHeads(entries, edges: edges)
        kept = Self.withoutCoordinations(Self.withoutFragments(kept, occurrences: occurrences, parameters: parameters))
        kept = try Self.withLinkedNames(kept, wordLinks, of: alignment, pairs: pairs, sample: sample, source: source, dictionary: dictionary,
                                        parameters: parameters) {
            frequency.zipf(english: $0) >= parameters.genericZipf
        }
        kept = try Self.withAbbreviatedTerms(kept, pairs: pairs, context: context, dictionary: dictionary)
        // Entries no candidate gave (an abbreviated term longer than the candidates) get the pairs
        // writing them, so that their edges are measured as the others' are.
        for e in kept where occurrences[e.zh] == nil { occurrences[e.zh] = pairs.indices.filter { pairs[$0].zh.contains(e.zh) } }
        var boundaries: [String: Termhood.Boundaries] = [:]
        for e in kept { boundaries[e.zh] = edges.evidence(of: e.zh, in: (occurrences[e.zh] ?? []).prefix(sample).map { pairs[$0].zh }) }
        kept = Self.withoutCutTails(kept, occurrences: occurrences, boundaries: boundaries, parameters: parameters)
        kept = Self.withExpansions(kept, in: pairs.map(\.en.text))
        return Glossary(entries: termhood.ranked(kept, boundaries: boundaries), sentencePairs: pairs.count)
    }

    /// `entries` with the terms a sentence pair defines one abbreviation for on both sides
    /// (`TermPairer.abbreviated`: 计算机断层扫描（CT） and "computed tomography (CT)"), the
    /// abbreviation their variant: an author defines abbreviations for terms, and the shared one
    /// pairs them even in a single sentence pair. An entry with the same Chinese takes that English;
    /// one with the same English and a Chinese inside the term's is a piece of it and goes.
    /// Their frequency counts the pairs writing the abbreviation too: the text uses the term there.
    static func withAbbreviatedTerms(_ entries: [TermEntry], pairs: [Pair], context: TermPairer.Context,
                                     dictionary: BilingualDictionary) throws(ICUError) -> [TermEntry] {
        // A pairer (and pinyin reader) only for a text with brackets in its Chinese.
        let bracketed = pairs.indices.filter { pairs[$0].zh.contains("（") || pairs[$0].zh.contains("(") }
        guard !bracketed.isEmpty else { return entries }
        let pairer = try TermPairer(context: context, dictionary: dictionary)
        var found: [String: (en: String, abbreviation: String, pair: Int)] = [:]
        for k in bracketed {
            for a in pairer.abbreviated(zh: pairs[k].zh, en: pairs[k].en.text) where found[a.zh] == nil { found[a.zh] = (a.en, a.abbreviation, k) }
        }
        guard !found.isEmpty else { return entries }
        // The text uses the term wherever it writes the abbreviation.
        func beads(_ zh: String, _ abbreviation: String) -> [Int] {
            pairs.indices.filter { pairs[$0].zh.contains(zh) || TermPairer.standsAlone(abbreviation, in: pairs[$0].zh) }
        }
        // A shorter Chinese given the same English is a piece of the defined term (断层扫描 ↔ computed
        // tomography beside 计算机断层扫描（CT）).
        let pieces = Set(entries.filter { e in
            found.contains { $0.key != e.zh && $0.key.contains(e.zh) && $0.value.en.lowercased() == e.en.lowercased() }
        }.map(\.zh))
        var result = entries.filter { !pieces.contains($0.zh) }.map { e -> TermEntry in
            guard let a = found[e.zh] else { return e }
            var e = e
            e.en = a.en
            e.variants = TermEntry.leading(a.abbreviation, e.variants.filter { $0.lowercased() != a.en.lowercased() })
            e.frequency = max(e.frequency, beads(e.zh, a.abbreviation).count)
            return e
        }
        let known = Set(entries.map(\.zh))
        let pinyin = try Pinyin(dictionary: dictionary)
        for (zh, a) in found.sorted(by: { $0.key < $1.key }) where !known.contains(zh) {
            let beads = beads(zh, a.abbreviation)
            let example = pairs[a.pair]
            result.append(TermEntry(zh: zh, en: a.en, pinyin: pinyin.reading(zh, dictionary: dictionary), score: 1, frequency: beads.count,
                                    exampleZh: example.zh, exampleEn: example.en.text,
                                    references: Pair.references(beads, in: pairs, source: context.source), variants: [a.abbreviation]))
        }
        return result
    }

    /// `entries` where an entry keeps a Latin abbreviation as is (CI ↔ CI, NYHA ↔ NYHA) with the
    /// long form the English text defines for it (`AbbreviationDefinitions`: "95% confidence
    /// interval [CI]") as its first variant: what a translator looks the abbreviation up for. The
    /// pair stays the abbreviation itself, as the text writes it.
    static func withExpansions(_ entries: [TermEntry], in english: [String]) -> [TermEntry] {
        entries.map { e in
            guard TermPairer.isLatinWord(e.zh), e.en.lowercased() == e.zh.lowercased(),
                  let long = AbbreviationDefinitions.longForm(of: e.zh, in: english) else { return e }
            var expanded = e
            expanded.variants = TermEntry.leading(long, e.variants)
            return expanded
        }
    }

    /// Drops the tail of a longer entry: an entry that occurs inside one longer entry ending with it
    /// whose English ends with its English — (nearly) always, where its left edge cuts a dictionary
    /// word in at least half of its occurrences (心室射血分数 ↔ ventricular ejection fraction inside
    /// 左心室射血分数 ↔ left ventricular ejection fraction, cutting 左心室); every time, twice at least,
    /// where it is cut between words (射血分数 ↔ ejection fraction; 早期乳腺癌 ↔ early breast cancer,
    /// only ever inside HER2阳性早期乳腺癌): the text uses it only as part of that entry. A tail the
    /// text also writes elsewhere (无进展生存期 after 中位 and alone) is a unit of its own and stays.
    static func withoutCutTails(_ entries: [TermEntry], occurrences: [String: [Int]], boundaries: [String: Termhood.Boundaries],
                                parameters: GlossaryParameters) -> [TermEntry] {
        func words(_ english: String) -> String { " " + english.lowercased().replacingOccurrences(of: "-", with: " ") }
        return entries.filter { e in
            let cut = (boundaries[e.zh]?.cutWord ?? 0) >= 0.5
            guard let own = occurrences[e.zh], !own.isEmpty, cut || own.count >= 2 else { return true }
            return !entries.contains { longer in
                guard longer.zh.count > e.zh.count, longer.zh.hasSuffix(e.zh), words(longer.en).hasSuffix(words(e.en)),
                      let outer = occurrences[longer.zh] else { return false }
                let inside = Set(outer)
                let n = own.filter(inside.contains).count
                return cut ? Double(n) >= parameters.enclosedShare * Double(own.count) : n == own.count
            }
        }
    }

    /// `entries` with the names the word links pair (`LinkedNameCandidates`): a Chinese span
    /// linked to a capitalised English run, rendered by that run in two sentence pairs at least and
    /// in at least half of the (sampled) pairs writing it. Where an entry with the same English
    /// holds the name, the links say where the name ends and the name replaces it (青埂峰 ↔
    /// Greensickness Peak, not 青埂峰下 "below it"); where the name holds an entry with the same
    /// English (阊门外 beside 阊门 ↔ Chang-men Gate), the entry stays.
    static func withLinkedNames(_ entries: [TermEntry], _ wordLinks: [BeadWordLinks], of alignment: Alignment, pairs: [Pair],
                                sample: Int, source: String, dictionary: BilingualDictionary, parameters: GlossaryParameters,
                                isCommon: (String) -> Bool) throws(ICUError) -> [TermEntry] {
        var renderings: [String: [String: [Int]]] = [:]
        for (k, links) in wordLinks.enumerated() {
            for pair in LinkedNameCandidates.pairs(links, zh: alignment.zh, en: alignment.en, parameters: parameters, isCommon: isCommon) {
                renderings[pair.zh, default: [:]][pair.en, default: []].append(k)
            }
        }
        let known = Set(entries.map(\.zh))
        var byEnglish: [String: [String]] = [:]
        for e in entries { byEnglish[e.en.lowercased(), default: []].append(e.zh) }
        let pinyin = try Pinyin(dictionary: dictionary)
        var replaced = Set<String>()
        let names: [TermEntry] = renderings.keys.sorted().compactMap { zh in
            guard !known.contains(zh) else { return nil }
            let ranked = renderings[zh]!.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            let (en, linked) = ranked[0]
            guard linked.count >= parameters.linkedNameRepeats else { return nil }
            let beads = pairs.indices.filter { pairs[$0].zh.contains(zh) }
            let sameEnglish = byEnglish[en.lowercased()] ?? []
            guard 2 * linked.count >= min(beads.count, sample), !sameEnglish.contains(where: zh.contains) else { return nil }
            replaced.formUnion(sameEnglish.filter { $0.contains(zh) })
            let example = pairs[linked[0]]
            return TermEntry(zh: zh, en: en, pinyin: pinyin.reading(zh, dictionary: dictionary),
                             score: Double(linked.count) / Double(max(1, min(beads.count, sample))), frequency: beads.count,
                             exampleZh: example.zh, exampleEn: example.en.text,
                             references: Pair.references(beads, in: pairs, source: source),
                             variants: ranked.dropFirst().prefix(3).map(\.key))
        }
        return entries.filter { !replaced.contains($0.zh) } + names
    }

    /// Pairs `terms` on all cores, one pairer per worker, the terms dealt out in turn.
    private static func pairInParallel(_ terms: [(key: String, value: [Int])], context: TermPairer.Context,
                                       dictionary: BilingualDictionary) throws(ICUError) -> [TermEntry] {
        let workers = Workers.count(for: terms.count, perWorker: context.parameters.termsPerWorker)
        let found = Workers.run(Array(0..<workers)) { w, _ -> Result<[TermEntry], ICUError> in
            do throws(ICUError) {
                let pairer = try TermPairer(context: context, dictionary: dictionary)
                return .success(stride(from: w, to: terms.count, by: workers).compactMap { pairer.entry(for: terms[$0].key, beads: terms[$0].value) })
            } catch { return .failure(error) }
        }
        var entries: [TermEntry] = []
        for part in found { entries += try part.get() }
        return entries
    }

    /// English words that keep company with each Chinese candidate (keyed by its `HanKey` value): in
    /// at least three of its sentence pairs (two for a name, where chance would rarely do it), with a
    /// Dice coefficient of at least 0.6 — how terms missing from the dictionaries (顺铂 ↔ cisplatin) are found. Linking is
    /// competitive and mutual: a word goes to the candidates it fits best, and those keep only the
    /// words they fit best; among unrelated candidates tied for a transliterated word, the one that
    /// sounds like it; among nested ones, the longest still with it about as often.
    private static func associations(_ occurrences: [String: [Int]], pairs: [Pair], sample size: Int, dictionary: BilingualDictionary,
                                     parameters: GlossaryParameters,
                                     soundAlike: SoundAlike) -> [UInt64: Set<String>] {
        // Each pair's distinct company keys, as numbers, counted once.
        var keyIDs: [String: Int] = [:]
        var keys: [String] = []
        let pairKeys = pairs.map { pair in
            Set(pair.en.tokens.filter { !$0.isStop }.map { $0.companyKey }).map { key in
                if let id = keyIDs[key] { return id }
                keyIDs[key] = keys.count
                keys.append(key)
                return keys.count - 1
            }
        }
        var counts = [Int](repeating: 0, count: keys.count)
        for ids in pairKeys { for id in ids { counts[id] += 1 } }
        let (enCount, keyCount) = (counts, keys.count)
        // Words only (numbers keep company with everything), three times together, or twice for a word
        // capitalised mid-sentence (a name) and a term the dictionaries lack (刘大爹 ↔ Grandpa), when
        // twice is unlikely by chance (not in a short text).
        let isWord = keys.map { $0.contains(where: \.isLetter) }
        let isName = keys.map { $0.hasPrefix("^") }
        // Counted on all cores, each worker over its share of the candidates.
        let eligible = occurrences.filter { $0.value.count >= 2 && $0.key.unicodeScalars.count >= 2 }.sorted { $0.key < $1.key }
        let workers = Workers.count(for: eligible.count, perWorker: parameters.termsPerWorker)
        let counted = Workers.run(Array(0..<workers)) { w, _ in
            var together = [Int](repeating: 0, count: keyCount)
            var touched: [Int] = []
            var links: [(key: Int, term: String, dice: Double, together: Double)] = []
            for (term, beads) in eligible[Workers.share(w, of: eligible.count, among: workers)] {
                let sample = beads.prefix(size)
                for k in sample {
                    for id in pairKeys[k] {
                        if together[id] == 0 { touched.append(id) }
                        together[id] += 1
                    }
                }
                let scale = Double(beads.count) / Double(sample.count)
                let known = dictionary.contains(HanKey(term))
                for id in touched {
                    let c = together[id]
                    together[id] = 0
                    let chance = Double(beads.count * enCount[id]) / Double(pairs.count)
                    guard isWord[id] && (c >= 3 || (c == 2 && isName[id] && !known && chance < parameters.chanceOfTwo)) else { continue }
                    let dice = 2 * Double(c) * scale / Double(beads.count + enCount[id])
                    if dice >= parameters.minimumDice { links.append((id, term, dice, Double(c) * scale)) }
                }
                touched.removeAll(keepingCapacity: true)
            }
            return links
        }
        var byStem: [String: [(term: String, dice: Double, together: Double)]] = [:]
        for link in counted.joined() { byStem[keys[link.key], default: []].append((link.term, link.dice, link.together)) }
        // Each term keeps only the words it fits best, too (linking is mutual).
        var termBest: [String: Double] = [:]
        for (_, candidates) in byStem { for c in candidates { termBest[c.term] = max(termBest[c.term] ?? 0, c.dice) } }
        byStem = byStem.mapValues { $0.filter { $0.dice >= termBest[$0.term]! - parameters.diceTie } }.filter { !$0.value.isEmpty }
        var result: [UInt64: Set<String>] = [:]
        for (stem, candidates) in byStem {
            // Competitive linking: an English word keeps company with the candidates it fits best
            // (and their nested forms), not with every frequent word of the text's topic.
            let top = candidates.map(\.dice).max()!
            var best = candidates.filter { $0.dice >= top - parameters.diceTie }
            // Unrelated terms tied for a word that is a transliteration (abiraterone always beside
            // prednisone): the one that sounds like it keeps it.
            let word = stem.hasPrefix("^") ? String(stem.dropFirst()) : stem
            if best.count > 1, word.allSatisfy(\.isLetter) {
                let sounds = best.map { soundAlike.similarity($0.term, word) }
                if let loudest = sounds.max(), loudest >= parameters.soundsAlike {
                    best = zip(best, sounds).filter { $0.1 >= loudest - 0.1 }.map(\.0)
                }
            }
            // From each candidate it fits best, the word climbs to the longest candidate containing it
            // that is still with the word about as often (放化疗, not 化疗, gets chemoradiotherapy;
            // 局部区域晚期鼻咽癌, not 晚期, gets advanced).
            // A shorter candidate written more often in the same sentences has a life of its own
            // (缓解 in 完全缓解 and 部分缓解) and does not climb.
            func mentions(_ term: String) -> Int {
                occurrences[term]!.prefix(size).reduce(0) { $0 + pairs[$1].zh.ranges(of: term).count }
            }
            for start in best {
                var current = start
                while let longer = candidates.filter({ $0.term != current.term && $0.term.contains(current.term)
                                                       && ($0.dice >= current.dice - parameters.diceTie || $0.together >= parameters.climbShare * current.together)
                                                       && Double(mentions($0.term)) >= parameters.climbShare * Double(mentions(current.term)) })
                                             .max(by: { $0.dice != $1.dice ? $0.dice < $1.dice : $0.term.count < $1.term.count }) {
                    current = longer
                }
                result[HanKey(current.term).value, default: []].insert(stem)
            }
        }
        return result
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
    /// And drops a recurring term that occurs (nearly) only inside longer entries that go on after
    /// it (后伊斯兰国 in 后伊斯兰国时代): Chinese puts the head of a term last, so a term that is
    /// always completed on its right is a modifier, while one modified on its left (中位无进展生存期,
    /// 延长无进展生存期) is a unit of its own. And drops part of a name that occurs (nearly) only
    /// inside a longer name holding its English as well (清扬 ↔ Qingyang inside 陈清扬 ↔ Chen
    /// Qingyang): a given name the text never uses alone is not an entry of its own. And drops a
    /// recurring term that (nearly) always lies inside one longer entry where another entry, seen
    /// outside it as well, crosses its left edge (化疗组 inside 诱导化疗组, which is 诱导化疗 + 组): it
    /// cuts a unit of that entry.
    static func weight(_ e: TermEntry) -> Double { e.score * log2(1 + Double(e.frequency)) }

    /// English words joining two terms into a coordination.
    static let coordinators: Set<Substring> = ["and", "plus", "or", "with", "vs", "versus"]

    /// `entries` with a rendering that English hyphenates only before a noun written as a noun
    /// phrase: "standard-therapy" (always in "the standard-therapy group") becomes "standard
    /// therapy" when the term's sentences also write it so. A compound hyphenated wherever it
    /// stands (recurrence-free, treatment-related) keeps its hyphens. All the term's sentences are
    /// read: the noun phrase may be rare (4 of 29).
    static func inCitationForm(_ entries: [TermEntry], occurrences: [String: [Int]], pairs: [Pair]) -> [TermEntry] {
        entries.map { e in
            guard e.en.contains("-"), let beads = occurrences[e.zh] else { return e }
            let hyphenated = e.en.lowercased(), spaced = hyphenated.replacingOccurrences(of: "-", with: " ")
            guard spaced.split(separator: " ").allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return e }
            var attributive = 0, alone = 0, asPhrase = 0
            for k in beads {
                let text = pairs[k].en.text.lowercased()
                for match in text.ranges(of: hyphenated) where EnglishTermTokens.isWordBounded(match, in: text) {
                    let rest = text[match.upperBound...]
                    if rest.first == " ", rest.dropFirst().first?.isLetter ?? false { attributive += 1 } else { alone += 1 }
                }
                asPhrase += text.ranges(of: spaced).filter { EnglishTermTokens.isWordBounded($0, in: text) }.count
            }
            guard attributive > 0, alone == 0, asPhrase > 0 else { return e }
            var cited = e
            cited.en = e.en.replacingOccurrences(of: "-", with: " ")
            return cited
        }
    }

    /// Drops an entry that is another entry with the same English plus a word on its right
    /// (早期乳腺癌患者 ↔ early breast cancer beside 早期乳腺癌): Chinese puts the head of a term
    /// last, so the longer names something else (the patients) its English leaves out.
    static func withoutUnrenderedHeads(_ entries: [TermEntry], edges: TermBoundaries) -> [TermEntry] {
        var byEnglish: [String: [String]] = [:]
        for e in entries { byEnglish[e.en.lowercased(), default: []].append(e.zh) }
        return entries.filter { e in
            !(byEnglish[e.en.lowercased()] ?? []).contains { edges.addsAnUnrenderedNoun(e.zh, to: $0, english: e.en) }
        }
    }

    /// Drops coordinations of two entries (吉西他滨和顺铂 ↔ gemcitabine and cisplatin, 宝钗黛玉 ↔
    /// Bao-chai and Dai-yu): an entry whose English is two other entries' renderings joined by a
    /// coordinator, both of whose Chinese terms it holds, is two entries, not one. A term whose
    /// English holds "and" but whose parts are no entries stays (头颈部肿瘤 ↔ head and neck cancer).
    static func withoutCoordinations(_ entries: [TermEntry]) -> [TermEntry] {
        var byEnglish: [String: [String]] = [:]
        for e in entries { byEnglish[e.en.lowercased(), default: []].append(e.zh) }
        func holdsEntry(_ zh: String, renderedAs english: some StringProtocol) -> Bool {
            (byEnglish[String(english)] ?? []).contains { $0 != zh && zh.contains($0) }
        }
        return entries.filter { e in
            let words = e.en.lowercased().split(separator: " ")
            return !words.indices.dropFirst().dropLast().contains { k in
                coordinators.contains(words[k]) && holdsEntry(e.zh, renderedAs: words[..<k].joined(separator: " "))
                    && holdsEntry(e.zh, renderedAs: words[(k + 1)...].joined(separator: " "))
            }
        }
    }

    /// Whether every content word of `english` is capitalised (Chen Qingyang, Bottle-gourd Temple, Shi-yin).
    static func isName(_ english: String) -> Bool { Termhood.capitalisedShare(english) == 1 }

    static func withoutFragments(_ entries: [TermEntry], occurrences: [String: [Int]],
                                 parameters: GlossaryParameters = GlossaryParameters()) -> [TermEntry] {
        var byEnglish: [String: [TermEntry]] = [:]
        for e in entries { byEnglish[e.en.lowercased(), default: []].append(e) }
        // For each term, the longer entries continuing it on the right (substrings enumerated, not searched),
        // and for each sentence pair, the entries occurring in it.
        let terms = Set(entries.map(\.zh))
        let frequency = Dictionary(entries.map { ($0.zh, $0.frequency) }, uniquingKeysWith: max)
        var containers: [String: [String]] = [:]
        var nameContainers: [String: [String]] = [:]
        // For each term, the longer entries holding it where another of their entries crosses its
        // left edge (化疗组 in 诱导化疗组, whose unit is 诱导化疗).
        var crossedIn: [String: [String]] = [:]
        var inBead: [Int: Set<String>] = [:]
        for e in entries {
            for b in occurrences[e.zh] ?? [] { inBead[b, default: []].insert(e.zh) }
            let chars = Array(e.zh)
            let isName = Self.isName(e.en)
            for i in chars.indices {
                // …or that start with a prefix character binding what follows (无 in 无复发生存期 and
                // 无局部区域复发生存期: recurrence-free). A name holds any part (its name containers).
                let prefixed = i > 0 && chars[0].unicodeScalars.count == 1 && TermProfile.affixes[chars[0].unicodeScalars.first!] != nil
                for j in (i + 1)...chars.count where j - i < chars.count {
                    let part = String(chars[i..<j])
                    guard terms.contains(part) else { continue }
                    if j < chars.count || prefixed { containers[part, default: []].append(e.zh) }
                    if isName { nameContainers[part, default: []].append(e.zh) }
                    // Another entry of this one that starts before the part, ends inside it and occurs
                    // outside this one too (a unit of its own, not a fragment like it).
                    if (0..<i).contains(where: { a in (i + 1..<j).contains { (frequency[String(chars[a..<$0])] ?? 0) > e.frequency } }) {
                        crossedIn[part, default: []].append(e.zh)
                    }
                }
            }
        }
        /// The share of `term`'s sentence pairs holding one of the longer entries `outer` (0 for none).
        func shareInside(_ term: String, _ outer: [String]) -> Double {
            guard let own = occurrences[term], !own.isEmpty, !outer.isEmpty else { return 0 }
            return Double(own.filter { b in outer.contains { inBead[b]?.contains($0) ?? false } }.count) / Double(own.count)
        }
        /// How much of each term's occurrences lie inside longer entries.
        let enclosed = Dictionary(uniqueKeysWithValues: containers.map { ($0.key, shareInside($0.key, $0.value)) })
        func enclosedShare(_ e: TermEntry) -> Double { enclosed[e.zh] ?? 0 }
        // The share of a name's occurrences inside longer names whose English holds its English.
        let english = Dictionary(entries.map { ($0.zh, " \($0.en.lowercased()) ") }, uniquingKeysWith: { a, _ in a })
        func shareInsideLongerNames(_ e: TermEntry) -> Double {
            shareInside(e.zh, (nameContainers[e.zh] ?? []).filter { english[$0]! != english[e.zh]! && english[$0]!.contains(english[e.zh]!) })
        }
        return entries.filter { e in
            // Part of a name the text (nearly) never uses alone (清扬 inside 陈清扬).
            if Self.isName(e.en) && shareInsideLongerNames(e) >= parameters.enclosedShare { return false }
            // A recurring term found (nearly) only inside longer entries is part of them
            // (后伊斯兰国 in 后伊斯兰国时代; 无复发生存 in 无复发生存期 and 无复发生存率).
            // One written on its own in `ownUses` sentence pairs or more is a unit too (标准治疗, 27 of
            // 29 times in 标准治疗组).
            if e.frequency >= 2 && enclosedShare(e) >= parameters.enclosedShare
                && (Double(e.frequency) * (1 - enclosedShare(e))).rounded() < Double(parameters.ownUses) { return false }
            // …and so is one found (nearly) only inside a longer entry that another entry crosses it in:
            // its left edge cuts that entry (化疗组 in 诱导化疗组, 发性毒性作用 in 迟发性毒性作用).
            if e.frequency >= 2 && (crossedIn[e.zh] ?? []).contains(where: { shareInside(e.zh, [$0]) >= parameters.enclosedShare }) { return false }
            return !(byEnglish[e.en.lowercased()] ?? []).contains { other in
                guard other.zh != e.zh && (other.zh.contains(e.zh) || e.zh.contains(other.zh)) else { return false }
                let (shorter, longer) = other.zh.count < e.zh.count ? (other, e) : (e, other)
                // The shorter form wins only with occurrences of its own, outside the longer one.
                let enclosed = shorter.frequency >= 2 && enclosedShare(shorter) >= parameters.enclosedShare
                // On a tie, a longer form that only adds function characters (左心室射血分数在内) loses.
                let padded = Self.weight(shorter) == Self.weight(longer)
                    && longer.zh.replacingOccurrences(of: shorter.zh, with: "").unicodeScalars.allSatisfy(ChineseCharacters.isFunction)
                let winner = !enclosed && (Self.weight(shorter) > Self.weight(longer) || padded) ? shorter : longer
                return winner.zh == other.zh
            }
        }
    }

}
