import BitextCore
/// Text made safe for XML 1.0: markup characters escaped, characters XML cannot hold removed.
enum XMLText {
    /// Throws when one of `fields` (of item `number`, 1-based) holds a character XML 1.0 cannot hold
    /// (a C0 control other than tab and line ends, U+FFFE, U+FFFF): writers of TMX and TBX refuse
    /// rather than drop it silently.
    static func checkWritable(_ fields: [String], item number: Int, kind: String, to out: OutputFile) throws(BitextError) {
        for field in fields {
            if let bad = field.unicodeScalars.first(where: { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
                let code = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
                throw .cannotWrite(path: out.path, reason: "\(kind) \(number) holds \(code), a control character XML cannot hold"
                                   + " — remove it from the input, or write TSV or JSON Lines")
            }
        }
    }

    /// `text` escaped for element content and attribute values (& < > " and ').
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "\r": out += "&#13;"
            default:
                // XML 1.0 has no place for other C0 controls, U+FFFE or U+FFFF.
                if s.value >= 0x20 && s.value != 0xFFFE && s.value != 0xFFFF { out.unicodeScalars.append(s) }
            }
        }
        return out
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
