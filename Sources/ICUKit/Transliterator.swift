internal import CICU

/// An ICU transform such as `Han-Latin` (pinyin with tone marks) or `Hant-Hans`.
/// Not safe for concurrent use: give each thread its own.
public final class Transliterator {
    private let handle: UnsafeMutableRawPointer

    /// Opens the transform with ICU identifier `id`.
    public init(_ id: String) throws(ICUError) {
        let units = Array(id.utf16)
        let h = try checked("utrans_openU") { s in
            units.withUnsafeBufferPointer { bitext_utrans_open($0.baseAddress, Int32($0.count), s) }
        }
        guard let h else { throw ICUError(operation: "utrans_openU", status: bitext_status_invalid_id) }
        handle = h
    }

    deinit { bitext_utrans_close(handle) }

    /// `text` transformed.
    public func transform(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        if text.isEmpty { return text }
        var capacity = text.count * 4 + 16
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var length = Int32(text.count)
            var limit = Int32(text.count)
            var status: Int32 = 0
            buffer.withUnsafeMutableBufferPointer { b in
                bitext_utrans_transUChars(handle, b.baseAddress, &length, Int32(capacity), &limit, &status)
            }
            if status == bitext_status_buffer_overflow { capacity = Int(length) + 16; continue }
            if status > 0 { throw ICUError(operation: "utrans_transUChars", status: status) }
            buffer.removeSubrange(Int(length)...)
            return buffer
        }
    }

    /// `text` transformed.
    public func transform(_ text: String) throws(ICUError) -> String {
        String(decoding: try transform(Array(text.utf16)), as: UTF16.self)
    }
}
