/// The lines of decoded text: LF, CRLF and CR all end one (Swift reads "\r\n" as one Character,
/// so splitting on "\n" alone leaves a CRLF file one line).
public enum TextLines {
    /// The lines of `text`, without their line ends; a final line end starts no empty line.
    public static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var i = start
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "\n" || c == "\r" || c == "\r\n" {
                result.append(text[start..<i])
                start = next
            }
            i = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }
}
