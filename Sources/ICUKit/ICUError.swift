internal import CICU

/// A failed ICU call: which operation failed and ICU's own error name.
public struct ICUError: Error, Equatable, CustomStringConvertible {
    /// The ICU operation that failed, e.g. "ubrk_open".
    public let operation: String
    /// ICU's numeric `UErrorCode`.
    public let code: Int32
    /// ICU's symbolic error name, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
    public let name: String

    init(operation: String, status: Int32) {
        self.operation = operation
        self.code = status
        self.name = String(cString: bitext_u_errorName(status))
    }

    public var description: String { "ICU \(operation) failed: \(name)" }
}

/// Runs an ICU call with a fresh status and turns a failure (a positive status) into an `ICUError`.
func checked<T>(_ operation: String, _ body: (UnsafeMutablePointer<Int32>) -> T) throws(ICUError) -> T {
    var status: Int32 = 0
    let result = body(&status)
    if status > 0 { throw ICUError(operation: operation, status: status) }
    return result
}

/// Runs an ICU call that needs an output buffer, growing the buffer once ICU reports the size it needs.
func withGrowingBuffer<T>(_ operation: String, initialCapacity: Int,
                          _ body: (UnsafeMutableBufferPointer<T>, UnsafeMutablePointer<Int32>) -> Int32)
    throws(ICUError) -> [T] where T: FixedWidthInteger {
    var capacity = max(16, initialCapacity)
    while true {
        var out = [T](repeating: 0, count: capacity)
        var status: Int32 = 0
        let length = out.withUnsafeMutableBufferPointer { body($0, &status) }
        if status == bitext_status_buffer_overflow && Int(length) > capacity { capacity = Int(length) + 16; continue }
        if status > 0 { throw ICUError(operation: operation, status: status) }
        out.removeSubrange(Int(length)...)
        return out
    }
}
