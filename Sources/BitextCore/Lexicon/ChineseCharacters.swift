/// Chinese function characters and numerals, for matching.
public enum ChineseCharacters {
    /// Function characters that carry no translation evidence on their own.
    public static let functionCharacters: Set<Unicode.Scalar> = Set(
        "的了着过吗呢吧啊呀么之其这那个些也就都而与及和在是把被让给对从向于以为并或所得地我你他她它们".unicodeScalars)

    /// Per BMP code point: 1 for a function character, 2 for a numeral.
    private static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for s in functionCharacters { table[Int(s.value)] = 1 }
        for s in "〇零一二两三四五六七八九十百千万亿".unicodeScalars { table[Int(s.value)] |= 2 }
        return table
    }()

    /// Whether `s` is a function character (a fast table lookup).
    @inline(__always)
    public static func isFunction(_ s: Unicode.Scalar) -> Bool { s.value < 0x10000 && classes[Int(s.value)] & 1 != 0 }

    /// Whether `s` is an Arabic digit, half- or full-width (0–9, ０–９).
    public static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || ("０"..."９").contains(s) }

    private static let digits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000]

    /// Whether `s` is a Chinese numeral character.
    @inline(__always)
    public static func isNumeral(_ s: Unicode.Scalar) -> Bool { s.value < 0x10000 && classes[Int(s.value)] & 2 != 0 }

    /// The value of a run of Chinese numerals ("二十一" → 21, "九百六十九" → 969, "二〇一七" → 2017),
    /// or nil for a lone 一 or 两, which are more often "a" than a number.
    public static func value(_ run: some Collection<Unicode.Scalar>) -> Int? {
        if run.count == 1, let only = run.first, only == "一" || only == "两" { return nil }
        if run.allSatisfy({ digits[$0] != nil }) && run.count > 1 {
            return run.reduce(0) { $0 * 10 + digits[$1]! }  // 二〇一七
        }
        var total = 0, section = 0, digit = 0
        for s in run {
            if let d = digits[s] {
                digit = d
            } else if let u = units[s] {
                if u >= 10_000 {
                    total += (section + digit) * u
                    section = 0
                } else {
                    section += (digit == 0 ? 1 : digit) * u
                }
                digit = 0
            } else {
                return nil
            }
        }
        return total + section + digit
    }
}
