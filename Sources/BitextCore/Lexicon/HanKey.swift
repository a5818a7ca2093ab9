/// A 64-bit key for a run of Chinese characters (FNV-1a over the scalar values), built
/// incrementally so every n-gram starting at a position is keyed in one pass.
public struct HanKey: Hashable, Sendable {
    /// The key value.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The key of the empty string.
    public init() {}

    /// The key of `text` (its Unicode scalars).
    public init(_ text: some StringProtocol) {
        for s in text.unicodeScalars { append(s) }
    }

    /// Extends the key by one character.
    public mutating func append(_ s: Unicode.Scalar) {
        var v = s.value
        for _ in 0..<3 {
            value = (value ^ UInt64(v & 0xFF)) &* 0x100_0000_01b3
            v >>= 8
        }
    }
}

/// FNV-1a, 64-bit, over bytes.
enum FNV {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(offset, add) }
}
