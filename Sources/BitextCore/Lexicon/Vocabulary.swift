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

extension Vocabulary {
    /// The id of `word` if it has one; adds nothing (safe while other threads also only read).
    func existingID(_ word: String) -> Int32? { ids[word] }

    /// Adds `shard`'s new words in the order the shard met them and returns, for each of its
    /// provisional ids (from `shard.base` on), the final one. Shards adopted in the order of their
    /// sentences give every word the id a single reader of all the sentences would have given it.
    func adopt(_ shard: VocabularyShard) -> [Int32] {
        precondition(shard.vocabulary === self, "a shard is adopted by the vocabulary it reads")
        return shard.newWords.map { id($0) }
    }
}

/// Ids for one worker's share of the sentences while other workers read other shares: a word the
/// shared vocabulary already has keeps its id; a new word gets a provisional id past the shared
/// ones (`base` and up, in the order first met) until `Vocabulary.adopt` makes it final. The shared
/// vocabulary must not change while shards read it.
struct VocabularyShard {
    let vocabulary: Vocabulary
    /// The first provisional id: the shared vocabulary's size when the shard began.
    let base: Int32
    /// The words the shared vocabulary lacked, in the order met.
    private(set) var newWords: [String] = []
    private var newIDs: [String: Int32] = [:]

    /// A shard reading `vocabulary` as it is now.
    init(_ vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        base = Int32(vocabulary.count)
    }

    /// The id of `word`: its shared id, or a provisional one.
    mutating func id(_ word: String) -> Int32 {
        if let id = vocabulary.existingID(word) ?? newIDs[word] { return id }
        let id = base + Int32(newWords.count)
        newIDs[word] = id
        newWords.append(word)
        return id
    }

    /// The final id of `id` given `adopted`, what `Vocabulary.adopt` returned for this shard.
    func final(_ id: Int32, adopted: [Int32]) -> Int32 { id < base ? id : adopted[Int(id - base)] }
}
