/// Interns English match forms (and other evidence keys) as small integer ids.
public final class Vocabulary {
    private var ids: [String: Int32] = [:]
    private(set) var words: [String] = []

    /// An empty vocabulary.
    public init() {}

    /// The id of `word`, adding it when new.
    public func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    /// How many words there are.
    public var count: Int { words.count }

    /// The word with `id`.
    public func word(_ id: Int32) -> String { words[Int(id)] }
}
