/// Text made safe for XML 1.0: markup characters escaped, characters XML cannot hold removed.
enum XMLText {
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
