/// The bead notation of sentence-alignment gold files: one bead per line, `[zh indices]:[en indices]`,
/// 0-based, Chinese first (`[3]:[4,5]`, `[]:[7]`).
public enum BeadNotation {
    /// One line for `bead`.
    public static func line(_ bead: Bead) -> String {
        "[\(bead.zh.map(String.init).joined(separator: ","))]:[\(bead.en.map(String.init).joined(separator: ","))]"
    }

    /// The beads of a bead file's text; `source` names the file in errors. An empty side is placed
    /// where the previous bead's side ended.
    public static func parse(_ text: String, source: String) throws(BitextError) -> [Bead] {
        var beads: [Bead] = []
        var zhEnd = 0, enEnd = 0
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let sides = line.split(separator: ":", omittingEmptySubsequences: false)
            guard sides.count == 2, let zh = indices(sides[0], emptyAt: zhEnd), let en = indices(sides[1], emptyAt: enEnd) else {
                throw .badLine(path: source, line: k + 1, reason: "expected a bead such as [0]:[0,1]")
            }
            beads.append(Bead(zh: zh, en: en))
            zhEnd = zh.upperBound
            enEnd = en.upperBound
        }
        return beads
    }

    private static func indices(_ side: Substring, emptyAt position: Int) -> Range<Int>? {
        let s = side.trimmingCharacters(in: .whitespaces)
        guard s.hasPrefix("["), s.hasSuffix("]") else { return nil }
        let inner = s.dropFirst().dropLast()
        if inner.trimmingCharacters(in: .whitespaces).isEmpty { return position..<position }
        let values = inner.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let first = values.first, values.count == inner.split(separator: ",").count,
              values == Array(first..<(first + values.count)) else { return nil }
        return first..<(first + values.count)
    }
}

import Foundation
