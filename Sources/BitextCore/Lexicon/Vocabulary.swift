/// Interns English match forms (and other evidence keys) as small integer ids.
public final class Vocabulary {
    private(set) var ids: [String: Int32] = [:]
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
    /// Adds `shard`'s new words in the order the shard met them and returns, for each of its
    /// provisional ids (from `shard.base` on), the final one. Shards adopted in the order of their
    /// sentences give every word the id a single reader of all the sentences would have given it.
    func adopt(_ shard: VocabularyShard) -> [Int32] {
        shard.newWords.map { id($0) }
    }
}

/// Ids for one worker's share of the sentences while other workers read other shares: a word the
/// shared vocabulary already has keeps its id; a new word gets a provisional id past the shared
/// ones (`base` and up, in the order first met) until `Vocabulary.adopt` makes it final. A shard
/// reads the shared vocabulary as it was when the shard began (a copy that costs nothing while the
/// vocabulary does not change), so shards are adopted before the vocabulary gains other words.
struct VocabularyShard: Sendable {
    /// The shared vocabulary's ids when the shard began.
    private let shared: [String: Int32]
    /// The first provisional id: the shared vocabulary's size when the shard began.
    let base: Int32
    /// The words the shared vocabulary lacked, in the order met.
    private(set) var newWords: [String] = []
    private var newIDs: [String: Int32] = [:]

    /// A shard reading `vocabulary` as it is now.
    init(_ vocabulary: Vocabulary) {
        shared = vocabulary.ids
        base = Int32(vocabulary.count)
    }

    /// The id of `word`: its shared id, or a provisional one.
    mutating func id(_ word: String) -> Int32 {
        if let id = shared[word] ?? newIDs[word] { return id }
        let id = base + Int32(newWords.count)
        newIDs[word] = id
        newWords.append(word)
        return id
    }

    /// The final id of `id` given `adopted`, what `Vocabulary.adopt` returned for this shard.
    func final(_ id: Int32, adopted: [Int32]) -> Int32 { id < base ? id : adopted[Int(id - base)] }
}
