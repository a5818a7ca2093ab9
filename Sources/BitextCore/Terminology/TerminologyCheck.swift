/// Terminology QA of a translation, bead by bead: glossary terms whose agreed rendering is
/// missing, terms rendered inconsistently, numbers on one side only, Chinese left in the English,
/// sentences left without a translation.
public struct TerminologyCheck {
    /// The kinds of finding.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A glossary term in the Chinese whose English (or any variant) is not in the bead's English.
        case termNotUsed = "term-not-used"
        /// A term rendered by different glossary renderings (its English and a variant) within the text.
        case inconsistent
        /// A number written in digits on one side and found on the other in no form.
        case numberMismatch = "number-mismatch"
        /// Chinese characters in the English.
        case untranslated
        /// A sentence the alignment left unmatched.
        case missingTranslation = "missing-translation"
    }

    /// One finding.
    public struct Finding: Sendable, Equatable {
        /// What is wrong.
        public let kind: Kind
        /// `file:line` of the Chinese and of the English sentence ("" for a side the bead lacks).
        public let zhSource: String
        public let enSource: String
        /// The term, number or text concerned.
        public let term: String
        /// What was expected instead ("" when nothing is).
        public let expected: String
        /// The bead's Chinese and English text.
        public let zh: String
        public let en: String
    }

    /// The matcher of the glossary checked against.
    public let matcher: TermMatcher
    /// The kinds reported.
    public var kinds: Set<Kind>

    /// A check of the glossary `matcher` was built from, reporting `kinds`.
    public init(matcher: TermMatcher, kinds: Set<Kind> = Set(Kind.allCases)) {
        self.matcher = matcher
        self.kinds = kinds
    }

    /// The findings of `alignment`, in text order; `zhFile` and `enFile` name the sides in references.
    public func findings(in alignment: Alignment, zhFile: String, enFile: String) -> [Finding] {
        var result: [(bead: Int, finding: Finding)] = []
        // Which rendering each bead used for each entry, for the consistency check.
        var renderings: [Int: [(bead: Int, form: Int, finding: Finding)]] = [:]
        for (b, bead) in alignment.beads.enumerated() {
            let zh = bead.zh.map { alignment.zh[$0].text }.joined()
            let en = bead.en.map { alignment.en[$0].text }.joined(separator: " ")
            let zhSource = bead.zh.first.map { "\(zhFile):\(alignment.zh[$0].line)" } ?? ""
            let enSource = bead.en.first.map { "\(enFile):\(alignment.en[$0].line)" } ?? ""
            func finding(_ kind: Kind, _ term: String, _ expected: String) -> Finding {
                Finding(kind: kind, zhSource: zhSource, enSource: enSource, term: term, expected: expected, zh: zh, en: en)
            }
            if bead.zh.isEmpty || bead.en.isEmpty {
                result.append((b, finding(.missingTranslation, bead.zh.isEmpty ? en : zh, "")))
                continue
            }
            for hit in matcher.chineseHits(in: zh) {
                let entry = matcher.entries[hit.entry]
                let used = matcher.englishHits(in: en, entry: hit.entry)
                if let first = used.first {
                    renderings[hit.entry, default: []].append((b, first.form, finding(.inconsistent, entry.zh, "")))
                } else {
                    result.append((b, finding(.termNotUsed, entry.zh, ([entry.en] + entry.variants).joined(separator: " | "))))
                }
            }
            let (zhNumbers, enNumbers) = (NumberMentions(chinese: zh), NumberMentions(english: en))
            for n in zhNumbers.written where !enNumbers.all.contains(n) { result.append((b, finding(.numberMismatch, n, "\(n) in the English"))) }
            for n in enNumbers.written where !zhNumbers.all.contains(n) { result.append((b, finding(.numberMismatch, n, "\(n) in the Chinese"))) }
            let han = String(en.unicodeScalars.filter { ScriptProfile(String($0)).han > 0 }.map(Character.init))
            if !han.isEmpty { result.append((b, finding(.untranslated, han, ""))) }
        }
        // A term rendered in several ways: the beads using a form other than the most used one.
        for (index, uses) in renderings {
            let counts = Dictionary(grouping: uses, by: \.form).mapValues(\.count)
            guard counts.count > 1, let main = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { continue }
            let entry = matcher.entries[index]
            let forms = [entry.en] + entry.variants
            for use in uses where use.form != main {
                let f = use.finding
                result.append((use.bead, Finding(kind: .inconsistent, zhSource: f.zhSource, enSource: f.enSource, term: "\(entry.zh) → \(forms[use.form])",
                                                 expected: forms[main], zh: f.zh, en: f.en)))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        return result.filter { kinds.contains($0.finding.kind) }
            .sorted { $0.bead != $1.bead ? $0.bead < $1.bead : order[$0.finding.kind]! < order[$1.finding.kind]! }
            .map(\.finding)
    }
}

/// The numbers of a sentence: those written in digits (which the other side must have in some
/// form), and all it mentions, digits, Chinese numerals (二十一) and English number words
/// (twenty-one) alike, normalised ("2,841" → 2841).
struct NumberMentions {
    private(set) var written: [String] = []
    private(set) var all: Set<String> = []

    init(chinese text: String) {
        scanDigits(text)
        var run: [Unicode.Scalar] = []
        for s in text.unicodeScalars + [" "] {
            if ChineseCharacters.isNumeral(s) { run.append(s); continue }
            if let v = ChineseCharacters.value(run) { all.insert(String(v)) }
            run = []
        }
    }

    init(english text: String) {
        scanDigits(text)
        var run: [Int] = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) + [""] {
            if let v = EnglishWords.numberWords[word] { run.append(v); continue }
            if word == "and" && !run.isEmpty { continue }
            if let v = FeatureExtractor.numberValue(run) { all.insert(String(v)) }
            if run.count == 1 { all.insert(String(run[0])) }  // "one", "first": support, never demanded
            run = []
        }
    }

    /// Digit runs, with thousands separators (a comma before three digits) and a decimal point inside
    /// kept as one number.
    private mutating func scanDigits(_ text: String) {
        let chars = Array(text)
        func isDigit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
        var i = 0
        while i < chars.count {
            guard isDigit(i) else { i += 1; continue }
            var digits = "", j = i
            while j < chars.count {
                if isDigit(j) {
                    digits.append(chars[j])
                } else if chars[j] == "." && isDigit(j + 1) {
                    digits.append(".")
                } else if chars[j] != "," || !(isDigit(j + 1) && isDigit(j + 2) && isDigit(j + 3) && !isDigit(j + 4)) {
                    break
                }
                j += 1
            }
            written.append(digits)
            all.insert(digits)
            i = j
        }
    }
}
