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

    /// One line for `bead`.
    public static func line(_ bead: IndexedBead) -> String {
        "[\(bead.zh.map(String.init).joined(separator: ","))]:[\(bead.en.map(String.init).joined(separator: ","))]"
    }

    /// The beads of a gold file's text as index lists, which need not be contiguous (InterText
    /// exports hold beads such as `[49,51,53]:[51]`); `source` names the file in errors.
    public static func parseIndexed(_ text: String, source: String) throws(BitextError) -> [IndexedBead] {
        var beads: [IndexedBead] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let sides = line.split(separator: ":", omittingEmptySubsequences: false)
            guard sides.count == 2, let zh = list(sides[0]), let en = list(sides[1]) else {
                throw .badLine(path: source, line: k + 1, reason: "expected a bead such as [0]:[0,1]")
            }
            beads.append(IndexedBead(zh: zh, en: en))
        }
        return beads
    }

    private static func indices(_ side: Substring, emptyAt position: Int) -> Range<Int>? {
        guard let values = list(side) else { return nil }
        guard let first = values.first else { return position..<position }
        guard values == Array(first..<(first + values.count)) else { return nil }
        return first..<(first + values.count)
    }

    /// The non-negative integers of `[a,b,…]`, in the order written; nil when it is not such a list.
    private static func list(_ side: Substring) -> [Int]? {
        let s = side.trimmingCharacters(in: .whitespaces)
        guard s.hasPrefix("["), s.hasSuffix("]") else { return nil }
        let inner = s.dropFirst().dropLast()
        if inner.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        let fields = inner.split(separator: ",", omittingEmptySubsequences: false)
        let values = fields.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 >= 0 }
        return values.count == fields.count ? values : nil
    }
}

/// A bead as lists of sentence indices, as gold files give them: the form scores compare, since
/// a gold bead may skip a sentence (`[49,51,53]:[51]`).
public struct IndexedBead: Sendable, Hashable {
    /// The Chinese sentence indices, in the order written.
    public let zh: [Int]
    /// The English sentence indices, in the order written.
    public let en: [Int]

    /// A bead of these indices.
    public init(zh: [Int], en: [Int]) {
        self.zh = zh
        self.en = en
    }

    /// The indices of `bead`.
    public init(_ bead: Bead) {
        zh = Array(bead.zh)
        en = Array(bead.en)
    }
}

import Foundation
