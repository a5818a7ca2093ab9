/// Chinese term candidates of a sentence: runs of one to eight ICU word segments (ICU splits
/// 伊斯兰国 into 伊斯兰 + 国, so terms are n-grams of segments) that do not cross punctuation other
/// than quotation marks, hyphens and spaces, hold no particle (的, 了, 和…) or count inside (a count
/// may begin one: 3期试验, phase 3 trial, but not a count with 个 or 次, nor a one-character
/// preposition, modal or adverb), and have at least two Han characters, not all numerals (or are a
/// Latin acronym). A hyphen between words is kept (分期-分类系统).
enum ChineseTermCandidates {
    /// The candidates of `sentence` (quotation marks and spaces removed from their text).
    /// A function segment may still begin or end a term when it completes a dictionary word with
    /// its neighbour (ICU's 委员 + 会 is 委员会, committee).
    /// Candidates are at most `maxSegments` segments and `maxCharacters` characters long.
    static func candidates(_ sentence: String, segmenter: WordSegmenter, dictionary: BilingualDictionary,
                           parameters: GlossaryParameters = GlossaryParameters()) throws(ICUError) -> [String] {
        var runs: [[String]] = [[]]
        var hyphen = false
        for token in try segmenter.tokens(in: sentence) {
            switch token.kind {
            case .ideograph, .word, .number:
                // A hyphen between two words is kept, with the word after it (分期-分类系统).
                runs[runs.count - 1].append(hyphen && !runs[runs.count - 1].isEmpty ? "-" + token.text : token.text)
                hyphen = false
            case .punctuation:
                if token.text == "-" || token.text == "－" { hyphen = true; continue }
                hyphen = false
                if !isTransparent(token.text) { runs.append([]) }
            }
        }
        var result: [String] = []
        for run in runs {
            func joinsAWord(_ a: Int, _ b: Int) -> Bool { a >= 0 && b < run.count && dictionary.contains(HanKey(run[a] + run[b])) }
            // Each segment's length, Han characters and whether it is Chinese numerals only, measured once.
            let lengths = run.map { $0.unicodeScalars.count }
            let hanCounts = run.map { $0.unicodeScalars.filter { Script($0) == .han }.count }
            let numerals = run.map { $0.unicodeScalars.allSatisfy(ChineseCharacters.isNumeral) }
            // A term starts after 的, not with it (中的无浸润性… is no term).
            for start in run.indices where (isEdge(run[start]) || joinsAWord(start, start + 1))
                && !run[start].hasSuffix("的") && !run[start].hasPrefix("-") && !startsWithACount(run[start...])
                && !(isPhraseOpener(run[start]) && !joinsAWord(start, start + 1)) {
                var text = ""
                var (length, hanCount, allNumerals) = (0, 0, true)
                for end in start..<min(run.count, start + parameters.maxSegments) {
                    // No particle or conjunction (的, 了, 和, 在…) nor personal pronoun inside a term.
                    if isParticle(run[end]) || isPronoun(run[end]) { break }
                    if end > start && isNumber(run[end]) { break }  // nor a count (疗后16周)
                    text += run[end]
                    length += lengths[end]
                    if length > parameters.maxCharacters { break }
                    hanCount += hanCounts[end]
                    allNumerals = allNumerals && numerals[end]
                    // A number in Chinese numerals alone (十二) counts no Han character of a term.
                    let han = allNumerals ? 0 : hanCount
                    // …and ends before a particle, not with one (起了 is no term).
                    if !isNumber(run[end]) && (isEdge(run[end]) || (end > start && joinsAWord(end - 1, end)))
                        && !finalParticles.contains(run[end].unicodeScalars.last!) && (han >= 2 || (han == 0 && isAcronym(text))) {
                        result.append(text)
                    }
                }
            }
        }
        return result
    }

    /// Quotation marks, title marks and middle dots sit inside terms (“后伊斯兰国”时代).
    static func isTransparent(_ mark: String) -> Bool {
        mark.unicodeScalars.count == 1 && transparentMarks.contains(mark.unicodeScalars.first!)
    }

    /// The marks `isTransparent` accepts.
    static let transparentMarks: Set<Unicode.Scalar> = Set("“”‘’\"'「」『』《》·-－".unicodeScalars)

    /// A Latin word inside Chinese text, of three or more letters and digits (SSB, NYHA, APHINITY) or
    /// of two letters that are no English function word or unit (CI, CT; not of, vs, mg): it is its
    /// own translation.
    static func isAcronym(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else { return false }
        if scalars.count == 2 {
            return scalars.allSatisfy(\.properties.isAlphabetic) && !EnglishWords.stopWords.contains(text.lowercased())
                && !notAcronyms.contains(text.lowercased())
        }
        return scalars.count >= 3 && scalars.contains { $0.properties.isAlphabetic }
    }

    /// Two-letter Latin words inside Chinese that are units of measure or Latin abbreviations, not
    /// acronyms of terms.
    static let notAcronyms: Set<String> = ["mg", "kg", "ng", "pg", "ug", "cm", "mm", "nm", "km", "ml", "dl", "vs", "cf", "al", "et", "pp", "ok"]

    /// A segment of digits: counts and dates (63例, 2016年, 表3) are not terms (Han numerals are
    /// left alone: 王二 and 罗小四 are names).
    static func isNumber(_ segment: String) -> Bool {
        segment.unicodeScalars.allSatisfy { ChineseCharacters.isDigit($0) || $0 == "." || $0 == "," }
    }

    /// Particles, conjunctions, the complement marker 得 and the measure word 个, standing as words
    /// of their own, never sit inside a term (unlike 他 in 吉西他滨, a transliteration; 个人 and 得到
    /// are words).
    static let particles: Set<Unicode.Scalar> = Set("的了着过吗呢吧啊呀么和与及在是把被让给对从向于以为并或且所也就都而得个".unicodeScalars)

    /// Personal pronouns standing as words of their own (章风山 她 骑在: a name, then the clause
    /// going on). 他 alone is left out: it also writes transliterations (吉西他滨, 他莫昔芬).
    static let pronouns: Set<String> = ["她", "它", "我", "你", "您", "他们", "她们", "它们", "我们", "你们", "咱们"]

    /// Whether `segment` is one of `pronouns` (their first characters checked first).
    static func isPronoun(_ segment: String) -> Bool {
        guard let first = segment.unicodeScalars.first, pronounStarts.contains(first) else { return false }
        return pronouns.contains(segment)
    }

    private static let pronounStarts = Set(pronouns.compactMap(\.unicodeScalars.first))

    /// A number or a demonstrative with the general measure word 个 or the measure of occasions 次
    /// (两个, 3个, 每个, 这个, 第二次): what follows is counted or pointed at (两个治疗组, two treatment
    /// groups; 第二次左心室射血分数评估, the second assessment), a phrase rather than a term.
    static func startsWithACount(_ segments: ArraySlice<String>) -> Bool {
        guard let first = segments.first?.unicodeScalars.first,
              ChineseCharacters.isDigit(first) || ChineseCharacters.isNumeral(first) || countWords.contains(first) else { return false }
        let scalars = segments.prefix(2).joined().unicodeScalars
        let counting = scalars.prefix { ChineseCharacters.isDigit($0) || ChineseCharacters.isNumeral($0) || countWords.contains($0) }
        guard let measure = scalars.dropFirst(counting.count).first, !counting.isEmpty, counting.first != "第" || counting.count > 1 else { return false }
        return measure == "个" || measure == "次"
    }

    /// The ordinal prefix and the demonstratives and quantifiers that take a measure word (第二次, 这个, 每个, 几个).
    static let countWords: Set<Unicode.Scalar> = Set("第这那每各几".unicodeScalars)

    /// Single characters that open a phrase, never a term, when they stand as a word of their own:
    /// prepositions (当 when, 除 except, 如 like, 按, 据, 随), modal, causative and speech verbs (能 can,
    /// 会, 应, 使 make, 令, 请 invite, 叫 call, 说 say) and adverbs (就, 才, 再, 又, 还, 很, 更, 最, 已,
    /// 仍, 便, 即): 能显著提高 ↔ significantly increase, 请陈清扬 ↔ invited Chen Qingyang.
    static let phraseOpeners: Set<Unicode.Scalar> = Set("当除如按据随能会应使令请叫说就才再又还很更最已仍便即".unicodeScalars)

    /// Whether `segment` is one of `phraseOpeners`.
    static func isPhraseOpener(_ segment: String) -> Bool {
        segment.unicodeScalars.count == 1 && phraseOpeners.contains(segment.unicodeScalars.first!)
    }

    /// Particles and negations that end phrases, never terms (unlike 所 in 研究所 or 为 in 行为).
    static let finalParticles: Set<Unicode.Scalar> = Set("的了着过吗呢吧啊呀么不没".unicodeScalars)

    /// A segment made of particles and conjunctions only.
    static func isParticle(_ segment: String) -> Bool {
        segment.unicodeScalars.allSatisfy(particles.contains)
    }

    /// A segment that can begin or end a term: not made of function characters only (的, 所以, 就是).
    static func isEdge(_ segment: String) -> Bool {
        !segment.unicodeScalars.allSatisfy(ChineseCharacters.isFunction)
    }
}

import ICUKit
