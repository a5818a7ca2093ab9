/// One change a reviewer makes to an alignment (in the browser editor, or by hand), replayable on
/// the same alignment: each names its bead by position and by where the bead starts on both sides,
/// so an edit made on another alignment is refused instead of applied to the wrong sentences.
/// A bead an edit makes gets confidence 1 (a person decided it).
public struct AlignmentEdit: Sendable, Equatable, Codable {
    /// What the edit does.
    public enum Operation: String, Sendable, Codable {
        /// The bead and the next one become one bead.
        case merge
        /// The bead becomes two: its first `zh` Chinese and first `en` English sentences, then the rest.
        case split
        /// The bead's first sentence on `side` goes to the end of the previous bead.
        case movePrevious = "move-previous"
        /// The bead's last sentence on `side` goes to the start of the next bead.
        case moveNext = "move-next"
        /// The bead's first (`sentence` 0) or last sentence on `side` becomes a bead of its own with
        /// nothing on the other side.
        case unmatch
    }

    public var op: Operation
    /// The bead's position (0-based) in the alignment as it is when the edit is applied.
    public var bead: Int
    /// Where that bead starts: its first Chinese and English sentence indices (for a side without
    /// sentences, the index of the next sentence of that side).
    public var zhStart: Int
    public var enStart: Int
    /// `split`: how many Chinese and English sentences stay in the first bead.
    public var zh: Int?
    public var en: Int?
    /// `move-previous`, `move-next`, `unmatch`: the side, "zh" or "en".
    public var side: Language?
    /// `unmatch`: which sentence of the side, counted from 0 within the bead (first or last only).
    public var sentence: Int?

    enum CodingKeys: String, CodingKey {
        case op, bead, zhStart = "zh_start", enStart = "en_start", zh, en, side, sentence
    }

    public init(op: Operation, bead: Int, zhStart: Int, enStart: Int, zh: Int? = nil, en: Int? = nil, side: Language? = nil, sentence: Int? = nil) {
        self.op = op
        self.bead = bead
        self.zhStart = zhStart
        self.enStart = enStart
        self.zh = zh
        self.en = en
        self.side = side
        self.sentence = sentence
    }

    /// Why an edit cannot be applied, for the message naming the edit.
    public struct Refusal: Error, Equatable, Sendable {
        public let reason: String
    }

    /// Applies the edit to `beads` (in text order, covering every sentence once); throws, leaving
    /// `beads` unchanged, when it does not fit them.
    public func apply(to beads: inout [Bead]) throws(Refusal) {
        guard beads.indices.contains(bead) else { throw Refusal(reason: "there is no bead \(bead) (the alignment has \(beads.count))") }
        let b = beads[bead]
        guard b.zh.lowerBound == zhStart && b.en.lowerBound == enStart else {
            throw Refusal(reason: "bead \(bead) starts at Chinese sentence \(b.zh.lowerBound) and English sentence \(b.en.lowerBound) here, "
                          + "not \(zhStart) and \(enStart) as where the edit was made — the alignment differs (other input, dictionary or bitext version)")
        }
        switch op {
        case .merge:
            guard bead + 1 < beads.count else { throw Refusal(reason: "bead \(bead) is the last one: there is no next bead to merge with") }
            let next = beads[bead + 1]
            beads.replaceSubrange(bead...bead + 1, with: [Bead(zh: b.zh.lowerBound..<next.zh.upperBound, en: b.en.lowerBound..<next.en.upperBound)])
        case .split:
            guard let z = zh, let e = en, (0...b.zh.count).contains(z), (0...b.en.count).contains(e),
                  z + e > 0, z + e < b.zh.count + b.en.count else {
                throw Refusal(reason: "a split of bead \(bead) needs zh in 0…\(b.zh.count) and en in 0…\(b.en.count), leaving sentences on both parts")
            }
            let zc = b.zh.lowerBound + z, ec = b.en.lowerBound + e
            beads.replaceSubrange(bead...bead, with: [Bead(zh: b.zh.lowerBound..<zc, en: b.en.lowerBound..<ec), Bead(zh: zc..<b.zh.upperBound, en: ec..<b.en.upperBound)])
        case .movePrevious, .moveNext:
            let side = try requiredSide()
            let toPrevious = op == .movePrevious
            let neighbour = toPrevious ? bead - 1 : bead + 1
            guard beads.indices.contains(neighbour) else { throw Refusal(reason: "bead \(bead) has no \(toPrevious ? "previous" : "next") bead") }
            guard !b[side].isEmpty else { throw Refusal(reason: "bead \(bead) has no \(side.name) sentence to move") }
            var moved = b, other = beads[neighbour]
            if toPrevious {
                moved[side] = moved[side].lowerBound + 1..<moved[side].upperBound
                other[side] = other[side].lowerBound..<other[side].upperBound + 1
            } else {
                moved[side] = moved[side].lowerBound..<moved[side].upperBound - 1
                other[side] = other[side].lowerBound - 1..<other[side].upperBound
            }
            moved.confidence = 1
            other.confidence = 1
            let pair = toPrevious ? [other, moved] : [moved, other]
            let range = toPrevious ? neighbour...bead : bead...neighbour
            beads.replaceSubrange(range, with: pair.filter { !$0.zh.isEmpty || !$0.en.isEmpty })
        case .unmatch:
            let side = try requiredSide()
            let count = b[side].count
            guard let k = sentence, count > 0, k == 0 || k == count - 1 else {
                throw Refusal(reason: "only the first (0) or the last (\(max(0, count - 1))) \(side.name) sentence of bead \(bead) can be left unmatched")
            }
            guard count + b[side.other].count > 1 else { throw Refusal(reason: "bead \(bead) holds that one sentence only: it is unmatched already") }
            var single = Bead(zh: b.zh.lowerBound..<b.zh.lowerBound, en: b.en.lowerBound..<b.en.lowerBound)
            var rest = b
            rest.confidence = 1
            if k == 0 {
                single[side] = b[side].lowerBound..<b[side].lowerBound + 1
                rest[side] = b[side].lowerBound + 1..<b[side].upperBound
                beads.replaceSubrange(bead...bead, with: [single, rest])
            } else {
                single[side] = b[side].upperBound - 1..<b[side].upperBound
                rest[side] = b[side].lowerBound..<b[side].upperBound - 1
                single[side.other] = b[side.other].upperBound..<b[side.other].upperBound
                beads.replaceSubrange(bead...bead, with: [rest, single])
            }
        }
    }

    private func requiredSide() throws(Refusal) -> Language {
        guard let side else { throw Refusal(reason: "a \(op.rawValue) edit needs a side, \"zh\" or \"en\"") }
        return side
    }
}

extension Bead {
    /// The sentences of `side`.
    subscript(side: Language) -> Range<Int> {
        get { side == .zh ? zh : en }
        set { if side == .zh { zh = newValue } else { en = newValue } }
    }
}

extension Alignment {
    /// The alignment with `edits` applied in order; an edit that does not fit is an error naming
    /// it (1-based) and why.
    public func applying(_ edits: [AlignmentEdit]) throws(AlignmentEdit.Refusal) -> Alignment {
        var beads = self.beads
        for (k, edit) in edits.enumerated() {
            do throws(AlignmentEdit.Refusal) {
                try edit.apply(to: &beads)
            } catch {
                throw AlignmentEdit.Refusal(reason: "edit \(k + 1) (\(edit.op.rawValue)): \(error.reason)")
            }
        }
        return Alignment(zh: zh, en: en, beads: beads)
    }
}
