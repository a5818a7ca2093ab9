internal import CICU

/// ICU boundary analysis (sentences or words) over UTF-16 text, returning boundaries in bulk.
public final class BreakIterator {
    /// What the iterator finds boundaries between.
    public enum Kind: Sendable {
        case sentence, word, character, line
        /// ICU's UBreakIteratorType value.
        var icuType: Int32 {
            switch self {
            case .character: 0
            case .word: 1
            case .line: 2
            case .sentence: 3
            }
        }
    }

    /// The rule status ICU gives a word boundary: what kind of token precedes it.
    public enum WordStatus: Sendable, Equatable {
        case none, number, letter, kana, ideograph
        init(_ raw: Int32) {
            switch raw {
            case 100..<200: self = .number
            case 200..<300: self = .letter
            case 300..<400: self = .kana
            case 400..<500: self = .ideograph
            default: self = .none
            }
        }
    }

    private let handle: UnsafeMutableRawPointer
    private let buffer = UTF16Buffer()
    private var offsets: [Int32] = []
    private var statuses: [Int32] = []

    /// Opens an iterator for `kind` with ICU's rules for `locale` (e.g. "zh", "en").
    public init(_ kind: Kind, locale: String) throws(ICUError) {
        let h = try checked("ubrk_open") { bitext_ubrk_open(kind.icuType, locale, $0) }
        guard let h else { throw ICUError(operation: "ubrk_open", status: bitext_status_missing_resource) }
        handle = h
    }

    deinit { bitext_ubrk_close(handle) }

    private func setText<C: Collection>(_ text: C) throws(ICUError) where C.Element == UInt16 {
        buffer.assign(text)
        let p = buffer.pointer, n = Int32(buffer.count)
        try checked("ubrk_setText") { bitext_ubrk_setText(handle, p, n, $0) }
        let needed = buffer.count + 1
        if offsets.count < needed {
            offsets = [Int32](repeating: 0, count: needed)
            statuses = [Int32](repeating: 0, count: needed)
        }
    }

    /// All boundaries in `text` as UTF-16 offsets, starting with 0 and ending with `text.count`.
    public func boundaries<C: Collection>(in text: C) throws(ICUError) -> [Int] where C.Element == UInt16 {
        try setText(text)
        let capacity = Int32(buffer.count + 1)
        let n = offsets.withUnsafeMutableBufferPointer { o in
            bitext_ubrk_fill(handle, o.baseAddress, nil, capacity)
        }
        return offsets[0..<Int(n)].map { Int($0) }
    }

    /// Boundaries with the rule status of the segment ending at each one (index 0 has none).
    public func boundariesWithStatus<C: Collection>(in text: C) throws(ICUError) -> [(offset: Int, status: WordStatus)]
    where C.Element == UInt16 {
        try setText(text)
        let capacity = Int32(buffer.count + 1)
        let n = offsets.withUnsafeMutableBufferPointer { o in
            statuses.withUnsafeMutableBufferPointer { s in
                bitext_ubrk_fill(handle, o.baseAddress, s.baseAddress, capacity)
            }
        }
        return (0..<Int(n)).map { (Int(offsets[$0]), WordStatus(statuses[$0])) }
    }

    /// Counts boundaries without keeping them: plain ICU iteration, the benchmark baseline.
    public func countBoundaries<C: Collection>(in text: C) throws(ICUError) -> Int where C.Element == UInt16 {
        try setText(text)
        return Int(bitext_ubrk_count(handle))
    }
}
