internal import CICU

/// ICU Unicode normalization forms over UTF-16 text.
public struct Normalizer: Sendable {
    /// The normalization forms bitext uses.
    public enum Form: Int32, Sendable {
        /// Canonical composition: the form text is kept and written in.
        case nfc = 0
        /// Compatibility composition with case folding: the form used for matching.
        case nfkcCasefold = 1
    }

    private let form: Form

    /// A normalizer for `form`.
    public init(_ form: Form) { self.form = form }

    /// `text` in this form; returns the input unchanged when it already is.
    public func normalize(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        if text.isEmpty { return text }
        let instance = try checked("unorm2_getInstance") { bitext_unorm2_instance(form.rawValue, $0) }
        guard let instance else { throw ICUError(operation: "unorm2_getInstance", status: bitext_status_missing_resource) }
        let span = try checked("unorm2_spanQuickCheckYes") { s in
            text.withUnsafeBufferPointer { bitext_unorm2_spanQuickCheckYes(instance, $0.baseAddress, Int32($0.count), s) }
        }
        if Int(span) == text.count { return text }
        return try withGrowingBuffer("unorm2_normalize", initialCapacity: text.count * 3) { dst, status in
            text.withUnsafeBufferPointer { src in
                bitext_unorm2_normalize(instance, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), status)
            }
        }
    }

    /// `text` in this form.
    public func normalize(_ text: String) throws(ICUError) -> String {
        String(decoding: try normalize(Array(text.utf16)), as: UTF16.self)
    }
}
