internal import CICU

/// The Unicode script of a character, as far as bitext needs it.
public enum Script: Sendable, Equatable {
    case han, latin, other

    /// The script ICU assigns to `scalar` (Common and Inherited count as `.other`).
    public init(_ scalar: Unicode.Scalar) {
        switch bitext_script(scalar.value) {
        case 1: self = .han
        case 2: self = .latin
        default: self = .other
        }
    }
}
