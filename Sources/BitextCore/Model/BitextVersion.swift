/// The version of bitext.
public enum BitextVersion {
    /// The release this build is.
    public static let current = "0.1.0"
}
